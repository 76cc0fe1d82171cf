// One session's lane of the timeline: ad breaks (their ads as a strip along the bottom) and chapters as
// bands, pause / buffer / seek marks, the content playhead as a line with a dot per event (filled once
// the collector acknowledged it, hollow while it waits), and pings as ticks. Shapes carry data-*
// attributes for the e2e test.
import type { Band, BreakBand, SessionShape } from './shapes';
import { r1, svg, tip } from './svg';
import type { TimeScale } from './time-scale';
import { drawPlayhead } from './timeline-playhead';

export const LANE = { header: 20, row: 22, plot: 64, pings: 14, gap: 16 } as const;
export const LANE_HEIGHT = LANE.header + 3 * LANE.row + LANE.plot + LANE.pings + LANE.gap;
/** Characters of 12 px text that fit in one unit of width, roughly. */
const CHAR_WIDTH = 6.8;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const dataset = (data: Record<string, string | number>) =>
  Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, v]));

/** A band in a row, its label drawn where it fits (with a halo, so it reads over any fill). */
function band(
  scale: TimeScale,
  now: number,
  y: number,
  item: Band,
  className: string,
  data: Record<string, string | number>,
  title: string,
) {
  const x0 = scale.x(item.from);
  const x1 = Math.max(scale.x(item.to ?? now), x0 + 2);
  const rect = svg('rect', {
    x: r1(x0),
    y: y + 2,
    width: r1(x1 - x0),
    height: LANE.row - 4,
    class: className,
    ...dataset(data),
  });
  const group = svg('g', {}, rect, tip(title));
  if (x1 - x0 > item.label.length * CHAR_WIDTH + 6) {
    group.append(svg('text', { x: r1(x0 + 3), y: y + 14, class: 'band-label' }, item.label));
  }
  return { group, x0, x1 };
}

const rowLabel = (y: number, text: string) => svg('text', { x: 4, y: y + 15, class: 'row-label' }, text);

function adBreak(scale: TimeScale, now: number, y: number, item: BreakBand): SVGGElement {
  const open = item.to === undefined ? ' (playing)' : ` for ${seconds(item.to - item.from)}`;
  const title = `Ad break ${item.label}${open}, ${item.ads.length} ad(s)`;
  const { group } = band(
    scale,
    now,
    y,
    item,
    'band-ad',
    { kind: 'ad-break', from: item.from, to: item.to ?? '' },
    title,
  );
  for (const ad of item.ads) {
    const x0 = scale.x(ad.from) + 1;
    const x1 = Math.max(scale.x(ad.to ?? now) - 1, x0 + 1);
    const label = `Ad ${ad.label}${ad.skipped ? ' (skipped)' : ''}`;
    group.append(
      svg(
        'rect',
        {
          x: r1(x0),
          y: y + LANE.row - 7,
          width: r1(x1 - x0),
          height: 4,
          class: ad.skipped ? 'ad ad-skipped' : 'ad',
          'data-kind': 'ad',
        },
        tip(label),
      ),
    );
  }
  return group;
}

export function drawLane(
  shape: SessionShape,
  title: string,
  scale: TimeScale,
  now: number,
  top: number,
): SVGGElement {
  const lane = svg('g', { class: 'lane', 'data-session': shape.session });
  lane.append(svg('text', { x: 4, y: top + 14, class: 'lane-title' }, title));
  const adsY = top + LANE.header;
  const chaptersY = adsY + LANE.row;
  const marksY = chaptersY + LANE.row;
  const plotY = marksY + LANE.row;
  const pingsY = plotY + LANE.plot;
  lane.append(
    rowLabel(adsY, 'Ad breaks'),
    rowLabel(chaptersY, 'Chapters'),
    rowLabel(marksY, 'Playback'),
    rowLabel(pingsY - 4, 'Pings'),
  );

  for (const item of shape.breaks) lane.append(adBreak(scale, now, adsY, item));
  for (const [index, item] of shape.chapters.entries()) {
    const className = index % 2 ? 'band-chapter band-chapter-alt' : 'band-chapter';
    lane.append(
      band(
        scale,
        now,
        chaptersY,
        item,
        className,
        { kind: 'chapter', from: item.from },
        `Chapter "${item.label}"`,
      ).group,
    );
  }
  for (const mark of shape.marks) {
    const lasted = mark.to === undefined ? ' (now)' : ` for ${seconds(mark.to - mark.from)}`;
    lane.append(
      band(
        scale,
        now,
        marksY,
        mark,
        `mark mark-${mark.kind}`,
        { kind: mark.kind, from: mark.from },
        `${mark.label}${lasted}`,
      ).group,
    );
  }
  lane.append(drawPlayhead(shape, scale, plotY, LANE.plot));
  for (const point of shape.points) {
    if (point.type !== 'ping') continue;
    const x = r1(scale.x(point.ts));
    const state = point.acknowledged ? 'acknowledged' : 'waiting in the outbox';
    lane.append(
      svg(
        'line',
        {
          x1: x,
          x2: x,
          y1: pingsY + 2,
          y2: pingsY + LANE.pings - 2,
          class: point.acknowledged ? 'ping' : 'ping ping-waiting',
          'data-kind': 'ping',
          'data-ts': point.ts,
          'data-acknowledged': String(point.acknowledged),
        },
        tip(`#${point.rowId} ping: ${state}`),
      ),
    );
  }
  if (shape.end) {
    const x = r1(scale.x(shape.end.ts));
    const replaced = shape.end.type === 'replaced';
    const why = replaced
      ? 'replaced: the player went on in a new session (the collector lost this one, or it rotated)'
      : shape.end.type;
    const className = replaced ? 'session-end session-replaced' : 'session-end';
    lane.append(svg('line', { x1: x, x2: x, y1: adsY, y2: pingsY + LANE.pings, class: className }, tip(why)));
  }
  return lane;
}
