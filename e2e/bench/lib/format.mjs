// Number formats and verdicts shared by the table's rows.

export const kB = (bytes) => (bytes / 1000).toFixed(1);
export const ms = (value, digits = 0) =>
  value === null || value === undefined ? '–' : value.toFixed(digits);
export const signed = (bytes) => `${bytes >= 0 ? '+' : '−'}${kB(Math.abs(bytes))}`;
export const sec = (msValue) => (msValue / 1000).toFixed(2);
export const check = (ok) => (ok ? '✓' : '✗');
export const MISSING = ['not measured (see the run log)', '', '✗'];
