// GET /__emulator/ — the session report for people: every session's events and findings, the 400s,
// 404s and active faults, as one static HTML page (no script; reload to refresh). The same data as
// JSON is GET /__emulator/report. Every value is escaped: event bodies are whatever clients sent.
import type { ServerResponse } from 'node:http';
import type { McEvent } from '../mc/types.ts';
import type { Fault } from './faults.ts';
import { RULE_NOTES, VALIDATION_NOTE } from './rule-notes.ts';
import type { Finding } from './sequence-types.ts';
import type { RecordedEvent, RecordedSession } from './session-record.ts';
import type { EmulatorReport, ValidationErrorRecord } from './store.ts';

export const REPORT_PAGE_PATHS: readonly string[] = ['/__emulator', '/__emulator/'];

export const isReportPage = (method: string, pathname: string): boolean =>
  method === 'GET' && REPORT_PAGE_PATHS.includes(pathname);

const html = (text: unknown): string =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const short = (sid: string): string => `${sid.slice(0, 8)}…`;

/** What a recorded event claims to be; rejected bodies may be malformed, so nothing is assumed. */
function described(record: RecordedEvent): { type: string; playhead: string; ts: number | undefined } {
  const event = (record.event ?? {}) as Partial<McEvent>;
  const { playhead, ts } = event.playerTime ?? {};
  return {
    type: typeof event.eventType === 'string' ? event.eventType : '(malformed)',
    playhead: typeof playhead === 'number' ? playhead.toFixed(2) : '—',
    ts: typeof ts === 'number' ? ts : undefined,
  };
}

function findingItem(finding: Finding): string {
  const note = RULE_NOTES[finding.rule];
  return `<li><strong>${html(note.title)}</strong> (<code>${html(finding.rule)}</code>, event #${finding.eventIndex + 1} ${html(finding.eventType)}): ${html(note.explanation)} <em>Emulator: ${html(finding.message)}</em></li>`;
}

function eventRows(session: RecordedSession): string {
  const all = [...session.events, ...session.rejected].sort((a, b) => a.receivedAt - b.receivedAt);
  const first = all.map(described).find((e) => e.ts !== undefined)?.ts;
  return all
    .map((record, index) => {
      const { type, playhead, ts } = described(record);
      const offset = ts === undefined || first === undefined ? '—' : String(ts - first);
      return `<tr><td>${index + 1}</td><td>${html(type)}</td><td>${playhead}</td><td>${offset}</td><td>${record.status}</td><td>${html(record.message ?? '')}</td></tr>`;
    })
    .join('');
}

function sessionSection(session: RecordedSession): string {
  const flags = [
    session.api === 'edge' && 'Media Edge API',
    session.closed,
    session.resume && 'resumed',
    session.downloaded && 'downloaded batch',
  ]
    .filter(Boolean)
    .join(', ');
  const findings = session.findings.length
    ? `<ul>${session.findings.map(findingItem).join('')}</ul>`
    : '<p>No findings: the sequence follows every rule the emulator checks.</p>';
  return `<section><h2>Session <code title="${html(session.sid)}">${html(short(session.sid))}</code> (${html(flags)})</h2>
<p>Created ${html(new Date(session.createdAt).toISOString())}; ${session.events.length} events recorded, ${session.rejected.length} answered 400.</p>
<h3>Findings</h3>${findings}
<details><summary>Events</summary><table><thead><tr><th scope="col">#</th><th scope="col">Event</th><th scope="col">Playhead (s)</th><th scope="col">ts − first (ms)</th><th scope="col">Status</th><th scope="col">Message</th></tr></thead><tbody>${eventRows(session)}</tbody></table></details></section>`;
}

function validationItem(error: ValidationErrorRecord): string {
  return `<li><code>${html(error.path.replace(/[0-9a-f]{64}/g, short))}</code>: ${html(error.problems.join(' '))}</li>`;
}

function faultItem(fault: Fault): string {
  const what = fault.refuse
    ? 'refuses connections'
    : fault.status
      ? `answers ${fault.status}`
      : 'adds latency';
  const scope = fault.remaining === undefined ? 'until removed' : `${fault.remaining} more time(s)`;
  return `<li>Fault ${fault.id}: ${html(what)} on <code>${html(fault.match)}</code>, ${html(scope)}.</li>`;
}

/** The whole page, newest session first. */
export function renderReportPage(report: EmulatorReport, faults: readonly Fault[], now: number): string {
  const sessions = [...report.sessions].sort((a, b) => b.createdAt - a.createdAt);
  const errors = report.validationErrors.length
    ? `<p>${html(VALIDATION_NOTE)}</p><ul>${report.validationErrors.map(validationItem).join('')}</ul>`
    : '<p>None.</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Media Collection emulator report</title><style>${STYLE}</style></head><body>
<h1>Media Collection emulator report</h1>
<p>As of ${html(new Date(now).toISOString())}. Reload to refresh; the same data as JSON: <a href="/__emulator/report">/__emulator/report</a>.</p>
<dl><dt>Sessions</dt><dd>${sessions.length}</dd><dt>API requests</dt><dd>${report.requests}</dd><dt>of them Media Edge</dt><dd>${report.edgeRequests.length}</dd><dt>Findings</dt><dd>${report.findings.length}</dd><dt>Validation errors (400)</dt><dd>${report.validationErrors.length}</dd><dt>Unknown sessions (404)</dt><dd>${report.notFound.length}</dd><dt>Injected faults answered</dt><dd>${report.faulted.length}</dd></dl>
<h2>Active faults</h2>${faults.length ? `<ul>${faults.map(faultItem).join('')}</ul>` : '<p>None.</p>'}
<h2>Validation errors</h2>${errors}
${sessions.length ? sessions.map(sessionSection).join('\n') : '<p>No session yet.</p>'}
</body></html>`;
}

export function writeReportPage(res: ServerResponse, html: string): void {
  if (res.headersSent || res.destroyed) return;
  res
    .writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(html)),
      'Cache-Control': 'no-store',
    })
    .end(html);
}

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:1rem 2rem;color:#1b1b1b;max-width:70rem}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}th,td{padding:.1rem .6rem;border-bottom:1px solid #ddd;text-align:left}
dl{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem}dd{margin:0}code{background:#f2f2f2;padding:0 .2em}
section{border-top:2px solid #444;margin-top:1.5rem}li{overflow-wrap:anywhere;margin:.2rem 0}`;
