import { describe, expect, it } from 'vitest';
import type { McEvent } from '../mc/types.ts';
import { type ArrivedSession, audit, findDuplicates } from './audit.ts';
import { ev, start } from './test-fixtures.ts';

let arrival = 0;
/** A session as the emulator records it; events answered `status` (2xx: accepted). */
function arrived(sid: string, events: McEvent[], { downloaded = false, status = 204 } = {}): ArrivedSession {
  return {
    sid,
    downloaded,
    events: events.map((event) => ({ event, status, receivedAt: 0 })),
    arrivals: events.map(() => ++arrival),
  };
}

const page = (session: string, events: McEvent[]) => events.map((event) => ({ session, event }));

describe('audit', () => {
  const live = [start(), ev('play', 1), ev('ping', 10_000, 10), ev('ping', 20_000, 20)];

  it('all zero when every produced event arrived once, in order', () => {
    const report = audit([arrived('s1', live)], { produced: page('p:1', live), dropped: [] });
    expect(report).toMatchObject({
      produced: 4,
      delivered: 4,
      lost: 0,
      duplicated: 0,
      disorder: 0,
      unexpected: 0,
    });
  });

  it('matches an Edge session, whose playheads arrive rounded to whole seconds', () => {
    const produced = [start(), ev('play', 1, 0.4), ev('ping', 10_000, 9.6)];
    const rounded = produced.map((e) => ({
      ...e,
      playerTime: { ...e.playerTime, playhead: Math.round(e.playerTime.playhead) },
    }));
    const report = audit([arrived('e1', rounded)], { produced: page('p:1', produced), dropped: [] });
    expect(report).toMatchObject({ delivered: 3, lost: 0, unexpected: 0 });
  });

  it('follows a session from its sid into its downloaded batch; the batch bookends are synthetic', () => {
    const resume = { ...start(9_999), params: { ...start().params, 'media.resume': true } };
    const end = ev('sessionEnd', 20_001, 20);
    const sessions = [
      arrived('s1', live.slice(0, 2)),
      arrived('s1-gone', [live[2]!], { status: 410 }),
      arrived('d1', [resume, live[2]!, live[3]!, end], { downloaded: true, status: 201 }),
    ];
    const report = audit(sessions, { produced: page('p:1', live), dropped: [] });
    expect(report).toMatchObject({ lost: 0, duplicated: 0, disorder: 0, synthetic: 2, unexpected: 0 });
  });

  it('counts an event accepted on its sid and again in a downloaded batch as a duplicate', () => {
    const sessions = [
      arrived('s1', live.slice(0, 3)),
      arrived('d1', [start(), live[2]!, live[3]!], { downloaded: true, status: 201 }),
    ];
    const report = audit(sessions, { produced: page('p:1', live), dropped: [] });
    expect(report.duplicated).toBe(2); // the original sessionStart and the ping
    expect(report.details.duplicated).toEqual([
      `p:1/sessionStart@${live[0]!.playerTime.ts}`,
      `p:1/ping@${live[2]!.playerTime.ts}`,
    ]);
  });

  it('does not count as lost what the page reported dropped, nor 410-refused copies as delivered', () => {
    const sessions = [arrived('s1', live.slice(0, 2)), arrived('s1x', [live[2]!], { status: 410 })];
    const report = audit(sessions, { produced: page('p:1', live), dropped: page('p:1', [live[3]!]) });
    expect(report).toMatchObject({ delivered: 2, lost: 1, dropped: 1 });
    expect(report.details.lost).toEqual([`p:1/ping@${live[2]!.playerTime.ts}`]);
  });

  it('judges order per local session, so two tabs interleaving is fine', () => {
    const other = [start(5), ev('play', 6), ev('ping', 10_005, 10)];
    const sessions = [arrived('a', [live[0]!]), arrived('b', other.slice(0, 2)), arrived('a', live.slice(1))];
    sessions.push(arrived('b', [other[2]!]));
    const produced = [...page('p:1', live), ...page('p:2', other)];
    expect(audit(sessions, { produced, dropped: [] })).toMatchObject({ lost: 0, duplicated: 0, disorder: 0 });
    const swapped = [arrived('a', [live[0]!, live[2]!, live[1]!, live[3]!])];
    expect(audit(swapped, { produced: page('p:1', live), dropped: [] }).details.disorder).toEqual([
      `p:1/play@${live[1]!.playerTime.ts}`,
    ]);
  });

  it('flags an accepted event no page produced, outside a downloaded batch, as unexpected', () => {
    const report = audit([arrived('s1', [...live, ev('ping', 30_000, 30)])], {
      produced: page('p:1', live),
      dropped: [],
    });
    expect(report.unexpected).toBe(1);
  });
});

describe('findDuplicates', () => {
  it('finds the same eventType and ts accepted twice on one sid, and nothing else', () => {
    const sessions = [
      arrived('s1', [start(), ev('ping', 10), ev('ping', 10), ev('play', 10)]),
      arrived('s2', [start()]),
      arrived('s3', [ev('ping', 10)], { status: 410 }),
    ];
    sessions[0]!.events = [...sessions[0]!.events, { event: ev('ping', 10), status: 410, receivedAt: 0 }];
    expect(findDuplicates(sessions)).toEqual([
      { sid: 's1', eventType: 'ping', ts: ev('ping', 10).playerTime.ts, count: 2 },
    ]);
  });
});
