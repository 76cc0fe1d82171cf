// The live timeline: one lane per session of this page (wall time across, shared by all lanes), then
// the collector's offline periods and the outbox's state, then the time axis. Plain SVG, redrawn whole
// (a few hundred shapes at most); nothing in it takes focus, so redrawing never moves the keyboard.
import type { OutboxState, Period } from './outbox-state';
import type { SessionShape } from './shapes';
import { r1, svg, tip } from './svg';
import { timeScale } from './time-scale';
import { drawLane, LANE, LANE_HEIGHT } from './timeline-lane';

const WIDTH = 760;
const LEFT = 86;
const RIGHT = 10;
const ROW = LANE.row;
const AXIS = 22;

export interface TimelineInput {
  shapes: readonly SessionShape[];
  /** Lane titles, same order as `shapes`. */
  titles: readonly string[];
  collectorOffline: readonly Period<true>[];
  outbox: readonly Period<OutboxState>[];
  now: number;
}

const PATTERNS = `<pattern id="tl-stripes" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" class="pattern-bg-ad"/><line x1="0" y1="0" x2="0" y2="6" class="pattern-line"/></pattern>
<pattern id="tl-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="5" height="5" class="pattern-bg-buffer"/><line x1="0" y1="0" x2="0" y2="5" class="pattern-line"/></pattern>
<pattern id="tl-cross" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" class="pattern-bg-offline"/><path d="M0,0 L8,8 M8,0 L0,8" class="pattern-line"/></pattern>`;

/** The timeline's <svg>, named by the figure's caption and described by the visible summary. */
export function createTimelineSvg(host: HTMLElement): SVGSVGElement {
  const element = svg('svg', {
    id: 'timeline',
    role: 'img',
    'aria-labelledby': 'timeline-caption',
    'aria-describedby': 'timeline-summary',
  });
  host.replaceWith(element);
  return element;
}

export function drawTimeline(target: SVGSVGElement, input: TimelineInput): void {
  const { shapes, titles, now } = input;
  const starts = [...shapes.map((s) => s.start), ...input.collectorOffline.map((p) => p.from)];
  const t0 = starts.length ? Math.min(...starts) : now;
  const scale = timeScale(t0, now, LEFT, WIDTH - LEFT - RIGHT);
  const lanesHeight = Math.max(shapes.length, 1) * LANE_HEIGHT;
  const height = lanesHeight + 2 * ROW + AXIS + 8;
  target.setAttribute('viewBox', `0 0 ${WIDTH} ${height}`);
  const defs = svg('defs');
  defs.innerHTML = PATTERNS; // static markup of our own, no data in it
  const nodes: SVGElement[] = [defs];

  if (shapes.length === 0) {
    nodes.push(
      svg(
        'text',
        { x: LEFT, y: 40, class: 'placeholder' },
        'Press play: the session appears here as the plugin reports it.',
      ),
    );
  }
  for (const [index, shape] of shapes.entries()) {
    nodes.push(drawLane(shape, titles[index] ?? '', scale, now, index * LANE_HEIGHT));
  }

  const collectorY = lanesHeight;
  const outboxY = collectorY + ROW;
  nodes.push(
    svg('text', { x: 4, y: collectorY + 15, class: 'row-label' }, 'Collector'),
    svg('text', { x: 4, y: outboxY + 15, class: 'row-label' }, 'Outbox'),
  );
  for (const period of input.collectorOffline) {
    nodes.push(
      periodBand(
        scale.x(period.from),
        scale.x(period.to ?? now),
        collectorY,
        'offline',
        'collector offline',
        period,
        now,
      ),
    );
  }
  for (const period of input.outbox) {
    if (period.value === 'online') continue;
    nodes.push(
      periodBand(
        scale.x(period.from),
        scale.x(period.to ?? now),
        outboxY,
        `state-${period.value}`,
        period.value,
        period,
        now,
      ),
    );
  }

  const axisY = outboxY + ROW + 4;
  nodes.push(svg('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: axisY, y2: axisY, class: 'axis' }));
  for (const tick of scale.ticks) {
    const x = r1(scale.x(tick.ts));
    nodes.push(
      svg('line', { x1: x, x2: x, y1: 0, y2: axisY + 4, class: 'grid' }),
      svg('text', { x, y: axisY + 16, class: 'tick', 'text-anchor': 'middle' }, tick.label),
    );
  }
  const nowX = r1(scale.x(now));
  nodes.push(svg('line', { x1: nowX, x2: nowX, y1: 0, y2: axisY, class: 'now' }, tip('now')));
  target.replaceChildren(...nodes);
}

function periodBand(
  x0: number,
  x1: number,
  y: number,
  className: string,
  label: string,
  period: Period<unknown>,
  now: number,
): SVGGElement {
  const width = Math.max(x1 - x0, 2);
  const lasted = `${(((period.to ?? now) - period.from) / 1000).toFixed(1)} s${period.to === undefined ? ', still' : ''}`;
  const group = svg(
    'g',
    {},
    svg('rect', {
      x: r1(x0),
      y: y + 2,
      width: r1(width),
      height: ROW - 4,
      class: className,
      'data-kind': className,
      'data-from': period.from,
      'data-to': period.to ?? '',
    }),
    tip(`${label} (${lasted})`),
  );
  if (width > label.length * 6 + 6)
    group.append(svg('text', { x: r1(x0 + 3), y: y + ROW - 5, class: 'band-label' }, label));
  return group;
}

/** One sentence per lane, for the visible summary under the timeline (and screen readers). */
export function describeShape(shape: SessionShape, title: string): string {
  const acked = shape.points.filter((p) => p.acknowledged).length;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const marks = (kind: string) => shape.marks.filter((m) => m.kind === kind).length;
  const parts = [
    count(shape.breaks.length, 'ad break'),
    count(shape.chapters.length, 'chapter'),
    count(marks('pause'), 'pause'),
    count(marks('buffer'), 'buffering stall'),
    count(marks('seek'), 'seek'),
    count(shape.points.filter((p) => p.type === 'ping').length, 'ping'),
  ];
  const end = !shape.end
    ? ''
    : shape.end.type === 'replaced'
      ? ' Replaced by a new session (the collector lost this one, or it rotated).'
      : ` Ended with ${shape.end.type}.`;
  return `${title}: ${parts.join(', ')}; ${acked} of ${shape.points.length} events acknowledged by the collector.${end}`;
}
