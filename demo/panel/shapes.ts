// A session's events as the shapes the timeline draws, pure: ad breaks (with their ads) and chapters as
// bands, pause / buffer / seek marks, pings, and the content playhead at every event. Bands still open
// have no `to` (the timeline draws them up to now).
import type { McEvent } from '../../src/index';
import { isAcknowledged, type LogRow } from './delivery-log';

export interface Band {
  from: number;
  to?: number;
  label: string;
}

export interface BreakBand extends Band {
  ads: (Band & { skipped: boolean })[];
}

export interface Mark extends Band {
  kind: 'pause' | 'buffer' | 'seek';
}

export interface Point {
  ts: number;
  playhead: number;
  type: McEvent['eventType'];
  acknowledged: boolean;
  rowId: number;
}

export interface SessionShape {
  session: string;
  player: string;
  /** media.length from sessionStart; the playhead axis runs from 0 to it. */
  length: number;
  mediaId: string;
  start: number;
  /**
   * sessionComplete or sessionEnd, if one was produced; `replaced` when the player went on in a later
   * session without either (the collector lost this one: 404/410, or it rotated).
   */
  end?: { ts: number; type: 'sessionComplete' | 'sessionEnd' | 'replaced' };
  points: Point[];
  breaks: BreakBand[];
  chapters: Band[];
  marks: Mark[];
}

const param = (event: McEvent, key: string): unknown => event.params?.[key];
const text = (value: unknown, fallback: string): string =>
  typeof value === 'string' && value !== '' ? value : fallback;

/** A pause whose play lands more than this far from where it paused was a seek (docs/mapping.md#seeks). */
const SEEK_MIN_S = 0.5;

export function sessionShape(rows: readonly LogRow[], over = false): SessionShape {
  const sorted = [...rows].sort((a, b) => a.event.playerTime.ts - b.event.playerTime.ts);
  const first = sorted[0]!;
  const startEvent = sorted.find((row) => row.event.eventType === 'sessionStart')?.event;
  const length = Number(startEvent ? param(startEvent, 'media.length') : Number.NaN);
  const shape: SessionShape = {
    session: first.session,
    player: first.player,
    length: Number.isFinite(length) && length > 0 ? length : 0,
    mediaId: text(startEvent && param(startEvent, 'media.id'), '(unknown media)'),
    start: first.event.playerTime.ts,
    points: [],
    breaks: [],
    chapters: [],
    marks: [],
  };
  let openBreak: BreakBand | undefined;
  let openAd: (Band & { skipped: boolean }) | undefined;
  let openChapter: Band | undefined;
  let openMark: (Mark & { playhead: number }) | undefined;

  for (const row of sorted) {
    const { event } = row;
    const { ts, playhead } = event.playerTime;
    shape.points.push({
      ts,
      playhead,
      type: event.eventType,
      acknowledged: isAcknowledged(row),
      rowId: row.id,
    });
    shape.length = Math.max(shape.length, playhead);
    switch (event.eventType) {
      case 'adBreakStart':
        openBreak = { from: ts, label: text(param(event, 'media.ad.podFriendlyName'), 'ad break'), ads: [] };
        shape.breaks.push(openBreak);
        break;
      case 'adStart':
        if (openAd) openAd.to = ts;
        openAd = { from: ts, label: String(param(event, 'media.ad.podPosition') ?? ''), skipped: false };
        openBreak?.ads.push(openAd);
        break;
      case 'adComplete':
      case 'adSkip':
        if (openAd) Object.assign(openAd, { to: ts, skipped: event.eventType === 'adSkip' });
        openAd = undefined;
        break;
      case 'adBreakComplete':
        if (openAd) openAd.to = ts;
        if (openBreak) openBreak.to = ts;
        openBreak = openAd = undefined;
        break;
      case 'chapterStart':
        if (openChapter) openChapter.to = ts;
        openChapter = { from: ts, label: text(param(event, 'media.chapter.friendlyName'), 'chapter') };
        shape.chapters.push(openChapter);
        break;
      case 'chapterComplete':
      case 'chapterSkip':
        if (openChapter) openChapter.to = ts;
        openChapter = undefined;
        break;
      case 'pauseStart':
      case 'bufferStart':
        if (openMark) openMark.to = ts;
        openMark = {
          from: ts,
          label: '',
          kind: event.eventType === 'pauseStart' ? 'pause' : 'buffer',
          playhead,
        };
        shape.marks.push(openMark);
        break;
      case 'play':
        if (openMark) {
          openMark.to = ts;
          if (openMark.kind === 'pause' && Math.abs(playhead - openMark.playhead) > SEEK_MIN_S)
            openMark.kind = 'seek';
          openMark.label =
            openMark.kind === 'seek'
              ? `seek ${openMark.playhead.toFixed(0)} → ${playhead.toFixed(0)} s`
              : openMark.kind;
        }
        openMark = undefined;
        break;
      case 'sessionComplete':
      case 'sessionEnd':
        shape.end ??= { ts, type: event.eventType };
        for (const open of [openAd, openBreak, openChapter, openMark])
          if (open && open.to === undefined) open.to = ts;
        openAd = openBreak = openChapter = openMark = undefined;
        break;
      default:
        break;
    }
  }
  for (const mark of shape.marks) mark.label ||= mark.kind;
  if (over && !shape.end) {
    const last = shape.points.at(-1)!.ts;
    shape.end = { ts: last, type: 'replaced' };
    for (const open of [openAd, openBreak, openChapter, openMark])
      if (open && open.to === undefined) open.to = last;
  }
  return shape;
}

/** The page's sessions, each from its rows, oldest first. */
export function sessionShapes(rows: readonly LogRow[]): SessionShape[] {
  const bySession = new Map<string, LogRow[]>();
  for (const row of rows) {
    const list = bySession.get(row.session) ?? [];
    list.push(row);
    bySession.set(row.session, list);
  }
  const shapes = [...bySession.values()].map((list) => sessionShape(list)).sort((a, b) => a.start - b.start);
  // A player's sessions follow one another: all but its newest are over, whatever their last event.
  return shapes.map((shape) =>
    shapes.some((later) => later.player === shape.player && later.start > shape.start)
      ? sessionShape(bySession.get(shape.session)!, true)
      : shape,
  );
}
