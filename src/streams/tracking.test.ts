import { concatMap, delay, from, map, type Observable, of, Subject, tap } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { PlayerSignal, Snapshot } from '../core/signals';
import type { McEvent, McParams } from '../mc/types';
import { snapshot, TEST_PARAMS, testConfig } from '../test-support/core-driver';
import { tracking } from './tracking';

/** A signal in a marble diagram, with the snapshot the player shows when it fires. */
type Frame = { signal: PlayerSignal; snap?: Partial<Snapshot> };

const PLAY: Frame = { signal: { type: 'play' }, snap: { paused: false } };
const PLAYING: Frame = { signal: { type: 'playing' } };
const PAUSE: Frame = { signal: { type: 'pause' }, snap: { paused: true } };
const WAITING: Frame = { signal: { type: 'waiting' } };
const DISPOSE: Frame = { signal: { type: 'dispose' } };

/** Runs `tracking` on virtual time; each output array becomes its event types joined by '+'. */
function marbles(
  signals: string,
  frames: Record<string, Frame>,
  expected: string,
  values: Record<string, string>,
  config = testConfig(),
  until?: string,
) {
  const scheduler = new TestScheduler((actual, wanted) => expect(actual).toEqual(wanted));
  scheduler.run(({ hot, expectObservable }) => {
    let snap = snapshot();
    const signal$ = (hot(signals, frames) as Observable<Frame>).pipe(
      tap((f) => {
        snap = { ...snap, ...f.snap };
      }),
      map((f) => f.signal),
    );
    const out$ = tracking({
      config,
      signal$,
      snapshot: () => snap,
      now: () => scheduler.now(),
      scheduler,
    }).pipe(map((out) => out.map((o) => o.event.eventType).join('+')));
    expectObservable(out$, until).toBe(expected, values);
  });
}

describe('tracking (marbles)', () => {
  it('pings every 10 s from sessionStart while playing, with no player signal at all', () => {
    marbles(
      'p 199ms y',
      { p: PLAY, y: PLAYING },
      's 199ms y 9799ms i 9999ms i',
      { s: 'sessionStart', y: 'play', i: 'ping' },
      testConfig({ stallWatchMs: 60_000 }),
      '^ 21s !',
    );
  });

  it('keeps pinging while paused', () => {
    marbles(
      'p 99ms y 899ms z',
      { p: PLAY, y: PLAYING, z: PAUSE },
      's 99ms y 899ms z 8999ms i 9999ms i',
      { s: 'sessionStart', y: 'play', z: 'pauseStart', i: 'ping' },
      testConfig(),
      '^ 21s !',
    );
  });

  it('uses the ad ping interval setting only where asked: a 20 s main interval moves the grid', () => {
    marbles(
      'p 99ms y 899ms z',
      { p: PLAY, y: PLAYING, z: PAUSE },
      's 99ms y 899ms z 18999ms i',
      { s: 'sessionStart', y: 'play', z: 'pauseStart', i: 'ping' },
      testConfig({ mainPingMs: 20_000 }),
      '^ 21s !',
    );
  });

  it('filters a stall under 250 ms and reports a longer one when 250 ms have passed', () => {
    const config = testConfig({ stallWatchMs: 60_000 });
    marbles(
      'p 99ms y 99ms w 199ms y',
      { p: PLAY, y: PLAYING, w: WAITING },
      's 99ms y',
      { s: 'sessionStart', y: 'play' },
      config,
      '^ 2s !',
    );
    marbles(
      'p 99ms y 99ms w 499ms y',
      { p: PLAY, y: PLAYING, w: WAITING },
      's 99ms y 349ms b 249ms y',
      { s: 'sessionStart', y: 'play', b: 'bufferStart' },
      config,
      '^ 2s !',
    );
  });

  it('detects a frozen playhead after stallWatchMs without any signal', () => {
    marbles(
      'p 99ms y',
      { p: PLAY, y: PLAYING },
      's 99ms y 999ms b',
      { s: 'sessionStart', y: 'play', b: 'bufferStart' },
      testConfig(),
      '^ 2s !',
    );
  });

  it('ends a session paused for 30 minutes (idle timeout) by itself', () => {
    const config = testConfig({ mainPingMs: 50_000, idleMs: 120_000 });
    marbles(
      'p 99ms y 899ms z',
      { p: PLAY, y: PLAYING, z: PAUSE },
      's 99ms y 899ms z 48999ms i 49999ms i 20999ms e',
      { s: 'sessionStart', y: 'play', z: 'pauseStart', i: 'ping', e: 'sessionEnd' },
      config,
      '^ 10m !',
    );
  });

  it('stops every timer once the session is closed', () => {
    marbles(
      'p 99ms y 99ms d',
      { p: PLAY, y: PLAYING, d: DISPOSE },
      's 99ms y 99ms e',
      { s: 'sessionStart', y: 'play', e: 'sessionEnd' },
      testConfig(),
      '^ 1m !',
    );
  });
});

