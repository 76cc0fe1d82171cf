// The demo's collector view: polls the emulator's control routes every second and lists what it
// received for the newest session. Rendered with textContent only (event bodies are untrusted input).
import type { EmulatorReport, Finding, RecordedSession, ValidationErrorRecord } from '../src/emulator/index';
import type { McEvent } from '../src/mc/types';

const POLL_MS = 1000;

function cell(row: HTMLTableRowElement, text: string): void {
  row.insertCell().textContent = text;
}

/** Reads what a recorded event claims to be; 400-rejected ones may be malformed, so nothing is assumed. */
function readEvent(event: unknown): { eventType: string; playhead?: number; ts?: number } {
  const e = (event ?? {}) as Partial<McEvent>;
  const { playhead, ts } = e.playerTime ?? {};
  return {
    eventType: typeof e.eventType === 'string' ? e.eventType : '(malformed)',
    playhead: typeof playhead === 'number' ? playhead : undefined,
    ts: typeof ts === 'number' ? ts : undefined,
  };
}

function renderEvents(session: RecordedSession | undefined): void {
  const body = document.querySelector<HTMLTableSectionElement>('#events tbody')!;
  // Accepted/410 events and 400-rejected ones, in arrival order.
  const received = [...(session?.events ?? []), ...(session?.rejected ?? [])].sort(
    (a, b) => a.receivedAt - b.receivedAt,
  );
  const start = received.map((r) => readEvent(r.event)).find((e) => e.eventType === 'sessionStart')?.ts;
  body.replaceChildren();
  received.forEach((r, index) => {
    const { eventType, playhead, ts } = readEvent(r.event);
    const row = body.insertRow();
    if (r.status >= 300) row.className = 'rejected';
    cell(row, String(index + 1));
    cell(row, eventType);
    cell(row, playhead === undefined ? '—' : playhead.toFixed(2));
    cell(row, start === undefined || ts === undefined ? '—' : String(ts - start));
    cell(row, String(r.status)); // the 400 messages are listed under "Validation errors"
  });
}

function renderList(id: string, items: string[], empty: string): void {
  const list = document.getElementById(id)!;
  list.replaceChildren(
    ...(items.length ? items : [empty]).map((text) => {
      const li = document.createElement('li');
      li.textContent = text;
      return li;
    }),
  );
}

const describeFinding = (f: Finding): string => `${f.rule}: ${f.message}`;
const shortSid = (text: string): string => text.replace(/[0-9a-f]{64}/g, (sid) => `${sid.slice(0, 8)}…`);
const describeError = (e: ValidationErrorRecord): string => `${shortSid(e.path)}: ${e.problems.join(' ')}`;

export function startCollectorPanel(collector: string): void {
  const status = document.getElementById('collector-status')!;
  let last = '';
  const setStatus = (text: string) => {
    if (status.textContent !== text) status.textContent = text; // unchanged text stays silent for screen readers
  };

  const poll = async () => {
    try {
      const [sessions, report] = await Promise.all([
        fetch(`${collector}/__emulator/sessions`).then((r) => r.json() as Promise<RecordedSession[]>),
        fetch(`${collector}/__emulator/report`).then((r) => r.json() as Promise<EmulatorReport>),
      ]);
      const snapshot = JSON.stringify([sessions, report.validationErrors]);
      if (snapshot === last) return; // re-render only on change: keeps focus and selection stable
      last = snapshot;
      const current = [...sessions].sort((a, b) => b.createdAt - a.createdAt)[0];
      setStatus(
        current
          ? `Session ${current.sid.slice(0, 8)}… (${current.closed}): ${current.events.length + current.rejected.length} events`
          : 'No session yet: press play.',
      );
      renderEvents(current);
      renderList('findings', current?.findings.map(describeFinding) ?? [], 'None.');
      renderList('validation-errors', report.validationErrors.map(describeError), 'None.');
    } catch {
      last = ''; // render again once it is back, even if nothing changed meanwhile
      setStatus(`The emulator at ${collector} is not answering.`);
    } finally {
      setTimeout(poll, POLL_MS);
    }
  };
  void poll();
}
