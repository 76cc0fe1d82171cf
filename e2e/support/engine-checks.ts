// Collector-side verdicts for the engine scenarios (e2e/engines/): what the pages produced (recorded by
// the harness's `record=1` in localStorage, read through any Driver) held against what the emulator got.
import { expect, test } from '@playwright/test';
import type { Collector } from './collector';
import type { Driver } from './driver';
import { expectExact, printOutbox, type Recorded, type Recorder, recordedFrom, waitForDrain } from './outbox';

/** What the harness pages of this driver's profile recorded (open them with `record: 1`). */
export function recordIn(driver: Driver): Recorder {
  return {
    async read(): Promise<Recorded> {
      let entries: [string, string | null][] = [];
      for (let attempt = 0; ; attempt++) {
        try {
          entries = await driver.evaluate(() =>
            Object.keys(localStorage)
              .filter((key) => key.startsWith('__mc:'))
              .sort()
              .map((key) => [key.split(':')[1] ?? '', localStorage.getItem(key)] as [string, string | null]),
          );
          break;
        } catch (error) {
          if (attempt >= 20) throw error; // a page in the middle of a navigation
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      return recordedFrom(entries.map(([kind, json]) => [kind, JSON.parse(json ?? 'null')] as const));
    },
  };
}

/**
 * Everything produced arrived once and in order, the emulator found nothing wrong with the sessions and
 * validated every request; prints the OUTBOX line (`lost=0 dup=0 disorder=0`).
 */
export async function expectClean(
  collector: Collector,
  recorder: Recorder,
  scenario: string,
  { since = Date.now(), timeoutMs = 30_000 }: { since?: number; timeoutMs?: number } = {},
): Promise<void> {
  const { audit, drainMs } = await waitForDrain(collector, recorder, { since, timeoutMs });
  printOutbox(scenario, audit, drainMs);
  await expectExact(collector, audit);
  const report = await collector.report();
  expect(report.findings, 'emulator findings').toEqual([]);
  const errors = (await recorder.read()).errors;
  expect(errors, 'mediacollection:error events').toEqual([]);
  console.log(`FINDINGS ${test.info().project.name} ${scenario} findings=0 validationErrors=0`);
}

/** Event types of the collector's sessions, accepted ones only, in arrival order per session. */
export async function acceptedTypes(collector: Collector): Promise<string[][]> {
  return (await collector.sessions()).map((s) =>
    s.events.filter((e) => e.status < 300).map((e) => e.event.eventType),
  );
}
