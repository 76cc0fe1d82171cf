// Helpers for the outbox specs (e2e/outbox*.spec.ts): record what the pages produced, go offline, and
// hold the collector's view against the pages' (the emulator's /__emulator/audit).
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import type { AuditReport } from '../../src/emulator/index';
import type { McEvent, Outgoing } from '../../src/mc/types';
import { CLOSING } from '../../src/outbox/journal';
import type { Collector } from './collector';
import { pollUntil } from './poll';

export interface Recorded {
  /** Every event the pages produced, in order per page, with their local session keys. */
  produced: Outgoing[];
  /** Every `mediacollection:error` payload. */
  errors: ({ code: string } & Record<string, unknown>)[];
}

export interface Recorder {
  read(): Promise<Recorded>;
}

/**
 * The harness's entries (`[kind, data]`, in key order) as what the pages produced. A page whose record
 * of a session has no end, but whose copy of the plugin's journal entry still holds a provisional close
 * (docs/outbox.md#the-provisional-close), produced that close: its pagehide was cut short before the
 * record was written (Firefox closing a tab), and the next page delivers the provisional one.
 */
export function recordedFrom(parsed: readonly (readonly [string, unknown])[]): Recorded {
  const produced = parsed.filter(([kind]) => kind === 'event').map(([, data]) => data as Outgoing);
  for (const [kind, data] of parsed) {
    if (kind !== 'journal') continue;
    const [, , provisional = []] = data as [unknown, unknown, [number, Outgoing][]?];
    const session = provisional[0]?.[1].session;
    const ended = produced.some((p) => p.session === session && CLOSING.has(p.event.eventType));
    if (session === undefined || ended) continue;
    produced.push(...provisional.map(([, record]) => ({ session: record.session, event: record.event })));
  }
  return {
    produced,
    errors: parsed.filter(([kind]) => kind === 'error').map(([, data]) => data as Recorded['errors'][number]),
  };
}

/**
 * What the harness pages of this context produced (open them with `record: 1`): they keep it in the
 * origin's localStorage, written synchronously as each event is produced, so it includes what a page
 * produced while closing — a Playwright binding loses those messages in Firefox (measured).
 */
export function recordPages(context: BrowserContext): Recorder {
  const readFrom = (page: Page) =>
    page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('__mc:'))
        .sort()
        .map((key) => [key.split(':')[1], localStorage.getItem(key)] as const),
    );
  return {
    async read() {
      for (let attempt = 0; ; attempt++) {
        const page = context.pages().find((p) => !p.isClosed());
        try {
          const entries = await readFrom(page!);
          return recordedFrom(entries.map(([kind, json]) => [kind, JSON.parse(json ?? 'null')] as const));
        } catch (error) {
          if (attempt >= 20) throw error; // a page in the middle of a reload has no context to evaluate in
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
  };
}

export const types = (recorded: Recorded): string[] => recorded.produced.map((p) => p.event.eventType);
export const codes = (recorded: Recorded): string[] => recorded.errors.map((e) => e.code);

/** The events the pages reported as dropped by the collector (a final 400). */
const droppedBy = (recorded: Recorded): Outgoing[] =>
  recorded.errors
    .filter((e) => e.code === 'MC_EVENT_DROPPED')
    .map((e) => ({ session: e.session as string, event: e.event as McEvent }));

/** The emulator's verdict on everything the pages produced so far. */
export async function audit(collector: Collector, recorder: Recorder): Promise<AuditReport> {
  const recorded = await recorder.read();
  return collector.audit({ produced: recorded.produced, dropped: droppedBy(recorded) });
}

/**
 * Waits until every event produced so far has arrived (or was reported dropped). `drainMs` is from
 * `since` (epoch ms) to the arrival of the last event the collector accepted.
 */
export async function waitForDrain(
  collector: Collector,
  recorder: Recorder,
  { since, timeoutMs = 30_000 }: { since: number; timeoutMs?: number },
): Promise<{ audit: AuditReport; drainMs: number }> {
  let last: AuditReport | undefined;
  await pollUntil(
    async () => {
      last = await audit(collector, recorder);
      // An event produced and delivered between reading the page's record and the audit shows as
      // unexpected for one poll; a real invented event never clears, and fails on expectExact.
      return last.produced > 0 && last.lost === 0 && last.unexpected === 0;
    },
    { timeoutMs, message: () => `the outbox never drained\nlast audit: ${JSON.stringify(last?.details)}` },
  );
  const arrivals = (await collector.sessions()).flatMap((s) => s.events.filter((e) => e.status < 300));
  const lastArrival = Math.max(...arrivals.map((e) => e.receivedAt));
  return { audit: last!, drainMs: Math.max(0, lastArrival - since) }; // 0: all in before `since`
}

/** The line the closing note's table is built from; grep `OUTBOX` in the test log. */
export function printOutbox(scenario: string, result: AuditReport, drainMs?: number): void {
  const project = test.info().project.name;
  const { lost, duplicated, disorder, produced, synthetic, dropped } = result;
  console.log(
    `OUTBOX ${project} ${scenario} lost=${lost} dup=${duplicated} disorder=${disorder} drainMs=${drainMs ?? '-'} produced=${produced} synthetic=${synthetic} dropped=${dropped}`,
  );
}

/** 0 lost, 0 duplicated, 0 out of order, nothing invented; the collector saw nothing invalid. */
export async function expectExact(collector: Collector, result: AuditReport): Promise<void> {
  expect(result.details, 'lost / duplicated / out-of-order / unexpected events').toEqual({
    lost: [],
    duplicated: [],
    disorder: [],
    unexpected: [],
  });
  const r = await collector.report();
  expect(r.duplicates, 'same sid, eventType and ts accepted twice').toEqual([]);
  expect(r.validationErrors, 'validation errors').toEqual([]);
}

/** Waits until the media is buffered to the end, so going offline cannot starve playback. */
export async function waitFullyBuffered(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const duration = window.player.duration() ?? 0;
    return duration > 0 && window.player.bufferedEnd() >= duration - 0.25;
  });
}

