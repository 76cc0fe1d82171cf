// The HTML session report on GET /__emulator/: served by a real server, findings explained, input escaped.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RULE_NOTES } from './rule-notes.ts';
import { SEQUENCE_RULES } from './sequence-types.ts';
import { type EmulatorServer, startEmulatorServer } from './server.ts';
import { ev, start, T0 } from './test-fixtures.ts';

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulatorServer({ port: 0, now: () => T0 });
});
afterAll(() => server.close());
beforeEach(() => server.emulator.reset());

const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

async function page(path = '/__emulator/'): Promise<{ status: number; type: string | null; html: string }> {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, type: response.headers.get('content-type'), html: await response.text() };
}

describe('GET /__emulator/', () => {
  it('is an HTML page, with or without the trailing slash', async () => {
    for (const path of ['/__emulator/', '/__emulator']) {
      const { status, type, html } = await page(path);
      expect({ status, type }).toEqual({ status: 200, type: 'text/html; charset=utf-8' });
      expect(html).toContain('<h1>Media Collection emulator report</h1>');
      expect(html).toContain('No session yet.');
    }
  });

  it("lists a session's events and explains its findings with the rule they break", async () => {
    const sid = (await post('/api/v1/sessions', start())).headers.get('Location')!.split('/').pop()!;
    await post(`/api/v1/sessions/${sid}/events`, ev('adStart', 1_000));
    const { html } = await page();
    expect(html).toContain(`title="${sid}"`);
    expect(html).toContain('<td>adStart</td>');
    expect(html).toContain(RULE_NOTES['ad-outside-break'].explanation.replace(/'/g, '&#39;'));
    expect(html).toContain('<code>ad-outside-break</code>, event #2 adStart');
  });

  it('escapes what clients sent and shows active faults', async () => {
    await post('/api/v1/sessions', { eventType: '<script>alert(1)</script>', playerTime: {} });
    server.emulator.addFault({ refuse: true });
    const { html } = await page();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('refuses connections on <code>all</code>, until removed');
  });

  it('leaves other methods and paths to the control routes', async () => {
    const response = await fetch(`${server.url}/__emulator/`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });
});

describe('RULE_NOTES', () => {
  it('explains every sequence rule in one sentence', () => {
    for (const rule of SEQUENCE_RULES) {
      const { explanation } = RULE_NOTES[rule];
      expect(explanation.trim().endsWith('.'), rule).toBe(true);
      // One sentence: no full stop followed by a capital inside it.
      expect(/\.\s+[A-Z]/.test(explanation.slice(0, -1)), rule).toBe(false);
    }
  });
});
