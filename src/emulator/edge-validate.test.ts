// The Media Edge validator: everything our renderer produces passes; each rule of the OpenAPI document
// fails with its JSONPath.
import { describe, expect, it } from 'vitest';
import { edgeEventType } from '../edge/render-event.ts';
import { renderDownloadedRequest, renderEdgeRequest } from '../edge/request.ts';
import { EVENT_TYPES } from '../mc/types.ts';
import { ISO_REASON } from './edge-check.ts';
import { downloadedIssues, envelopeIssues, eventIssues } from './edge-validate.ts';
import { copy, ev, start } from './test-fixtures.ts';

const SID = 'f'.repeat(64);
const QOE = { 'media.qoe.bitrate': 1_000_000, 'media.qoe.droppedFrames': 1, 'media.qoe.framesPerSecond': 30 };
const ERROR_QOE = { 'media.qoe.errorID': 'E1', 'media.qoe.errorSource': 'external' as const };

/** Every Media Collection event type as our renderer sends it (with QoE where it rides). */
const rendered = EVENT_TYPES.map((type) => {
  const event = type === 'sessionStart' ? start() : ev(type, 10, 5.5);
  const qoeData = type === 'error' ? ERROR_QOE : QOE;
  const mc = { ...event, qoeData, ...(type === 'adStart' ? { customMetadata: { a: 'b' } } : {}) };
  return [type, renderEdgeRequest(mc, { datastreamId: 'ds', sessionId: SID })] as const;
});

const check = (body: { events: { xdm: unknown }[] }, endpoint = 'play' as const) =>
  eventIssues(body.events[0] as { xdm: Record<string, unknown> }, endpoint, '$.events[0]');

/** Sets (or, for `undefined`, deletes) the value at a dotted path such as `mediaCollection.playhead`. */
function edit(target: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce((node, key) => (node as Record<string, unknown>)[key], target) as Record<
    string,
    unknown
  >;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}

const play = () => copy(renderEdgeRequest(ev('play', 0, 1), { datastreamId: 'ds', sessionId: SID }).body);

describe('eventIssues', () => {
  it.each(rendered)('accepts our %s', (type, request) => {
    expect(envelopeIssues(request.body, true)).toEqual([]);
    expect(check(request.body, edgeEventType(type) as 'play')).toEqual({ issues: [] });
  });

  it.each([
    [
      'no playhead',
      ['mediaCollection.playhead', undefined],
      '$.events[0].xdm.mediaCollection.playhead',
      'Missing required field',
    ],
    [
      'a float playhead',
      ['mediaCollection.playhead', 1.5],
      '$.events[0].xdm.mediaCollection.playhead',
      'Field should be an integer (int32)',
    ],
    [
      'a negative playhead',
      ['mediaCollection.playhead', -1],
      '$.events[0].xdm.mediaCollection.playhead',
      'Field should be ≥ 0',
    ],
    [
      'no sessionID',
      ['mediaCollection.sessionID', undefined],
      '$.events[0].xdm.mediaCollection.sessionID',
      'Missing required field',
    ],
    [
      'an epoch-ms timestamp',
      ['timestamp', 1_750_000_000_000],
      '$.events[0].xdm.timestamp',
      'Field should be a string',
    ],
    [
      'a timestamp without offset',
      ['timestamp', '2026-01-01T00:00:00'],
      '$.events[0].xdm.timestamp',
      ISO_REASON,
    ],
    [
      'a misspelt field',
      ['mediaCollection.sessionId', SID],
      '$.events[0].xdm.mediaCollection.sessionId',
      'Unknown field',
    ],
    [
      'details the endpoint does not take',
      ['mediaCollection.chapterDetails', {}],
      '$.events[0].xdm.mediaCollection.chapterDetails',
      'Unknown field',
    ],
    [
      'a string bitrate',
      ['mediaCollection.qoeDataDetails', { bitrate: '800' }],
      '$.events[0].xdm.mediaCollection.qoeDataDetails.bitrate',
      'Field should be an integer (int32)',
    ],
  ] as const)('refuses %s', (_label, [path, value], name, reason) => {
    const body = play();
    edit(body.events[0].xdm, path, value);
    const { issues } = check(body);
    expect(issues).toHaveLength(1);
    expect(issues[0].name).toBe(name);
    expect(issues[0].reason).toContain(reason);
  });

  it('reports every problem at once (the Edge is cumulative)', () => {
    const body = play();
    const media = body.events[0].xdm.mediaCollection as Record<string, unknown>;
    delete media.playhead;
    delete media.sessionID;
    expect(check(body).issues.map((i) => i.name)).toEqual([
      '$.events[0].xdm.mediaCollection.playhead',
      '$.events[0].xdm.mediaCollection.sessionID',
    ]);
  });

  it('answers a path/payload mismatch in the Edge’s own sentence', () => {
    expect(check(play(), 'pauseStart' as 'play')).toEqual({
      issues: [],
      mismatch: 'The payload eventType play was different from the path eventType pauseStart',
    });
  });

  it.each([
    ['both lists empty', {}, 'Empty statesUpdate event'],
    ['a name with a space', { statesStart: [{ name: 'full screen' }] }, 'Value should match'],
  ])('refuses a statesUpdate with %s', (_label, lists, reason) => {
    const body = copy(renderEdgeRequest(ev('stateStart', 0, 1), { datastreamId: 'ds', sessionId: SID }).body);
    const media = body.events[0].xdm.mediaCollection as Record<string, unknown>;
    delete media.statesStart;
    Object.assign(media, lists);
    expect(check(body, 'statesUpdate' as 'play').issues[0].reason).toContain(reason);
  });

  it('refuses a sessionStart without the required sessionDetails, and with a session id', () => {
    const body = copy(renderEdgeRequest(start(), { datastreamId: 'ds' }).body);
    const { xdm } = body.events[0];
    edit(xdm, 'mediaCollection.sessionDetails.name', undefined);
    edit(xdm, 'mediaCollection.sessionDetails.streamType', 'film');
    edit(xdm, 'mediaCollection.sessionID', SID);
    expect(check(body, 'sessionStart' as 'play').issues.map((i) => `${i.name} ${i.reason}`)).toEqual([
      '$.events[0].xdm.mediaCollection.sessionDetails.name Missing required field',
      '$.events[0].xdm.mediaCollection.sessionDetails.streamType Value should be one of: audio, video',
      '$.events[0].xdm.mediaCollection.sessionID Unknown field; this object takes only playhead, qoeDataDetails, sessionDetails, customMetadata',
    ]);
  });

  it('reads an optional null as absent (Adobe’s Web SDK bridge sends qoeDataDetails: null)', () => {
    const body = play();
    (body.events[0].xdm.mediaCollection as Record<string, unknown>).qoeDataDetails = null;
    expect(check(body)).toEqual({ issues: [] });
  });
});

