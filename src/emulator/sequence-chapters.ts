// Chapter rules (docs/adobe-api.md#chapters, Adobe's timeline 3): chapters never overlap, every close has an
// open chapterStart, and no chapter event falls inside an ad break.
import type { McEvent } from '../mc/types.ts';
import { type Issue, inBreak, type SequenceState } from './sequence-types.ts';

export function checkChapters(
  state: SequenceState,
  event: McEvent,
): { chapterOpen: boolean; issues: Issue[] } {
  const { eventType } = event;
  if (eventType !== 'chapterStart' && eventType !== 'chapterComplete' && eventType !== 'chapterSkip') {
    return { chapterOpen: state.chapterOpen, issues: [] };
  }
  const issues: Issue[] = [];
  if (inBreak(state)) {
    issues.push({
      rule: 'chapter-in-break',
      message: `${eventType} arrived inside an ad break; close the chapter before adBreakStart and start the next after adBreakComplete.`,
    });
  }
  if (eventType === 'chapterStart') {
    if (state.chapterOpen) {
      issues.push({
        rule: 'chapter-overlap',
        message:
          'chapterStart arrived while a chapter was open; chapters cannot overlap, so close it with chapterComplete or chapterSkip first.',
      });
    }
    return { chapterOpen: true, issues };
  }
  if (!state.chapterOpen) {
    issues.push({ rule: 'chapter-not-open', message: `${eventType} arrived without an open chapterStart.` });
  }
  return { chapterOpen: false, issues };
}
