// The sender through the Media Edge API protocol (docs/delivery.md#the-protocol-seam): the same lane and
// queue, the Edge's requests and answers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { edgeProtocol } from '../edge/edge-protocol';
import { createMemoryQueue } from './queue';
import type { DeliveryReport } from './reports';
import { createSender } from './sender';
import { START_PARAMS, sessionItems } from './sender.fixtures';
import type { Transport, TransportResponse } from './transport';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

interface EdgeCall {
  path: string;
  xdm: Record<string, unknown> & { mediaCollection?: Record<string, unknown> };
}
type Script = (call: EdgeCall) => { status: number; body?: unknown } | undefined;

const NEW_SESSION = (sid: string) => ({
  handle: [
    { type: 'media-analytics:new-session', eventIndex: 0, payload: [{ sessionId: sid }] },
    { type: 'locationHint:result', payload: [{ scope: 'EdgeNetwork', hint: 'or2', ttlSeconds: 1800 }] },
  ],
});
const PROBLEM = {
  type: 'https://ns.adobe.com/aep/errors/va-edge-0400-400',
  status: 400,
  title: 'Invalid request',
  report: {
    details: [{ name: '$.events[0].xdm.mediaCollection.playhead', reason: 'Missing required field' }],
  },
};

/** A scripted Edge: 200 + handle on sessionStart, 204 on events, 200 on downloaded, unless `script` says. */
function fakeEdge(script: Script = () => undefined) {
  const calls: EdgeCall[] = [];
  let sessions = 0;
  const transport: Transport = async ({ url, body }) => {
    const { pathname, search } = new URL(url);
    const call = { path: pathname + search, xdm: JSON.parse(body).events[0].xdm };
    calls.push(call);
    const scripted = script(call);
    const healthy = pathname.endsWith('/sessionStart')
      ? { status: 200, body: NEW_SESSION(`edge-${++sessions}`) }
      : pathname.endsWith('/downloaded')
        ? { status: 200, body: NEW_SESSION('dl') }
        : { status: 204 };
    const { status, body: answer } = scripted ?? healthy;
    const response: TransportResponse = { status, location: null, retryAfter: null };
    if (answer !== undefined) response.body = JSON.stringify(answer);
    if (status >= 400)
      response.message = 'Invalid request ($.events[0].xdm.mediaCollection.playhead Missing required field)';
    return response;
  };
  return { transport, calls, paths: () => calls.map((c) => c.path.replace('?configId=ds', '')) };
}

function setup(script?: Script, queue = createMemoryQueue()) {
  const edge = fakeEdge(script);
  const sender = createSender({
    endpoint: 'http://127.0.0.1:1',
    // Loading, as the chunk is: nothing leaves before it is there.
    transport: async () => {
      throw new Error('the Media Collection transport is not used');
    },
    protocol: Promise.resolve(edgeProtocol({ datastreamId: 'ds', transport: edge.transport })),
    queue,
    random: () => 0,
  });
  const reports: DeliveryReport[] = [];
  sender.reports$.subscribe((r) => reports.push(r));
  return { edge, sender, reports, queue };
}

const EDGE_PARAMS = { ...START_PARAMS, 'visitor.marketingCloudUserId': 'ECID-1' };

