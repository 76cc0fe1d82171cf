// The playhead plot of a lane: the content position (0 at the bottom, media.length at the top) as a line
// through every event, pings included, and a dot per other event: filled once the collector acknowledged
// it, hollow while it waits in the outbox.
import type { SessionShape } from './shapes';
import { r1, svg, tip } from './svg';
import type { TimeScale } from './time-scale';

/** The content playhead (0 at the bottom, media.length at the top) and a dot per non-ping event. */
export function drawPlayhead(
  shape: SessionShape,
  scale: TimeScale,
  top: number,
  plotHeight: number,
): SVGGElement {
  const height = plotHeight - 10;
  const y = (value: number) => r1(top + 5 + height - (shape.length ? (value / shape.length) * height : 0));
  const group = svg(
    'g',
    { class: 'playhead' },
    svg('text', { x: 4, y: top + 15, class: 'row-label' }, 'Playhead'),
    svg('text', { x: 4, y: top + 29, class: 'axis-note' }, `0 to ${Math.round(shape.length)} s`),
    svg('line', { x1: scale.x(scale.t0), x2: scale.x(scale.t1), y1: y(0), y2: y(0), class: 'baseline' }),
    svg('polyline', {
      points: shape.points.map((p) => `${r1(scale.x(p.ts))},${y(p.playhead)}`).join(' '),
      class: 'playhead-line',
    }),
  );
  for (const point of shape.points) {
    if (point.type === 'ping') continue;
    const state = point.acknowledged ? 'acknowledged by the collector' : 'waiting in the outbox';
    group.append(
      svg(
        'circle',
        {
          cx: r1(scale.x(point.ts)),
          cy: y(point.playhead),
          r: 3.5,
          class: point.acknowledged ? 'dot' : 'dot dot-waiting',
          'data-kind': 'event',
          'data-type': point.type,
          'data-ts': point.ts,
          'data-acknowledged': String(point.acknowledged),
        },
        tip(`#${point.rowId} ${point.type} at playhead ${point.playhead.toFixed(1)} s: ${state}`),
      ),
    );
  }
  return group;
}