describe('tracking: the deadline timer', () => {
  it('arms again when its timer fired before the wall clock reached the deadline', () => {
    // Timers and the wall clock are different clocks: a timeout can end a moment before Date.now()
    // reaches its deadline. Paused, no player signal would come to rescue the ping grid.
    const scheduler = new TestScheduler((actual, wanted) => expect(actual).toEqual(wanted));
    const pings: number[] = [];
    scheduler.run(({ cold, flush }) => {
      let snap = snapshot();
      let behind = true;
      const now = () => {
        const t = scheduler.now();
        if (behind && t >= 10_000) {
          behind = false;
          return t - 1; // the first reading at the first ping's deadline
        }
        return t;
      };
      const signal$ = (cold('p 99ms y 899ms z', { p: PLAY, y: PLAYING, z: PAUSE }) as Observable<Frame>).pipe(
        tap((f) => {
          snap = { ...snap, ...f.snap };
        }),
        map((f) => f.signal),
      );
      const subscription = tracking({
        config: testConfig(),
        signal$,
        snapshot: () => snap,
        now,
        scheduler,
      }).subscribe((out) => {
        for (const o of out) if (o.event.eventType === 'ping') pings.push(o.event.playerTime.ts);
      });
      scheduler.schedule(() => subscription.unsubscribe(), 21_000);
      flush();
    });
    expect(pings.map((ts) => ts - pings[0]!)).toEqual([0, 10_000]);
    expect(pings[0]).toBeGreaterThanOrEqual(10_000);
  });
});

describe('tracking: site params and failures', () => {
  /** Runs signals (one per ms) through tracking with a counting params function; returns what came out. */
  function drive(signals: PlayerSignal[], params: (src: string) => McParams) {
    const scheduler = new TestScheduler((actual, wanted) => expect(actual).toEqual(wanted));
    const events: McEvent[] = [];
    const errors: [unknown, boolean][] = [];
    let completed = false;
    scheduler.run(({ flush }) => {
      const { params: _none, ...withoutParams } = snapshot({ paused: false });
      const subscription = tracking({
        config: testConfig({ stallWatchMs: 600_000 }),
        signal$: from(signals).pipe(concatMap((s) => of(s).pipe(delay(1, scheduler)))),
        snapshot: () => withoutParams,
        sessionParams: params,
        now: () => scheduler.now(),
        scheduler,
        onError: (error, fatal) => errors.push([error, fatal]),
      }).subscribe({
        next: (out) => events.push(...out.map((o) => o.event)),
        complete: () => (completed = true),
      });
      scheduler.schedule(() => subscription.unsubscribe(), 60_000);
      flush();
    });
    return { events, errors, completed };
  }

  it("calls the site's params once per session, never for an ad, and the ads read the session's playerName", () => {
    const calls: string[] = [];
    const params = (src: string) => {
      calls.push(src);
      return { ...TEST_PARAMS, 'media.playerName': `player-${calls.length}` };
    };
    const ad = { type: 'adStart', ad: { id: 'ad-1', length: 5 } } as const;
    const { events } = drive(
      [
        { type: 'play' },
        { type: 'playing' },
        { type: 'adBreakStart' },
        ad,
        { type: 'adComplete' },
        ad,
        { type: 'adBreakComplete' },
        // The collector lost the session: the viewing goes on in a new one, which asks again.
        { type: 'sessionGone', session: 't:1' },
        { type: 'adBreakStart' },
        ad,
      ],
      params,
    );
    expect(calls).toEqual(['https://cdn.test/movie.mp4', 'https://cdn.test/movie.mp4']);
    const starts = events.filter((e) => e.eventType === 'sessionStart');
    expect(starts.map((e) => e.params?.['media.playerName'])).toEqual(['player-1', 'player-2']);
    expect(starts[0]?.params?.['media.id']).toBe('movie');
    const ads = events.filter((e) => e.eventType === 'adStart');
    expect(ads.map((e) => e.params?.['media.ad.playerName'])).toEqual(['player-1', 'player-1', 'player-2']);
  });

  it('a signal source that fails is reported as fatal and ends tracking quietly, not with an error', () => {
    const failure = new Error('ad stack exploded');
    const scheduler = new TestScheduler((actual, wanted) => expect(actual).toEqual(wanted));
    const errors: [unknown, boolean][] = [];
    scheduler.run(({ cold, expectObservable }) => {
      const out$ = tracking({
        config: testConfig(),
        signal$: cold<PlayerSignal>('p 9ms #', { p: { type: 'play' } }, failure),
        snapshot: () => snapshot({ paused: false }),
        now: () => scheduler.now(),
        scheduler,
        onError: (error, fatal) => errors.push([error, fatal]),
      }).pipe(map((out) => out.map((o) => o.event.eventType).join('+')));
      expectObservable(out$).toBe('s 9ms |', { s: 'sessionStart' });
    });
    expect(errors).toEqual([[failure, true]]);
  });

  it('a step that throws skips that signal, is reported, and tracking goes on with the next', () => {
    let calls = 0;
    // Stands for any failure inside a step (the tracker's own params resolver never throws).
    const flaky = () => {
      calls++;
      if (calls === 1) throw new Error('bug');
      return TEST_PARAMS;
    };
    const { events, errors, completed } = drive(
      [{ type: 'play' }, { type: 'play' }, { type: 'playing' }],
      flaky,
    );
    expect(errors).toEqual([[new Error('bug'), false]]);
    expect(events.map((e) => e.eventType).slice(0, 2)).toEqual(['sessionStart', 'play']);
    expect(completed).toBe(false);
  });
});

