import { map, type Observable, tap } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { PlayerSignal, Snapshot } from '../core/signals';
import { snapshot, testConfig } from '../test-support/core-driver';
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