describe('envelopeIssues', () => {
  it.each([
    [[], '$', 'events list'],
    [{}, '$.events', 'Missing required field'],
    [{ events: [{ xdm: {} }, { xdm: {} }] }, '$.events', 'exactly one event'],
    [{ events: [{ data: {} }] }, '$.events[0].xdm', 'Missing required field'],
  ])('refuses %o', (body, name, reason) => {
    const [issue] = envelopeIssues(body, true);
    expect(issue.name).toBe(name);
    expect(issue.reason).toContain(reason);
  });

  it('lets /v1/interact carry several events', () => {
    expect(envelopeIssues({ events: [{ xdm: {} }, { xdm: {} }] }, false)).toEqual([]);
  });
});

describe('downloadedIssues', () => {
  const session = [start(), ev('play', 1, 0), ev('stateStart', 2, 1), ev('sessionEnd', 3, 2)];
  const body = () =>
    copy(renderDownloadedRequest(session, { datastreamId: 'ds', identityMap: { FPID: [{ id: 'x' }] } }).body);

  it('accepts our downloaded body', () => {
    expect(downloadedIssues(body())).toEqual([]);
  });

  it.each([
    ['no identityMap', ['identityMap', undefined], '$.events[0].xdm.identityMap Missing required field'],
    [
      'a session id inside',
      ['mediaDownloadedEvents.1.mediaCollection.sessionID', SID],
      '$.events[0].xdm.mediaDownloadedEvents[1].mediaCollection.sessionID Unknown field',
    ],
    [
      'a play first',
      ['mediaDownloadedEvents.0.mediaEventType', 'media.play'],
      '$.events[0].xdm.mediaDownloadedEvents[0].mediaEventType A downloaded session should begin with media.sessionStart',
    ],
    [
      'an unknown event type',
      ['mediaDownloadedEvents.1.mediaEventType', 'media.seek'],
      '$.events[0].xdm.mediaDownloadedEvents[1].mediaEventType Value should be a media event type',
    ],
    [
      'no events',
      ['mediaDownloadedEvents', []],
      '$.events[0].xdm.mediaDownloadedEvents Field should have at least 1 item(s)',
    ],
  ] as const)('refuses %s', (_label, [path, value], expected) => {
    const request = body();
    edit(request.events[0].xdm, path, value);
    expect(downloadedIssues(request).map((i) => `${i.name} ${i.reason}`)[0]).toContain(expected);
  });
});
