// The same scripted viewing in Chromium, Firefox and WebKit, each reporting to its own emulator: the
// three sessions must have the same event types in the same order, playheads within 0.5 s and the
// same spacing of ts within 0.5 s. The script runs inside the page on its own timers (from the first
// `playing` after a real click on the play button), so driver latency does not count. Nor does the
// start-up: the time from sessionStart to the first play is the machine's (1.3 s in WebKit on a busy
// machine, 5 ms in Firefox), so what follows the first play is compared from it, and pings from
// sessionStart (their grid). Prints the table the closing note pastes.
import { startEmulatorServer } from '../../src/emulator/server';
import { collectorClient } from '../support/collector';
import { type Engine, openHarnessIn, startPlaybackIn } from '../support/driver';
import { expectClean, recordIn } from '../support/engine-checks';
import { expect, test } from '../support/engine-fixtures';
import { TIMING } from '../support/fixtures';

const ENGINES: Engine[] = ['chromium', 'firefox', 'webkit'];

interface Row {
  type: string;
  playhead: number;
  /** ms after sessionStart's ts. */
  at: number;
  /** ms the spacing check compares: after the first play, pings after sessionStart; undefined for the first play. */
  compared: number | undefined;
}

// TIMING: it compares real-time spacing, so it runs in the timing pass (webkit-timing), alone. Beside the
// parallel pass, WebKit's play after a 1 s pause came 0.5 s late, and Chromium took 2 s to play the last 1.5 s.
test(
  'the same viewing gives the same session in Chromium, Firefox and WebKit @webkit',
  TIMING,
  async ({ openDriver }) => {
    test.setTimeout(180_000);
    const sessions = new Map<Engine, Row[]>();
    for (const engine of ENGINES) {
      const server = await startEmulatorServer({ port: 0 });
      const collector = collectorClient(server.url);
      try {
        const driver = await openDriver(engine);
        const recorder = recordIn(driver);
        await openHarnessIn(driver, collector, { record: 1 });
        await driver.evaluate(() => {
          window.player.one('playing', () => {
            const p = window.player;
            const at = (ms: number, step: () => void) => setTimeout(step, ms);
            at(2000, () => p.pause());
            at(3000, () => p.currentTime(12)); // a seek while paused
            at(4000, () => p.play()?.catch(() => undefined));
            at(6000, () => p.currentTime(20)); // a seek while playing
            // 2 s after the seek: a pause 1 s after it put Firefox's playhead 0.5 s off (seek latency).
            at(8000, () => p.pause());
            at(9000, () => p.play()?.catch(() => undefined));
            at(10_500, () => p.currentTime(28.5)); // then to the end
          });
        });
        await startPlaybackIn(driver);
        await expect
          .poll(() => driver.evaluate(() => window.player.ended()), {
            timeout: 30_000,
            message: `${engine}: the end`,
          })
          .toBe(true);
        await expectClean(collector, recorder, `same-session-${engine}`);
        const [session, ...others] = await collector.sessions();
        expect(others, `${engine}: one session`).toEqual([]);
        const events = (session?.events ?? []).filter((e) => e.status < 300).map((e) => e.event);
        const t0 = events[0]?.playerTime.ts ?? 0;
        const firstPlay = events.findIndex((e) => e.eventType === 'play');
        const played = events[firstPlay]?.playerTime.ts ?? t0;
        sessions.set(
          engine,
          events.map((e, i) => ({
            type:
              e.eventType === 'stateStart' || e.eventType === 'stateEnd'
                ? `${e.eventType}(${e.params?.['media.state.name']})`
                : e.eventType,
            playhead: e.playerTime.playhead,
            at: e.playerTime.ts - t0,
            compared:
              i === firstPlay
                ? undefined
                : i < firstPlay || e.eventType === 'ping'
                  ? e.playerTime.ts - t0
                  : e.playerTime.ts - played,
          })),
        );
        await driver.quit();
      } finally {
        await server.close();
      }
    }

    const rows = Math.max(...[...sessions.values()].map((s) => s.length));
    const cell = (r: Row | undefined) => (r ? `${r.type} ${r.playhead.toFixed(2)} +${r.at}` : '—');
    const lines = [
      `| # | ${ENGINES.join(' | ')} | ok |`,
      `| --- |${ENGINES.map(() => ' --- |').join('')} --- |`,
    ];
    const problems: string[] = [];
    const reference = sessions.get('chromium') ?? [];
    for (let i = 0; i < rows; i++) {
      const ref = reference[i];
      const bad = ENGINES.slice(1).flatMap((engine) => {
        const r = sessions.get(engine)?.[i];
        if (!r || !ref) return [`${engine}: missing`];
        if (r.type !== ref.type) return [`${engine}: ${r.type} ≠ ${ref.type}`];
        const out: string[] = [];
        if (Math.abs(r.playhead - ref.playhead) > 0.5)
          out.push(`${engine}: playhead ${r.playhead} vs ${ref.playhead}`);
        if (
          r.compared !== undefined &&
          ref.compared !== undefined &&
          Math.abs(r.compared - ref.compared) > 500
        )
          out.push(`${engine}: ts spacing ${r.compared} vs ${ref.compared} ms`);
        return out;
      });
      problems.push(...bad.map((b) => `#${i + 1} ${b}`));
      lines.push(
        `| ${i + 1} | ${ENGINES.map((e) => cell(sessions.get(e)?.[i])).join(' | ')} | ${bad.length ? 'NO' : 'yes'} |`,
      );
    }
    console.log(`SAME-SESSION table (type, playhead, ms after sessionStart)\n${lines.join('\n')}`);
    expect(problems, 'differences between the engines').toEqual([]);
  },
);
