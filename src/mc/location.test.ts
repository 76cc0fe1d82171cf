import { describe, expect, it } from 'vitest';
import { parseSessionId } from './location.ts';

const SID = 'bfcca2ca597a3c71bc03b4ce357833ad02b3570d262ecd0c595fcf8f2ae4df58';
const ENDPOINT = 'https://ns.hb-api.omtrdc.net';

describe('parseSessionId', () => {
  it.each([
    ['relative path (Adobe)', `/api/v1/sessions/${SID}`, ENDPOINT, SID],
    ['absolute URL, same host', `${ENDPOINT}/api/v1/sessions/${SID}`, ENDPOINT, SID],
    ['absolute URL, other host', `https://other.example:8443/api/v1/sessions/${SID}`, ENDPOINT, SID],
    ['trailing slash', `/api/v1/sessions/${SID}/`, ENDPOINT, SID],
    ['query string', `/api/v1/sessions/${SID}?x=1`, ENDPOINT, SID],
    ['query string and fragment on absolute URL', `${ENDPOINT}/api/v1/sessions/abc/?x=1#f`, ENDPOINT, 'abc'],
    ['surrounding whitespace', `  /api/v1/sessions/abc  `, ENDPOINT, 'abc'],
    ['percent-encoded sid is decoded', '/api/v1/sessions/a%20b', ENDPOINT, 'a b'],
    ['endpoint path prefix (reverse proxy)', '/mc/api/v1/sessions/abc', 'https://proxy.example/mc/', 'abc'],
    ['no prefix while endpoint has one', '/api/v1/sessions/abc', 'https://proxy.example/mc', 'abc'],
    ['http localhost emulator', 'http://127.0.0.1:5173/api/v1/sessions/abc', 'http://localhost:5173', 'abc'],
  ])('%s', (_name, location, endpoint, expected) => {
    expect(parseSessionId(location, endpoint)).toBe(expected);
  });

  it.each([
    ['null header', null],
    ['empty header', ''],
    ['blank header', '   '],
    ['sessions collection without sid', '/api/v1/sessions'],
    ['sessions collection with slash', '/api/v1/sessions/'],
    ['events path', `/api/v1/sessions/${SID}/events`],
    ['other API version', `/api/v2/sessions/${SID}`],
    ['unrelated path', '/index.html'],
    ['unknown path prefix', `/other/api/v1/sessions/${SID}`],
    ['malformed escape', '/api/v1/sessions/%E0%A4%A'],
    ['not a URL at all', 'http://['],
  ])('%s → undefined', (_name, location) => {
    expect(parseSessionId(location, ENDPOINT)).toBeUndefined();
  });

  it('still parses a relative Location when the endpoint itself is not a URL', () => {
    expect(parseSessionId('/api/v1/sessions/abc', 'not a url')).toBe('abc');
  });
});
