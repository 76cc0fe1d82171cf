// The answer forms from Adobe's OpenAPI document and troubleshooting guide, and broken ones.
import { describe, expect, it } from 'vitest';
import { describeProblem, readEdgeAnswer, readProblem } from './answer.ts';

const SID = 'bfba9a5f2986d69a9a9424f6a99702562512eb244f2b65c4f1c1553e7fe9997f';
const HINTS = {
  type: 'locationHint:result',
  payload: [
    { scope: 'Target', hint: '34', ttlSeconds: 1800 },
    { scope: 'EdgeNetwork', hint: 'va6', ttlSeconds: 1800 },
  ],
};
const STORE = {
  type: 'state:store',
  payload: [{ key: 'kndctr_X_AdobeOrg_cluster', value: 'va6', maxAge: 1800 }],
};
const INVALID = {
  type: 'https://ns.adobe.com/aep/errors/va-edge-0400-400',
  status: 400,
  title: 'Invalid request',
  report: {
    eventIndex: 0,
    details: [{ name: '$.xdm.mediaCollection.sessionDetails.name', reason: 'Missing required field' }],
  },
};

describe('readEdgeAnswer', () => {
  it.each([
    [
      '200: session id and EdgeNetwork hint (not Target’s)',
      {
        requestId: 'r',
        handle: [
          { type: 'media-analytics:new-session', eventIndex: 0, payload: [{ sessionId: SID }] },
          HINTS,
          STORE,
        ],
      },
      { sessionId: SID, locationHint: { hint: 'va6', ttlSeconds: 1800 }, errors: [] },
    ],
    [
      '207 without a session: hint and the problem with its field path',
      { requestId: 'r', handle: [HINTS, STORE], errors: [INVALID] },
      {
        locationHint: { hint: 'va6', ttlSeconds: 1800 },
        errors: [
          {
            type: INVALID.type,
            status: 400,
            title: 'Invalid request',
            eventIndex: 0,
            details: [
              { name: '$.xdm.mediaCollection.sessionDetails.name', reason: 'Missing required field' },
            ],
          },
        ],
      },
    ],
    [
      '207 with a session (an upstream failed)',
      {
        handle: [{ type: 'media-analytics:new-session', payload: [{ sessionId: SID }] }],
        errors: [{ type: 't', status: 502, title: 'Upstream' }],
      },
      { sessionId: SID, errors: [{ type: 't', status: 502, title: 'Upstream' }] },
    ],
    [
      'an empty session id is no session',
      { handle: [{ type: 'media-analytics:new-session', payload: [{ sessionId: '' }] }] },
      { errors: [] },
    ],
    ['not JSON we know', 'oops', { errors: [] }],
    [
      'handle that is not a list',
      { handle: { type: 'media-analytics:new-session' }, errors: [1, null] },
      { errors: [] },
    ],
  ])('%s', (_label, body, expected) => {
    expect(readEdgeAnswer(body)).toEqual(expected);
  });
});

describe('readProblem', () => {
  it('reads a 404 whose report.details is a sentence', () => {
    const body = {
      type: 'https://ns.adobe.com/aep/errors/va-edge-0404-404',
      status: 404,
      title: 'Not Found',
      detail: 'The requested resource could not be found but may be available again in the future.',
      report: { details: 'If the session is longer than 24h, please start a new one.', requestId: 'r' },
    };
    expect(readProblem(body)).toEqual({
      type: body.type,
      status: 404,
      title: 'Not Found',
      detail: body.detail,
      details: 'If the session is longer than 24h, please start a new one.',
    });
  });

  it('reads the OpenAPI schema’s report.report list too', () => {
    expect(readProblem({ status: 400, report: { report: [{ name: '$.a', reason: 'b' }] } })?.details).toEqual(
      [{ name: '$.a', reason: 'b' }],
    );
  });

  it.each([[undefined], ['text'], [{ title: 'no status' }], [[]]])('is undefined for %o', (body) => {
    expect(readProblem(body)).toBeUndefined();
  });
});

describe('describeProblem', () => {
  it.each([
    [
      readProblem(INVALID)!,
      'Invalid request ($.xdm.mediaCollection.sessionDetails.name Missing required field)',
    ],
    [
      { type: '', status: 400, title: 'Bad Request', detail: 'Invalid request.', details: 'path mismatch' },
      'Bad Request: Invalid request. (path mismatch)',
    ],
    [{ type: '', status: 503, title: '' }, 'HTTP 503'],
  ])('%o → %s', (problem, line) => {
    expect(describeProblem(problem)).toBe(line);
  });
});
