// The ad stacks' adapters together: the chunk a page loads only when it has an ad stack
// (docs/contributing.md#the-ad-chunk). Imported dynamically, by src/wiring/ads.ts alone.
import type { Observable } from 'rxjs';
import type { PlayerSignal } from '../core/signals';
import type { ErrorDetail } from '../error-codes';
import { merge } from '../streams/sources';
import { contribAds } from './contrib-ads';
import { imaAds } from './ima';
import type { PlayerLike } from './player';

export interface AdStacks {
  signal$: Observable<PlayerSignal>;
  /** A content event contrib-ads let leak while content resumes after a break: not the viewer's. */
  leaked(signal: PlayerSignal): boolean;
  /** An IMA AdEvent recorded while this chunk loaded, fed to the IMA adapter in its turn. */
  replayIma(type: string, event: unknown): void;
}

/** IMA describes its ads best; contrib-ads then only bookends the breaks. */
export function adStacks(
  player: PlayerLike,
  now: () => number,
  report: (detail: ErrorDetail) => void,
): AdStacks {
  const failed = (source: string) => (error: unknown) => report({ code: 'MC_AD_STACK_ERROR', source, error });
  const ima = imaAds(player, { onError: failed('ima') });
  const contrib = contribAds(player, { now, richer: ima.active, onError: failed('contrib-ads') });
  return { signal$: merge(contrib.signal$, ima.signal$), leaked: contrib.leaked, replayIma: ima.replay };
}
