// Player state rules (docs/adobe-api.md#player-states): at most 10 distinct states per session (Adobe keeps
// the first 10), and a stateEnd needs a started state of the same name.
import type { McEvent } from '../mc/types.ts';
import type { Issue, SequenceState } from './sequence-types.ts';

const MAX_DISTINCT_STATES = 10;

type StatesSlice = Pick<SequenceState, 'statesSeen' | 'statesActive'>;

export function checkStates(state: SequenceState, event: McEvent): StatesSlice & { issues: Issue[] } {
  const { statesSeen, statesActive } = state;
  const name = event.params?.['media.state.name'];
  if ((event.eventType !== 'stateStart' && event.eventType !== 'stateEnd') || typeof name !== 'string') {
    return { statesSeen, statesActive, issues: [] };
  }
  if (event.eventType === 'stateEnd') {
    const started = statesActive.includes(name);
    return {
      statesSeen,
      statesActive: statesActive.filter((active) => active !== name),
      issues: started
        ? []
        : [
            {
              rule: 'state-not-started',
              message: `stateEnd for "${name}" arrived without a stateStart for it.`,
            },
          ],
    };
  }
  const isNew = !statesSeen.includes(name);
  const issues: Issue[] =
    isNew && statesSeen.length >= MAX_DISTINCT_STATES
      ? [
          {
            rule: 'state-limit',
            message: `"${name}" is distinct state number ${statesSeen.length + 1} in this session; Adobe keeps only the first ${MAX_DISTINCT_STATES}.`,
          },
        ]
      : [];
  return {
    statesSeen: isNew ? [...statesSeen, name] : statesSeen,
    statesActive: statesActive.includes(name) ? statesActive : [...statesActive, name],
    issues,
  };
}