describe('sender through the Media Edge API', () => {
  it('takes the session id from the start answer’s handle and its hint for every later call', async () => {
    const { edge, sender, reports } = setup();
    sender.send(sessionItems('a', ['play', 'ping', 'sessionEnd']));
    await vi.advanceTimersByTimeAsync(100);
    expect(edge.paths()).toEqual([
      '/ee/va/v1/sessionStart',
      '/ee/or2/va/v1/play',
      '/ee/or2/va/v1/ping',
      '/ee/or2/va/v1/sessionEnd',
    ]);
    expect(edge.calls.slice(1).map((c) => c.xdm.mediaCollection?.sessionID)).toEqual([
      'edge-1',
      'edge-1',
      'edge-1',
    ]);
    expect(reports).toContainEqual({ type: 'sessionCreated', session: 'a', sid: 'edge-1' });
    expect(sender.waiting()).toBe(0);
  });

  it('a 207 with no session id: the session is rejected once, its events dropped, nothing retried', async () => {
    const { edge, sender, reports } = setup((call) =>
      call.path.includes('sessionStart')
        ? { status: 207, body: { handle: [], errors: [PROBLEM] } }
        : undefined,
    );
    sender.send(sessionItems('a', ['play', 'ping']));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(edge.paths()).toEqual(['/ee/va/v1/sessionStart']);
    expect(reports.filter((r) => r.type === 'sessionRejected')).toEqual([
      expect.objectContaining({
        status: 207,
        count: 3,
        message:
          'The Edge answered HTTP 207 without a media session id: Invalid request ($.events[0].xdm.mediaCollection.playhead Missing required field)',
      }),
    ]);
    sender.send(sessionItems('a', ['play'], 9_000).slice(1));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(edge.calls).toHaveLength(1);
    expect(sender.waiting()).toBe(0);
  });

  it('a 400 drops that event with the problem as the message, and the session goes on', async () => {
    const { edge, sender, reports } = setup((call) =>
      call.path.includes('/ping') ? { status: 400, body: PROBLEM } : undefined,
    );
    sender.send(sessionItems('a', ['play', 'ping', 'pauseStart']));
    await vi.advanceTimersByTimeAsync(100);
    expect(edge.paths().at(-1)).toBe('/ee/or2/va/v1/pauseStart');
    expect(reports.filter((r) => r.type === 'dropped')).toEqual([
      expect.objectContaining({
        status: 400,
        message: expect.stringContaining('mediaCollection.playhead Missing'),
      }),
    ]);
  });

  it.each([404, 410])(
    'a %i resumes the rest as one Edge downloaded batch that starts with hasResume',
    async (status) => {
      const { edge, sender, reports } = setup((call) =>
        call.path.includes('/pauseStart') ? { status } : undefined,
      );
      const items = sessionItems('a', ['play', 'pauseStart', 'play']);
      items[0]!.event.params = { ...EDGE_PARAMS };
      sender.send(items);
      await vi.advanceTimersByTimeAsync(100);
      const downloaded = edge.calls.filter((c) => c.path.startsWith('/ee/va/v1/downloaded'));
      expect(downloaded).toHaveLength(1);
      const events = downloaded[0]!.xdm.mediaDownloadedEvents as Array<{
        mediaEventType: string;
        mediaCollection: { sessionDetails?: { hasResume?: boolean } };
      }>;
      expect(events.map((e) => e.mediaEventType)).toEqual([
        'media.sessionStart',
        'media.pauseStart',
        'media.play',
        'media.sessionEnd',
      ]);
      expect(events[0]!.mediaCollection.sessionDetails?.hasResume).toBe(true);
      expect(reports).toContainEqual({ type: 'sessionGone', session: 'a', sid: 'edge-1', status });
      expect(reports).toContainEqual({ type: 'downloaded', session: 'a', count: 2, status: 200 });
    },
  );

  it('a session queued under the Media Collection API goes to the Edge as downloaded, never to its MC sid', async () => {
    const queue = createMemoryQueue();
    const items = sessionItems('old', ['play', 'ping']);
    items[0]!.event.params = { ...EDGE_PARAMS };
    await queue.append(items);
    const [start] = await queue.pending('old');
    await queue.remove([start!.id]);
    await queue.updateSession('old', { sid: 'mc-sid', lastSentAt: 0 });
    const { edge, reports } = setup(undefined, queue);
    await vi.advanceTimersByTimeAsync(100);
    expect(edge.paths()).toEqual(['/ee/va/v1/downloaded']);
    expect(reports).toContainEqual({ type: 'sessionGone', session: 'old', sid: 'mc-sid', status: 0 });
    expect(await queue.pending('old')).toEqual([]);
  });
});
