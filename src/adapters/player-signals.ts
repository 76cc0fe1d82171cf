import { EMPTY, filter, fromEventPattern, map, type Observable } from 'rxjs';
import type { PlayerSignal } from '../core/signals';
import { merge } from '../streams/sources';
import type { PageLifecycle } from './page-lifecycle';
import type { EventSource, Handler, PlayerLike } from './player';

export const fromSource = (source: EventSource, types: string[]): Observable<unknown> =>
  fromEventPattern<unknown>(
    (h: Handler) => source.on(types, h),
    (h: Handler) => source.off(types, h),
    // video.js calls listeners with (event, hash): keep the event, not an [event, hash] pair.
    (event: unknown) => event,
  );

/** Media events whose name is the signal's type. */
const MEDIA_EVENTS = [
  'play',
  'playing',
  'pause',
  'seeking',
  'seeked',
  'waiting',
  'timeupdate',
  'ended',
  'loadstart',
] as const;
const STATE_EVENTS = ['volumechange', 'fullscreenchange', 'enterpictureinpicture', 'leavepictureinpicture'];

/** video.js MediaError codes → readable ids (media.qoe.errorID is a string). */
const ERROR_NAMES = [
  'MEDIA_ERR_CUSTOM',
  'MEDIA_ERR_ABORTED',
  'MEDIA_ERR_NETWORK',
  'MEDIA_ERR_DECODE',
  'MEDIA_ERR_SRC_NOT_SUPPORTED',
  'MEDIA_ERR_ENCRYPTED',
];

function errorSignal(player: PlayerLike): PlayerSignal {
  const code = player.error()?.code ?? 0;
  return { type: 'error', code: ERROR_NAMES[code] ?? `MEDIA_ERR_${code}`, source: 'player' };
}

/** Rendition switches from video.js's quality levels (VHS), as the declared bitrate in bit/s. */
function bitrates(player: PlayerLike): Observable<PlayerSignal> {
  const levels = player.qualityLevels?.();
  if (!levels) return EMPTY;
  return fromSource(levels, ['change']).pipe(
    map(() => levels[levels.selectedIndex]?.bitrate),
    filter((bitrate): bitrate is number => typeof bitrate === 'number'),
    map((bitrate): PlayerSignal => ({ type: 'bitrate', bitrate })),
  );
}

function textTrackChanges(player: PlayerLike): Observable<unknown> {
  const tracks = player.textTracks();
  return typeof tracks.on === 'function' && typeof tracks.off === 'function'
    ? fromSource(tracks as EventSource, ['change', 'addtrack', 'removetrack'])
    : EMPTY;
}

/** Page events: focus and visibility feed the inFocus state; pagehide ends the session, pageshow tells a restored page. */
function pageSignals(page: PageLifecycle): Observable<PlayerSignal> {
  return merge(
    page.focus$.pipe(map((): PlayerSignal => ({ type: 'statechange' }))),
    page.pagehide$.pipe(map(({ persisted }): PlayerSignal => ({ type: 'pagehide', persisted }))),
    page.pageshow$.pipe(map(({ persisted }): PlayerSignal => ({ type: 'pageshow', persisted }))),
  );
}

/** Every player and page event the core understands, as typed signals. */
export function playerSignals(player: PlayerLike, page: PageLifecycle): Observable<PlayerSignal> {
  return merge(
    fromSource(player, [...MEDIA_EVENTS]).pipe(
      map((e) => ({ type: (e as { type: string }).type }) as PlayerSignal),
    ),
    fromSource(player, ['durationchange', 'loadedmetadata']).pipe(
      map((): PlayerSignal => ({ type: 'durationchange' })),
    ),
    fromSource(player, ['error']).pipe(map(() => errorSignal(player))),
    merge(fromSource(player, STATE_EVENTS), textTrackChanges(player)).pipe(
      map((): PlayerSignal => ({ type: 'statechange' })),
    ),
    bitrates(player),
    pageSignals(page),
  );
}
