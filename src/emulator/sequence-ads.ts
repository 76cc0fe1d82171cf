// Ad bookend rules (docs/adobe-api.md#ads): ads only inside adBreakStart…adBreakComplete, one ad and
// one break open at a time, no content play before a pre-roll, playhead frozen during a break.
import type { McEvent } from '../mc/types.ts';
import { type AdState, type EventRef, type Issue, inBreak, type SequenceState } from './sequence-types.ts';

const PLAYHEAD_EPSILON = 0.001;

export function checkAds(
  state: SequenceState,
  event: McEvent,
  ref: EventRef,
): { ads: AdState; issues: Issue[] } {
  const ads = state.ads;
  const open = inBreak(state);
  const issues: Issue[] = [];
  const { eventType } = event;

  // MC API: playhead during an ad break stays at the content position where it began (docs/adobe-api.md#ads).
  if (open && eventType !== 'adBreakStart') {
    const drift = Math.abs(event.playerTime.playhead - (ads.breakPlayhead as number));
    if (drift > PLAYHEAD_EPSILON) {
      issues.push({
        rule: 'playhead-moved-in-break',
        message: `${eventType} has playhead ${event.playerTime.playhead} inside an ad break that began at ${ads.breakPlayhead}; the playhead must stay frozen at the content position during ads.`,
      });
    }
  }

  switch (eventType) {
    case 'adBreakStart': {
      if (open) {
        issues.push({
          rule: 'break-not-closed',
          message:
            'adBreakStart arrived while an ad break was still open; close it with adBreakComplete first.',
        });
      }
      // MC API: no play before a pre-roll's adBreakStart, or Content Starts is counted
      // (docs/adobe-api.md#ads).
      const podSecond = event.params?.['media.ad.podSecond'];
      if (ads.breaksSeen === 0 && podSecond === 0 && ads.playBeforeBreaks) {
        issues.push({
          rule: 'play-before-preroll',
          at: ads.playBeforeBreaks,
          message: `play was sent before the pre-roll's adBreakStart (podSecond 0, event ${ref.index}), so Adobe counts a Content Start even if the viewer leaves during the ad.`,
        });
      }
      return {
        ads: {
          ...ads,
          breakPlayhead: event.playerTime.playhead,
          adOpen: false,
          breaksSeen: ads.breaksSeen + 1,
        },
        issues,
      };
    }
    case 'adBreakComplete':
      if (!open) {
        issues.push({
          rule: 'break-not-open',
          message: 'adBreakComplete arrived without an open adBreakStart.',
        });
      } else if (ads.adOpen) {
        issues.push({
          rule: 'ad-not-closed',
          message:
            'adBreakComplete arrived while an ad was open; close the ad with adComplete or adSkip first.',
        });
      }
      return { ads: { ...ads, breakPlayhead: undefined, adOpen: false }, issues };
    case 'adStart':
      if (!open) issues.push(outsideBreak(eventType));
      else if (ads.adOpen) {
        issues.push({
          rule: 'ad-not-closed',
          message:
            'adStart arrived while the previous ad was open; close it with adComplete or adSkip first.',
        });
      }
      return { ads: { ...ads, adOpen: open }, issues };
    case 'adComplete':
    case 'adSkip':
      if (!open) issues.push(outsideBreak(eventType));
      else if (!ads.adOpen) {
        issues.push({ rule: 'ad-not-open', message: `${eventType} arrived without an open adStart.` });
      }
      return { ads: { ...ads, adOpen: false }, issues };
    case 'play':
      if (ads.breaksSeen === 0 && !ads.playBeforeBreaks)
        return { ads: { ...ads, playBeforeBreaks: ref }, issues };
      return { ads, issues };
    default:
      return { ads, issues };
  }
}

// MC API bookend rule: ads outside a break are ignored and counted as content (docs/adobe-api.md#ads).
const outsideBreak = (eventType: string): Issue => ({
  rule: 'ad-outside-break',
  message: `${eventType} arrived outside adBreakStart…adBreakComplete, so Adobe ignores it and counts the time as main content.`,
});
