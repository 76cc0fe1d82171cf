// Adobe's Web SDK (@adobe/alloy, its prebuilt dist from npm) configured for streaming media, driving the
// fixed timeline of demo/peer-timeline.ts with createMediaSession + sendMediaEvent (manual mode: the page
// gives every playhead and sends the ping itself). The XDM below is written the way Adobe's Web SDK pages
// tell an integrator to write it; alloy adds the rest. e2e/edge-alloy.spec.ts points `edgeDomain` at the
// emulator over TLS and compares what arrives with this project's own rendering.
//   edge=<host>        edgeDomain (a bare host: alloy always calls https://<host>/ee/…)
//   org=<org id>       IMS org; must be the emulator's (EDGE_ORG_ID) for alloy to find its identity cookie
//   datastream=<id>    datastream id, sent as configId
import alloyUrl from '../node_modules/@adobe/alloy/dist/alloy.js?url';
import { PEER_CONTENT, PEER_TIMELINE, type PeerStep } from './peer-timeline';

type Alloy = (command: string, options?: unknown) => Promise<Record<string, unknown>>;

declare global {
  interface Window {
    __alloyNS?: string[];
    alloy?: Alloy & { q?: unknown[] };
    /** Runs the whole timeline; resolves with the session id and what alloy refused, if anything. */
    runAlloyTimeline?: () => Promise<{ sessionId: string; failures: string[] }>;
  }
}

const query = new URLSearchParams(location.search);

/** The queue the prebuilt SDK drains when it loads (the contract of Adobe's base code, written anew). */
function installQueue(name: string): Alloy {
  const queue: unknown[] = [];
  const call = ((...args: unknown[]) =>
    new Promise((resolve, reject) => queue.push([resolve, reject, args]))) as Alloy & { q?: unknown[] };
  call.q = queue;
  window.__alloyNS = [...(window.__alloyNS ?? []), name];
  window.alloy = call;
  return call;
}

function loadSdk(): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = alloyUrl;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`cannot load ${alloyUrl}`));
    document.head.append(script);
  });
}

/** `xdm` of one sendMediaEvent, with the field names of Adobe's Media Edge documentation. */
function xdmFor(step: Exclude<PeerStep, { type: 'sessionStart' }>, sessionID: string) {
  const base = { sessionID, playhead: step.playhead };
  const eventType = `media.${step.type}`;
  switch (step.type) {
    case 'adBreakStart':
      return {
        eventType,
        mediaCollection: {
          ...base,
          advertisingPodDetails: { friendlyName: step.name, index: step.index, offset: step.offset },
        },
      };
    case 'adStart':
      // playerName left out: alloy fills it from streamingMedia.playerName.
      return {
        eventType,
        mediaCollection: {
          ...base,
          advertisingDetails: {
            name: step.id,
            friendlyName: step.name,
            length: step.length,
            podPosition: step.position,
          },
        },
      };
    case 'play':
      return {
        eventType,
        mediaCollection: step.timeToStartMs
          ? { ...base, qoeDataDetails: { timeToStart: step.timeToStartMs } }
          : base,
      };
    default:
      return { eventType, mediaCollection: base };
  }
}

async function run(alloy: Alloy): Promise<{ sessionId: string; failures: string[] }> {
  const failures: string[] = [];
  const [start, ...rest] = PEER_TIMELINE;
  const session = await alloy('createMediaSession', {
    xdm: {
      mediaCollection: {
        playhead: start.playhead,
        // playerName and channel left out: alloy fills them from its streamingMedia config.
        sessionDetails: {
          name: PEER_CONTENT.id,
          friendlyName: PEER_CONTENT.name,
          length: PEER_CONTENT.length,
          contentType: PEER_CONTENT.contentType,
        },
        customMetadata: Object.entries(PEER_CONTENT.metadata).map(([name, value]) => ({ name, value })),
      },
    },
  });
  const sessionId = String(session.sessionId ?? '');
  for (const step of rest) {
    if (step.type === 'sessionStart') continue;
    // One at a time, as a player would: each event's timestamp is taken when alloy creates it.
    await alloy('sendMediaEvent', { xdm: xdmFor(step, sessionId) }).catch((error: Error) => {
      failures.push(`${step.type}: ${error.message}`);
    });
  }
  return { sessionId, failures };
}

const alloy = installQueue('alloy');
// Queued now, run by the SDK once it has loaded (it drains the queue in order).
const configured = alloy('configure', {
  datastreamId: query.get('datastream') ?? 'peer-datastream',
  orgId: query.get('org') ?? '',
  edgeDomain: query.get('edge') ?? 'edge.example.test',
  // The emulator plays edge.example.test only; demdex (third-party identity) stays out of the run.
  thirdPartyCookiesEnabled: false,
  clickCollectionEnabled: false,
  streamingMedia: { channel: PEER_CONTENT.channel, playerName: PEER_CONTENT.playerName },
});
window.runAlloyTimeline = () => configured.then(() => run(alloy));
const status = document.getElementById('status')!;
await loadSdk();
await configured.then(
  () => {
    status.textContent = 'Adobe Web SDK ready';
  },
  (error: Error) => {
    status.textContent = `Adobe Web SDK configure failed: ${error.message}`;
  },
);
