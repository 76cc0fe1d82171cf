// The fixed peer timeline (demo/peer-timeline.ts) in the transport-neutral Media Collection form the
// tracker's core produces, with the params and QoE the core would give each event.
import { PEER_CONTENT, type PeerStep } from '../../demo/peer-timeline';
import type { McEvent } from '../../src/mc/types';

export function peerMcEvent(step: PeerStep, ts: number): McEvent {
  const playerTime = { playhead: step.playhead, ts };
  switch (step.type) {
    case 'sessionStart':
      return {
        eventType: 'sessionStart',
        playerTime,
        params: {
          'analytics.trackingServer': 'peer.sc.omtrdc.net',
          'analytics.reportSuite': 'peer-rsid',
          'visitor.marketingCloudOrgId': 'PEER@AdobeOrg',
          'media.id': PEER_CONTENT.id,
          'media.name': PEER_CONTENT.name,
          'media.length': PEER_CONTENT.length,
          'media.contentType': PEER_CONTENT.contentType,
          'media.playerName': PEER_CONTENT.playerName,
          'media.channel': PEER_CONTENT.channel,
        },
        customMetadata: { ...PEER_CONTENT.metadata },
      };
    case 'adBreakStart':
      return {
        eventType: 'adBreakStart',
        playerTime,
        params: {
          'media.ad.podIndex': step.index,
          'media.ad.podSecond': step.offset,
          'media.ad.podFriendlyName': step.name,
        },
      };
    case 'adStart':
      return {
        eventType: 'adStart',
        playerTime,
        params: {
          'media.ad.id': step.id,
          'media.ad.name': step.name,
          'media.ad.length': step.length,
          'media.ad.podPosition': step.position,
          'media.ad.playerName': PEER_CONTENT.playerName,
        },
      };
    case 'play':
      return step.timeToStartMs === undefined
        ? { eventType: 'play', playerTime }
        : { eventType: 'play', playerTime, qoeData: { 'media.qoe.timeToStart': step.timeToStartMs } };
    default:
      return { eventType: step.type, playerTime };
  }
}
