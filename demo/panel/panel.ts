// The demo's live panel: listens to each tracker's public streams (events$, reports$, delivery$), polls the
// emulator's report, and keeps the timeline, delivery state, findings and event log up to date.
import type { MediaCollectionTracker } from '../../src/index';
import { createCollectorClient, describeFaults } from './collector-client';
import { startControls } from './controls';
import { createDeliveryLog } from './delivery-log';
import { createEventLog } from './event-log';
import { renderFindings } from './findings';
import { createOutboxWatch, createPeriods, type OutboxReading, STATE_SENTENCES } from './outbox-state';
import { sessionShapes } from './shapes';
import { createTimelineSvg, describeShape, drawTimeline } from './timeline';

export interface PanelDeps {
  collector: string;
  secondPlayer: { add(): void; remove(): void };
}

const POLL_MS = 1_500;
const TICK_MS = 1_000;
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const setText = (element: Element, text: string) => {
  if (element.textContent !== text) element.textContent = text; // unchanged text stays silent for screen readers
};

export function startPanel(deps: PanelDeps) {
  const client = createCollectorClient(deps.collector);
  const log = createDeliveryLog();
  const outbox = createOutboxWatch();
  const offline = createPeriods<true>();
  const received = new Map<string, number>(); // sid → events the collector accepted
  const eventLog = createEventLog(log, { table: byId('event-log'), dialog: byId('body-dialog') });
  const timeline = createTimelineSvg(byId('timeline-host'));
  const controls = startControls({
    client,
    depth: () => log.depth(),
    offlineChanged: (value, since) => (value ? offline.set(true, since) : offline.end(since)),
    secondPlayer: deps.secondPlayer,
  });
  byId<HTMLAnchorElement>('report-link').href = client.reportPage;
  setText(byId('collector-url'), deps.collector);

  const titleOf = (session: string, mediaId: string): string => {
    const info = log.sessions.get(session);
    const name = `Session ${info?.label ?? '?'}`;
    // An adopted session's start (and sid) belong to the page that produced it: only its tail is known here.
    if (info?.earlier) return `${name} (left by an earlier page, replayed by this one)`;
    const rows = log.rows.filter((row) => row.session === session);
    const answered = rows.filter((row) => row.delivery.kind === 'answered').length;
    const downloaded = rows.filter((row) => row.delivery.kind === 'downloaded').length;
    const batch = downloaded ? `, ${downloaded} more in a /downloaded batch` : '';
    const sid = info?.sid;
    const collector =
      sid === undefined
        ? 'no session id yet'
        : `collector has ${received.get(sid) ?? '…'}, acknowledged here ${answered}${batch}`;
    return `${name} (player ${info?.player}, ${mediaId}) · ${collector}`;
  };

  function renderDelivery(reading: OutboxReading, now: number): void {
    const state = byId('outbox-state');
    setText(state, reading.state);
    state.dataset.state = reading.state;
    const wait =
      reading.nextTryAt === undefined ? 0 : Math.max(0, Math.ceil((reading.nextTryAt - now) / 1000));
    setText(
      byId('outbox-detail'),
      reading.lastFailure ? ` (${reading.lastFailure}; next try in ${wait} s)` : '',
    );
    const depth = byId('outbox-depth');
    setText(depth, `${reading.depth} event${reading.depth === 1 ? '' : 's'} waiting`);
    depth.dataset.depth = String(reading.depth);
    setText(byId('outbox-sentence'), STATE_SENTENCES[reading.state]);
    setText(byId('outbox-notice'), log.notices.at(-1) ?? '');
  }

  let scheduled = false;
  function render(): void {
    scheduled = false;
    const now = Date.now();
    const reading = outbox.read(now);
    renderDelivery(reading, now);
    const shapes = sessionShapes(log.rows);
    const titles = shapes.map((shape) => titleOf(shape.session, shape.mediaId));
    drawTimeline(timeline, {
      shapes,
      titles,
      collectorOffline: offline.periods,
      outbox: outbox.history,
      now,
    });
    setText(
      byId('timeline-summary'),
      shapes.length
        ? shapes.map((shape, i) => describeShape(shape, titles[i]!)).join(' ')
        : 'No session yet.',
    );
    eventLog.render(now);
  }
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(render);
  };
  setInterval(schedule, TICK_MS); // moves "now", open bands and retry countdowns
  window.addEventListener('online', schedule);
  window.addEventListener('offline', schedule);

  let lastFindings = '';
  const poll = async () => {
    const askedAt = Date.now();
    try {
      const [report, faults] = await Promise.all([client.report(), client.faults()]);
      controls.faultsSeen(faults, askedAt);
      for (const session of report.sessions)
        received.set(session.sid, session.events.filter((e) => e.status < 300).length);
      setText(byId('collector-state'), describeFaults(faults));
      const snapshot = JSON.stringify([report.findings, report.validationErrors]);
      if (snapshot !== lastFindings) {
        lastFindings = snapshot;
        const sidLabel = (sid: string) => {
          const info = [...log.sessions.values()].find((s) => s.sid === sid);
          return info && `session ${info.label}`;
        };
        renderFindings(
          report,
          {
            findings: byId('findings'),
            errors: byId('validation-errors'),
            summary: byId('findings-summary'),
          },
          sidLabel,
        );
      }
    } catch {
      setText(byId('collector-state'), `not answering at ${deps.collector}: is npm run demo still running?`);
    } finally {
      schedule();
      setTimeout(poll, POLL_MS);
    }
  };
  void poll();
  schedule();

  byId('hide-pings').addEventListener('change', (e) => {
    byId('event-log').classList.toggle('hide-pings', (e.target as HTMLInputElement).checked);
  });

  return {
    /** Shows a tracker's events and deliveries under `label` ("A", "B"). Subscribe before playback starts. */
    watch(label: string, tracker: MediaCollectionTracker): void {
      tracker.events$.subscribe((out) => {
        log.produced(label, out);
        schedule();
      });
      tracker.reports$.subscribe((report) => {
        if (report.type === 'identityMissing') return; // not about delivery
        log.report(label, report, Date.now());
        schedule();
      });
      // One delivery per page and endpoint: every tracker here tells the same state.
      tracker.delivery$.subscribe((state) => {
        outbox.update(state);
        schedule();
      });
    },
  };
}
