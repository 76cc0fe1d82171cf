import { describe, expect, it } from 'vitest';
import { diffShapes, requestShape } from './edge-shape.ts';

const play = {
  events: [
    {
      xdm: {
        eventType: 'media.play',
        timestamp: 't',
        mediaCollection: { sessionID: 's', playhead: 1, qoeDataDetails: {} },
      },
    },
  ],
};

describe('requestShape', () => {
  it.each([
    ['/ee/va/v1/play?configId=a', '/ee/va/v1/play'],
    ['/ee/va6/va/v1/play?configId=a&requestId=b', '/ee/{hint}/va/v1/play'],
    ['/ee/v1/interact?configId=a', '/ee/v1/interact'],
    ['/ee/or2/v1/interact', '/ee/{hint}/v1/interact'],
  ])('templates the location hint of %s', (path, template) => {
    expect(requestShape(path, play).path).toBe(template);
  });

  it('lists query names, the event type and every leaf path, arrays as [], empty objects as {}', () => {
    const body = {
      ...play,
      meta: {
        state: {
          entries: [
            { key: 'k', value: 'v' },
            { key: 'l', value: 'w' },
          ],
        },
        tags: [],
      },
    };
    expect(requestShape('/ee/va/v1/play?requestId=2&configId=1', body)).toEqual({
      path: '/ee/va/v1/play',
      query: ['configId', 'requestId'],
      eventType: 'media.play',
      fields: [
        'events[].xdm.eventType',
        'events[].xdm.mediaCollection.playhead',
        'events[].xdm.mediaCollection.qoeDataDetails{}',
        'events[].xdm.mediaCollection.sessionID',
        'events[].xdm.timestamp',
        'meta.state.entries[].key',
        'meta.state.entries[].value',
        'meta.tags[]',
      ],
    });
  });

  it('takes the media event of a multi-event /v1/interact body', () => {
    const body = {
      events: [
        { xdm: { eventType: 'web.webpagedetails.pageViews' } },
        { xdm: { eventType: 'media.sessionStart' } },
      ],
    };
    expect(requestShape('/ee/v1/interact', body).eventType).toBe('media.sessionStart');
  });
});

describe('diffShapes', () => {
  const ours = [requestShape('/ee/va/v1/play?configId=a', play)];
  const theirs = [
    requestShape('/ee/x1/va/v1/play?configId=a&requestId=r', { ...play, meta: { queueTimeMillis: 0 } }),
  ];

  it('reports each difference as a line, and explains those the allow-list covers', () => {
    const diff = diffShapes(ours, theirs, [
      { pattern: /query only in theirs: requestId$/, why: 'alloy’s own request id' },
    ]);
    expect(diff.explained).toEqual([
      { difference: 'step 1 media.play: query only in theirs: requestId', why: 'alloy’s own request id' },
    ]);
    expect(diff.unexplained).toEqual([
      'step 1 media.play: path ours /ee/va/v1/play, theirs /ee/{hint}/va/v1/play',
      'step 1 media.play: field only in theirs: meta.queueTimeMillis',
    ]);
  });

  it('reports a different number of requests and a different event type', () => {
    const pause = requestShape('/ee/va/v1/play', { events: [{ xdm: { eventType: 'media.pauseStart' } }] });
    expect(diffShapes([...ours, ...ours], [pause], []).unexplained).toEqual(
      expect.arrayContaining([
        'request count: ours 2, theirs 1',
        'step 1 media.pauseStart: eventType ours media.play, theirs media.pauseStart',
      ]),
    );
  });

  it('finds nothing between identical shapes', () => {
    expect(diffShapes(ours, ours, [])).toEqual({ explained: [], unexplained: [] });
  });
});
