// The timeline's horizontal axis: wall time from the first session's start to now, at least a minute
// wide so the first minute grows from the left instead of stretching, with round-second ticks.

export interface TimeScale {
  t0: number;
  t1: number;
  x(ts: number): number;
  ticks: { ts: number; label: string }[];
}

const MIN_SPAN_MS = 60_000;
const STEPS_S = [5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600];
const MAX_TICKS = 8;

export function timeScale(t0: number, now: number, left: number, width: number): TimeScale {
  const t1 = Math.max(now, t0 + MIN_SPAN_MS);
  const span = t1 - t0;
  const x = (ts: number) => left + (Math.min(Math.max(ts, t0), t1) - t0) * (width / span);
  const step = (STEPS_S.find((s) => span / (s * 1000) <= MAX_TICKS) ?? STEPS_S.at(-1)!) * 1000;
  const ticks = [];
  for (let ts = t0; ts <= t1; ts += step) {
    const seconds = (ts - t0) / 1000;
    ticks.push({ ts, label: seconds >= 120 ? `${Math.round(seconds / 60)} min` : `${seconds} s` });
  }
  return { t0, t1, x, ticks };
}