describe('tracking: the provisional close while the page is hidden', () => {
  type Page = { hidden: boolean };
  /** At each step's ms the page and the player are changed, then the step's signal is sent. */
  type Step = [ms: number, change: (page: Page, snap: Snapshot) => PlayerSignal];

  function drive(steps: Step[]) {
    const scheduler = new TestScheduler((actual, wanted) => expect(actual).toEqual(wanted));
    const previews: { at: number; out: McEvent[] }[] = [];
    const events: McEvent[] = [];
    scheduler.run(({ flush }) => {
      const page: Page = { hidden: false };
      const snap = snapshot({ paused: false, playhead: 0 });
      const signal$ = new Subject<PlayerSignal>();
      const subscription = tracking({
        config: testConfig({ stallWatchMs: 600_000 }),
        signal$,
        snapshot: () => ({ ...snap }),
        now: () => scheduler.now(),
        scheduler,
        preview: {
          active: () => page.hidden,
          next: (out) => previews.push({ at: scheduler.now(), out: out.map((o) => o.event) }),
        },
      }).subscribe((out) => events.push(...out.map((o) => o.event)));
      for (const [ms, change] of steps) scheduler.schedule(() => signal$.next(change(page, snap)), ms);
      scheduler.schedule(() => subscription.unsubscribe(), 60_000);
      flush();
    });
    return { previews, events };
  }
  const START: Step[] = [
    [0, () => ({ type: 'play' })],
    [1, () => ({ type: 'playing' })],
  ];
  const hide =
    (playhead: number) =>
    (page: Page, snap: Snapshot): PlayerSignal => {
      page.hidden = true;
      snap.inFocus = false;
      snap.playhead = playhead;
      return { type: 'statechange' };
    };

  it('none while visible; once hidden, after each change, what a final pagehide would send; [] when visible again', () => {
    const { previews, events } = drive([
      ...START,
      [1_000, hide(1)],
      [1_500, () => ({ type: 'tick' })], // nothing changed: no new preview
      [
        5_000,
        (page, snap) => {
          page.hidden = false;
          snap.inFocus = true;
          return { type: 'statechange' };
        },
      ],
    ]);
    expect(events.map((e) => e.eventType)).not.toContain('sessionEnd');
    expect(previews.map((p) => [p.at, p.out.map((e) => `${e.eventType}@${e.playerTime.playhead}`)])).toEqual([
      [1_000, ['sessionEnd@1']],
      [5_000, []],
    ]);
  });

  it('a final pagehide with nothing in between sends exactly the previewed events (same ts and playhead)', () => {
    const { previews, events } = drive([
      ...START,
      [2_000, hide(2)],
      [
        2_300,
        (_page, snap) => {
          snap.playhead = 2.3; // read by no signal: the page closes before the player says it moved
          return { type: 'pagehide', persisted: false };
        },
      ],
    ]);
    const end = events.filter((e) => e.eventType === 'sessionEnd');
    expect(end).toHaveLength(1);
    expect(previews[0]?.out).toEqual(end);
    expect(end[0]?.playerTime.playhead).toBe(2);
    expect(end[0]?.playerTime.ts).toBe(2_000);
    // The pagehide closed the session: the provisional close is taken back.
    expect(previews.at(-1)).toEqual({ at: 2_300, out: [] });
  });

  it('a signal that changed the state after the preview: previewed again, and the pagehide is read anew', () => {
    const { previews, events } = drive([
      ...START,
      [2_000, hide(2)],
      [
        3_000,
        (_page, snap) => {
          snap.paused = true;
          snap.playhead = 3;
          return { type: 'pause' };
        },
      ],
      [3_100, () => ({ type: 'pagehide', persisted: false })],
    ]);
    const end = events.filter((e) => e.eventType === 'sessionEnd');
    const [first, ...after] = previews;
    expect(first?.at).toBe(2_000);
    // The pause (and what it set off) previewed again; the pagehide sent the last preview made after it.
    const last = after.filter((p) => p.out.length > 0).at(-1);
    expect(last?.at).toBeGreaterThanOrEqual(3_000);
    expect(last?.out.at(-1)?.eventType).toBe('sessionEnd');
    expect(end).toEqual(last?.out.filter((e) => e.eventType === 'sessionEnd'));
    expect(end[0]?.playerTime.playhead).toBe(3);
  });
});
