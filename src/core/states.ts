import type { StateName } from '../mc/types';
import { emit, patch, type Step } from './emit';
import type { Snapshot } from './signals';

/** The standard player states and how a snapshot shows them (docs/mapping.md#player-states). */
const STATE_READERS: readonly [StateName, (snap: Snapshot) => boolean][] = [
  ['fullscreen', (s) => s.fullscreen],
  ['mute', (s) => s.muted],
  ['closedCaptioning', (s) => s.captions],
  ['pictureInPicture', (s) => s.pictureInPicture],
  ['inFocus', (s) => s.inFocus],
];

/** Emits stateStart/stateEnd for every state whose value differs from what the session was told. */
export function syncStates(step: Step, snap: Snapshot, at: number): Step {
  let next = step;
  for (const [name, read] of STATE_READERS) {
    const on = read(snap);
    const active = next.state.states.includes(name);
    // MC API allows 10 distinct states per session (docs/adobe-api.md#player-states); these five never reach
    // it.
    if (on && !active) {
      next = emit(next, 'stateStart', next.state.playhead, at, { params: { 'media.state.name': name } });
      next = patch(next, { states: [...next.state.states, name] });
    } else if (!on && active) {
      next = emit(next, 'stateEnd', next.state.playhead, at, { params: { 'media.state.name': name } });
      next = patch(next, { states: next.state.states.filter((s) => s !== name) });
    }
  }
  return next;
}
