import { EMPTY, map, Observable, type SchedulerLike, Subject, timer } from 'rxjs';
import type { CoreConfig } from '../core/config';
import { nextDeadline, reduce } from '../core/reducer';
import type { PlayerSignal, Snapshot } from '../core/signals';
import { initialState, type TrackerState } from '../core/state';
import type { McParams, Outgoing } from '../mc/types';
import { endOnError } from './end-on-error';
import { merge, switchMap } from './sources';

/** A signal that was held back (while the ad chunk loaded) with the moment and the player it came with. */
export interface HeldSignal {
  held: PlayerSignal;
  snap: Snapshot;
  at: number;
}

export interface TrackingDeps {
  config: CoreConfig;
  signal$: Observable<PlayerSignal | HeldSignal>;
  /** Reads the player at the moment a signal is handled. */
  snapshot: () => Snapshot;
  /** Wall time in epoch ms; `scheduler.now()` in tests. */
  now: () => number;
  scheduler: SchedulerLike;
  /**
   * The site's sessionStart params for a source, called once for each session the core starts (site
   * code stays outside the core: it gets the params as data). Without it sessions start with none.
   */
  sessionParams?: (src: string) => McParams;
  /**
   * Called when the reducer throws (the signal is skipped and tracking goes on), and when the stream
   * itself fails (`fatal`: tracking has ended; the error is reported, not thrown at the page).
   */
  onError?: (error: unknown, fatal: boolean) => void;
  /**
   * The provisional close (docs/outbox.md#the-provisional-close): while `active()` (the page is hidden),
   * after each signal that changed the state, `next` gets what a final pagehide would produce now — `[]`
   * once inactive again. The final pagehide then produces exactly that (same ts and playhead).
   */
  preview?: { active(): boolean; next(out: Outgoing[]): void };
}

const TICK: PlayerSignal = { type: 'tick' };
const FINAL: PlayerSignal = { type: 'pagehide', persisted: false };

/**
 * Player signals in, Media Collection events out (one array per signal that produced any).
 * Besides the player's own signals, one timer is armed for the next deadline the state names
 * (a ping, a stall to confirm, a timeout): wall time decides what is due when it fires, so a
 * throttled timer in a hidden tab delays events but never skips or misplaces them.
 */
export function tracking(deps: TrackingDeps): Observable<Outgoing[]> {
  const { config, signal$, snapshot, now, scheduler, sessionParams, onError } = deps;
  /**
   * One signal through the pure core. The core is given the site's params only when the signal starts
   * a session: it runs again from the same state with them (it is pure, so the first run had no effect),
   * which calls the site's function exactly once per session.
   */
  const step = (state: TrackerState, signal: PlayerSignal, snap: Snapshot, at: number) => {
    const first = reduce(config, state, signal, snap, at);
    if (!sessionParams || !first.out.some((o) => o.event.eventType === 'sessionStart')) return first;
    return reduce(config, state, signal, { ...snap, params: sessionParams(snap.src) }, at);
  };
  // One state and one deadline timer per subscription; the timer stops with it.
  return new Observable<Outgoing[]>((subscriber) => {
    const deadline$ = new Subject<number | undefined>();
    const wake$ = deadline$.pipe(
      switchMap((at) => (at === undefined ? EMPTY : timer(Math.max(0, at - now()), scheduler))),
      map(() => TICK),
    );
    let state = initialState;
    let armed: number | undefined | null = null; // the deadline last passed on; null: none yet
    /** The moment and the reading the last preview was made from, while the state is the same. */
    let previewed: { from: TrackerState; at: number; snap: Snapshot } | undefined;
    const preview = () => {
      if (!deps.preview) return;
      const active = deps.preview.active();
      if (active ? previewed?.from === state : !previewed) return;
      try {
        previewed = active ? { from: state, at: now(), snap: snapshot() } : undefined;
        deps.preview.next(previewed ? reduce(config, state, FINAL, previewed.snap, previewed.at).out : []);
      } catch (error) {
        onError?.(error, false);
      }
    };
    const subscription = merge(signal$, wake$)
      .pipe(
        map((item) => {
          const held = 'held' in item ? item : undefined;
          const signal = 'held' in item ? item.held : item;
          const same = signal.type === 'pagehide' && !signal.persisted && previewed?.from === state;
          const at = same ? previewed!.at : held ? held.at : now();
          try {
            const next = step(state, signal, same ? previewed!.snap : held ? held.snap : snapshot(), at);
            state = next.state;
            return next.out;
          } catch (error) {
            onError?.(error, false);
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
        // A failing signal source or timer ends tracking: said, never thrown at the page.
        endOnError((error) => onError?.(error, true)),
      )
      .subscribe({
        next: (out) => {
          if (out.length > 0) subscriber.next(out);
          preview(); // after the events went on: the provisional ones come after them
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    return () => {
      subscription.unsubscribe();
      deadline$.complete();
    };
  });
}
