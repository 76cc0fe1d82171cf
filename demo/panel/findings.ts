// What the emulator says about the sessions: sequence findings (mistakes Adobe accepts silently) and
// validation errors (400s), each with one sentence on the rule it breaks. Newest first, rendered with
// textContent only (the emulator's messages quote what the page sent).
import type { EmulatorReport } from '../../src/emulator/index';
import { RULE_NOTES, VALIDATION_NOTE } from '../../src/emulator/rule-notes';

const MAX_ITEMS = 30;
const short = (sid: string): string => `${sid.slice(0, 8)}…`;

function item(parts: (string | HTMLElement)[]): HTMLLIElement {
  const li = document.createElement('li');
  li.append(...parts);
  return li;
}

function strong(text: string): HTMLElement {
  const element = document.createElement('strong');
  element.textContent = text;
  return element;
}

/** Renders both lists and says how many there are; `sidLabel` names the sessions this page knows. */
export function renderFindings(
  report: EmulatorReport,
  lists: { findings: HTMLUListElement; errors: HTMLUListElement; summary: HTMLElement },
  sidLabel: (sid: string) => string | undefined,
): void {
  const label = (sid: string) => sidLabel(sid) ?? `session ${short(sid)}`;
  const findings = [...report.findings].reverse().slice(0, MAX_ITEMS);
  lists.findings.replaceChildren(
    ...(findings.length
      ? findings.map((f) => {
          const note = RULE_NOTES[f.rule];
          return item([
            strong(`${note.title}: `),
            `${note.explanation} (rule ${f.rule}; ${label(f.sid)}, event ${f.eventIndex + 1} ${f.eventType}) `,
            `Emulator: ${f.message}`,
          ]);
        })
      : [item(['None: every event received follows the sequence rules Adobe does not check itself.'])]),
  );
  const errors = [...report.validationErrors].reverse().slice(0, MAX_ITEMS);
  lists.errors.replaceChildren(
    ...(errors.length
      ? errors.map((e) =>
          item([
            strong(`400 on ${e.sid ? label(e.sid) : e.path}: `),
            `${e.problems.join(' ')} `,
            `(rule: per-event validation. ${VALIDATION_NOTE})`,
          ]),
        )
      : [item(['None: the collector accepted every request body.'])]),
  );
  const text = `${report.findings.length} finding(s), ${report.validationErrors.length} validation error(s)`;
  if (lists.summary.textContent !== text) lists.summary.textContent = text;
}
