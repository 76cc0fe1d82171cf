import {
  defer,
  filter,
  finalize,
  map,
  merge,
  type Observable,
  type SchedulerLike,
  Subject,
  switchMap,
  timer,
} from 'rxjs';
import type { CoreConfig } from '../core/config';
import { nextDeadline, reduce } from '../core/reducer';
import type { PlayerSignal, Snapshot } from '../core/signals';
import { initialState } from '../core/state';
import type { Outgoing } from '../mc/types';

export interface TrackingDeps {
  config: CoreConfig;
  signal$: Observable<PlayerSignal>;
  /** Reads the player at the moment a signal is handled. */
  snapshot: () => Snapshot;
  /** Wall time in epoch ms; `scheduler.now()` in tests. */
  now: () => number;
  scheduler: SchedulerLike;
  /** Called when the reducer throws; the signal is skipped and tracking goes on. */
  onError?: (error: unknown) => void;
}

const TICK: PlayerSignal = { type: 'tick' };

/**
 * Player signals in, Media Collection events out (one array per signal that produced any).
 * Besides the player's own signals, one timer is armed for the next deadline the state names
 * (a ping, a stall to confirm, a timeout): wall time decides what is due when it fires, so a
 * throttled timer in a hidden tab delays events but never skips or misplaces them.
 */
export function tracking(deps: TrackingDeps): Observable<Outgoing[]> {
  const { config, signal$, snapshot, now, scheduler, onError } = deps;
  return defer(() => {
    const deadline$ = new Subject<number | undefined>();
    const wake$ = deadline$.pipe(
      switchMap((at) => (at === undefined ? [] : timer(Math.max(0, at - now()), scheduler))),
      map(() => TICK),
    );
    let state = initialState;
    let armed: number | undefined | null = null; // the deadline last passed on; null: none yet
    return merge(signal$, wake$).pipe(
      map((signal) => {
        const at = now();
        try {
          const step = reduce(config, state, signal, snapshot(), at);
          state = step.state;
          return step.out;
        } catch (error) {
          onError?.(error);
          return [];
        } finally {
          // A changed deadline re-arms the timer (most signals leave it where it was), and so does
          // its own tick: a timeout can end just before the wall clock reaches the deadline, which
          // then stays the same and would otherwise be armed by nothing (a paused player sends no signal).
          const deadline = nextDeadline(config, state, at);
          if (deadline !== armed || signal === TICK) {
            armed = deadline;
            deadline$.next(deadline);
          }
        }
      }),
      filter((out) => out.length > 0),
      finalize(() => deadline$.complete()),
    );
  });
}
