// Item 2: player signals per second through the pure core, and what one `timeupdate` costs, in Node.
// The signals come from a scripted hour of viewing (a timeupdate every 250 ms as browsers fire them,
// a pause, a seek and a mute toggle now and then, pings falling due every 10 s). Snapshots are made
// before timing starts: this measures the core, not the adapter's reads of video.js.
// Rates and costs are per CPU second of this process (process.cpuUsage), not per wall second: the
// machine is shared, and time spent waiting for a core is not the core's cost.
import { median, round } from '../lib/stats.mjs';
import { baseSnapshot, configOf, T0, viewingHour } from './viewing.mjs';

/** CPU ms this process used since `from` (a process.cpuUsage() reading). */
const cpuMs = (from) => {
  const { user, system } = process.cpuUsage(from);
  return (user + system) / 1000;
};

/** Runs whole viewings (a fresh tracker state each) for at least `ms`; returns signals per CPU second. */
function signalsPerSecond(core, config, beats, ms) {
  let signals = 0;
  let events = 0;
  let wallBase = T0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  while (performance.now() - started < ms) {
    let state = core.initialState;
    for (const [signal, snap, t] of beats) {
      const step = core.reduce(config, state, signal, snap, wallBase + t);
      state = step.state;
      events += step.out.length;
    }
    signals += beats.length;
    wallBase += beats.at(-1)[2] + 60_000;
  }
  return { perSecond: signals / (cpuMs(cpu) / 1000), events };
}

/** State of a session that is playing, for the per-timeupdate loops. */
function playingState(core, config) {
  let state = core.initialState;
  const snap = { ...baseSnapshot, paused: false };
  for (const [i, type] of ['loadstart', 'play', 'playing'].entries()) {
    state = core.reduce(config, state, { type }, snap, T0 + i).state;
  }
  return state;
}

/** ns per timeupdate through reduce() alone; a new snapshot object per call, as the adapter makes one. */
function reduceNsPerTimeupdate(core, config, count) {
  let state = playingState(core, config);
  let snap = { ...baseSnapshot, paused: false };
  const signal = { type: 'timeupdate' };
  const cpu = process.cpuUsage();
  for (let i = 1; i <= count; i++) {
    snap = { ...snap, playhead: i * 0.25 };
    state = core.reduce(config, state, signal, snap, T0 + 10 + i * 250).state;
  }
  return (cpuMs(cpu) * 1e6) / count;
}

/** ns per timeupdate through tracking(): Subject in, core, the deadline timer re-armed, output out. */
function trackingNsPerTimeupdate(core, config, count) {
  const signal$ = new core.Subject();
  let snap = { ...baseSnapshot, paused: false };
  let wall = T0;
  let events = 0;
  const subscription = core
    .tracking({ config, signal$, snapshot: () => snap, now: () => wall, scheduler: core.asyncScheduler })
    .subscribe((out) => {
      events += out.length;
    });
  for (const type of ['loadstart', 'play', 'playing']) signal$.next({ type });
  const signal = { type: 'timeupdate' };
  const cpu = process.cpuUsage();
  for (let i = 1; i <= count; i++) {
    wall += 250;
    snap = { ...snap, playhead: i * 0.25 };
    signal$.next(signal);
  }
  const ns = (cpuMs(cpu) * 1e6) / count;
  subscription.unsubscribe();
  if (events === 0) throw new Error('tracking() produced no events: the bench is not driving it');
  return ns;
}

export function measureCore(core, { reps = 5, runMs = 1000 } = {}) {
  const config = configOf(core);
  const beats = viewingHour();
  signalsPerSecond(core, config, beats, 300); // warm-up: let the JIT settle before timing
  const rates = [];
  let events = 0;
  for (let i = 0; i < reps; i++) {
    const run = signalsPerSecond(core, config, beats, runMs);
    rates.push(run.perSecond);
    events = run.events;
  }
  const reduceNs = [];
  const trackingNs = [];
  reduceNsPerTimeupdate(core, config, 50_000);
  trackingNsPerTimeupdate(core, config, 20_000);
  for (let i = 0; i < reps; i++) {
    reduceNs.push(reduceNsPerTimeupdate(core, config, 200_000));
    trackingNs.push(trackingNsPerTimeupdate(core, config, 100_000));
  }
  return {
    reps,
    signalsPerViewingHour: beats.length,
    eventsLastRun: events,
    signalsPerSecond: {
      median: Math.round(median(rates)),
      min: Math.round(Math.min(...rates)),
      max: Math.round(Math.max(...rates)),
    },
    reduceNsPerTimeupdate: { median: round(median(reduceNs)), all: reduceNs.map((v) => round(v)) },
    trackingNsPerTimeupdate: { median: round(median(trackingNs)), all: trackingNs.map((v) => round(v)) },
    target: { signalsPerSecond: 1_000_000 },
  };
}
