// The emulator's control routes as the panel uses them (CORS-enabled JSON, README "The collector
// emulator"). Faults act at the server, so "offline" cuts the collector for every page, as an outage would.
import type { EmulatorReport, Fault, FaultSpec } from '../../src/emulator/index';

export function createCollectorClient(collector: string) {
  const control = async <T>(route: string, init?: RequestInit): Promise<T> => {
    const response = await fetch(`${collector}/__emulator/${route}`, init);
    if (!response.ok)
      throw new Error(`${init?.method ?? 'GET'} /__emulator/${route} answered ${response.status}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const post = (route: string, body: unknown) =>
    control<unknown>(route, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  return {
    report: () => control<EmulatorReport>('report'),
    faults: () => control<Fault[]>('faults'),
    addFault: (spec: FaultSpec) => post('faults', spec),
    clearFaults: () => control<void>('faults', { method: 'DELETE' }),
    /** The page for people that the emulator serves (src/emulator/report-page.ts). */
    reportPage: `${collector}/__emulator/`,
  };
}

export type CollectorClient = ReturnType<typeof createCollectorClient>;

/** "Offline" is a refuse fault on every API route with no end; the panel adds it and recognises it after a reload. */
export const OFFLINE_FAULT: FaultSpec = { refuse: true, match: 'all' };
export const isOfflineFault = (fault: Fault): boolean =>
  fault.refuse === true &&
  fault.match === 'all' &&
  fault.until === undefined &&
  fault.remaining === undefined;

/** The collector's state in words, from its active faults. */
export function describeFaults(faults: readonly Fault[]): string {
  if (faults.some(isOfflineFault)) return 'offline: it refuses every connection';
  const pending = faults
    .filter((f) => f.status !== undefined)
    .map((f) => {
      const what = f.match === 'events' ? 'event' : 'request';
      const which = f.remaining === undefined ? `every ${what}` : `the next ${f.remaining} ${what}(s)`;
      return `${which} will get HTTP ${f.status}`;
    });
  return pending.length ? `online; then ${pending.join(', ')}` : 'online';
}
