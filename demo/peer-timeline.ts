// One fixed media timeline, described once and sent two ways: through Adobe's Web SDK (demo/alloy-peer.ts)
// and through this project's Media Edge renderer (e2e/edge-alloy.spec.ts), so their requests can be
// compared field by field. Playheads are fixed; only the clocks differ.

export const PEER_CONTENT = {
  id: 'peer-movie',
  name: 'Peer movie',
  length: 120,
  contentType: 'vod',
  channel: 'peer-channel',
  playerName: 'peer-player',
  metadata: { show: 'peer-show' },
} as const;

export type PeerStep =
  | { type: 'sessionStart'; playhead: number }
  | { type: 'adBreakStart'; playhead: number; index: number; offset: number; name: string }
  | { type: 'adStart'; playhead: number; id: string; name: string; length: number; position: number }
  | { type: 'play'; playhead: number; timeToStartMs?: number }
  | { type: 'adComplete' | 'adBreakComplete' | 'ping' | 'pauseStart' | 'sessionComplete'; playhead: number };

/** Pre-roll, content, pause, play, mid-roll, complete (no play after the mid-roll: content was playing). */
export const PEER_TIMELINE: readonly PeerStep[] = [
  { type: 'sessionStart', playhead: 0 },
  { type: 'adBreakStart', playhead: 0, index: 1, offset: 0, name: 'preroll' },
  { type: 'adStart', playhead: 0, id: 'ad-1', name: 'First ad', length: 15, position: 1 },
  { type: 'adComplete', playhead: 0 },
  { type: 'adBreakComplete', playhead: 0 },
  { type: 'play', playhead: 0, timeToStartMs: 1200 },
  { type: 'ping', playhead: 10 },
  { type: 'pauseStart', playhead: 12 },
  { type: 'play', playhead: 12 },
  { type: 'adBreakStart', playhead: 30, index: 2, offset: 30, name: 'midroll' },
  { type: 'adStart', playhead: 30, id: 'ad-2', name: 'Second ad', length: 10, position: 1 },
  { type: 'adComplete', playhead: 30 },
  { type: 'adBreakComplete', playhead: 30 },
  { type: 'sessionComplete', playhead: 120 },
];
