// The event log: one table row per event, created once and updated in place (so an open dialog, the
// focus and the scroll position survive updates), with its delivery status and a button that opens
// its JSON body in a dialog. Text only, never markup: bodies carry whatever the page put in them.
import type { DeliveryLog, LogRow } from './delivery-log';
import { inFlightRows, statusOf } from './status';

interface RowView {
  tr: HTMLTableRowElement;
  status: HTMLTableCellElement;
  last: string;
}

export function createEventLog(
  log: DeliveryLog,
  elements: { table: HTMLTableElement; dialog: HTMLDialogElement },
) {
  const { table, dialog } = elements;
  const body = table.tBodies[0]!;
  const scroller = table.parentElement!;
  const views = new Map<number, RowView>();
  const firstTs = new Map<string, number>();

  const sessionLabel = (row: LogRow) =>
    `${log.sessions.get(row.session)?.label ?? row.player}${row.earlier ? ' (earlier page)' : ''}`;

  function openBody(row: LogRow): void {
    const now = Date.now();
    const status = statusOf(row, inFlightRows(log.rows).has(row.id), now);
    dialog.querySelector('#body-title')!.textContent = `#${row.id} ${row.event.eventType}`;
    dialog.querySelector('#body-status')!.textContent =
      `Session ${sessionLabel(row)} · status: ${status.text}`;
    dialog.querySelector('pre')!.textContent = JSON.stringify(row.event, null, 2);
    dialog.showModal();
  }

  function create(row: LogRow): RowView {
    const tr = document.createElement('tr');
    tr.dataset.type = row.event.eventType;
    tr.dataset.ts = String(row.event.playerTime.ts);
    tr.dataset.session = row.session;
    if (!firstTs.has(row.session)) firstTs.set(row.session, row.event.playerTime.ts);
    const at = ((row.event.playerTime.ts - firstTs.get(row.session)!) / 1000).toFixed(1);
    const cells = [
      String(row.id),
      sessionLabel(row),
      row.event.eventType,
      at,
      row.event.playerTime.playhead.toFixed(2),
    ];
    for (const text of cells) tr.insertCell().textContent = text;
    const status = tr.insertCell();
    status.className = 'status';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Body';
    button.setAttribute('aria-label', `Body of #${row.id} ${row.event.eventType}`);
    button.addEventListener('click', () => openBody(row));
    tr.insertCell().append(button);
    body.append(tr);
    return { tr, status, last: '' };
  }

  return {
    render(now: number): void {
      const atBottom = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 4;
      const inFlight = inFlightRows(log.rows);
      for (const row of log.rows) {
        let view = views.get(row.id);
        if (!view) {
          view = create(row);
          views.set(row.id, view);
        }
        const status = statusOf(row, inFlight.has(row.id), now);
        const text = `${status.symbol} ${status.text}`;
        if (text === view.last) continue;
        view.last = text;
        view.status.textContent = text;
        view.tr.dataset.status =
          row.delivery.kind === 'answered' || row.delivery.kind === 'downloaded'
            ? 'acknowledged'
            : row.delivery.kind;
        view.tr.className = `tone-${status.tone}`;
      }
      if (atBottom) scroller.scrollTop = scroller.scrollHeight; // follow the newest, unless the reader scrolled up
    },
  };
}