/** Pause, then play again after `ms`: two more events, whatever the connection does. */
export async function pauseAndPlay(page: Page, ms = 400): Promise<void> {
  await page.evaluate(() => window.player.pause());
  await page.waitForTimeout(ms);
  await page.evaluate(() => window.player.play());
  await page.waitForTimeout(ms);
}

/** Waits until the pages produced an event of this type. */
export async function waitProduced(recorder: Recorder, type: string, timeoutMs = 20_000): Promise<void> {
  await expect
    .poll(async () => types(await recorder.read()).includes(type), { timeout: timeoutMs })
    .toBe(true);
}

/** How many events the page's origin has in the outbox's IndexedDB right now (read in the page). */
/**
 * A closing Firefox tab can lose its last localStorage write (measured: its `sessionEnd`, made in
 * pagehide, reached IndexedDB and the collector but not the record). Adds to the record, after the
 * closed page's own entries, every event the outbox stored that the record lacks, so the audit counts
 * it as produced; returns how many. An event neither recorded nor stored still shows as unexpected.
 */
export async function recordStoredEvents(page: Page): Promise<number> {
  const added = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('videojs-media-collection');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('outbox').objectStore('outbox').getAll(IDBKeyRange.upperBound(Infinity));
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            type Entry = { session: string; event: { eventType: string; playerTime: { ts: number } } };
            const id = (e: Entry) => `${e.session}/${e.event.eventType}@${e.event.playerTime.ts}`;
            const recorded = new Map<string, string>(); // id → the record's key
            for (const key of Object.keys(localStorage)
              .filter((k) => k.startsWith('__mc:event:'))
              .sort()) {
              recorded.set(id(JSON.parse(localStorage.getItem(key) ?? 'null') as Entry), key);
            }
            let count = 0;
            for (const stored of all.result as Entry[]) {
              if (recorded.has(id(stored))) continue;
              // After the last entry recorded for its session, on the same page (order counts).
              const last = [...recorded].filter(([k]) => k.startsWith(`${stored.session}/`)).at(-1)?.[1];
              if (!last) continue; // never recorded at all: let the audit call it unexpected
              const [, , pageId, n] = last.split(':');
              const key = `__mc:event:${pageId}:${String(Number(n) + 1).padStart(6, '0')}`;
              localStorage.setItem(key, JSON.stringify({ session: stored.session, event: stored.event }));
              recorded.set(id(stored), key);
              count += 1;
            }
            resolve(count);
          };
        };
      }),
  );
  if (added > 0) console.log(`RECORDER ${test.info().project.name}: ${added} event(s) taken from the outbox`);
  return added;
}

export function storedEvents(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('videojs-media-collection');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db
            .transaction('outbox')
            .objectStore('outbox')
            .count(IDBKeyRange.upperBound(Infinity));
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}
