// Vite plugin: a local HLS live stream with a DVR window, for the demo and e2e/live.spec.ts.
//   /live/<epoch>/index.m3u8   a media playlist that slides: segment n (2 s) exists once `epoch` + (n + 1)·2 s
//                              has passed, the last WINDOW segments are listed, each with its
//                              EXT-X-PROGRAM-DATE-TIME = epoch + n·2 s. `epoch` is epoch ms (the stream's
//                              start, chosen by the page, so a test can begin with a full DVR window).
//   /live/<epoch>/<n>.ts       segment n: demo/public/media/live/liveNN.m2ts (not .ts: TypeScript would claim it), NN = n mod 10, looped
// The ten files (20 s, H.264 with a burned-in "LIVE hh:mm:ss" timecode, made by demo/media/generate.sh)
// restart their timestamps at every loop, so each loop begins with EXT-X-DISCONTINUITY, and
// EXT-X-DISCONTINUITY-SEQUENCE counts the ones that slid out. The truth a test holds playheads against is
// epoch + n·2 s + the position inside segment n.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { Connect, Plugin } from 'vite';

export const SEGMENT_MS = 2000;
const FILES = 10;
/** 30 segments: a 60 s DVR window. */
const WINDOW = 30;

/** The playlist at wall time `now` for a stream that began at `epoch`. */
export function livePlaylist(epoch: number, now: number): string {
  const last = Math.floor((now - epoch) / SEGMENT_MS) - 1;
  const first = Math.max(0, last - WINDOW + 1);
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${SEGMENT_MS / 1000}`,
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${Math.floor(first / FILES)}`,
  ];
  for (let n = first; n <= last; n++) {
    if (n > first && n % FILES === 0) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(epoch + n * SEGMENT_MS).toISOString()}`);
    lines.push(`#EXTINF:${(SEGMENT_MS / 1000).toFixed(3)},`, `${n}.ts`);
  }
  return `${lines.join('\n')}\n`;
}

/** `/live/<epoch>/index.m3u8` and its segments; anything else goes to `next`. */
async function serveLive(
  mediaDir: string,
  req: Connect.IncomingMessage,
  res: ServerResponse,
  next: Connect.NextFunction,
): Promise<void> {
  const m = /^\/live\/(\d+)\/(index\.m3u8|(\d+)\.ts)(\?.*)?$/.exec(req.url ?? '');
  if (!m) return next();
  const epoch = Number(m[1]);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Access-Control-Allow-Origin', '*');
  if (m[2] === 'index.m3u8') {
    res.setHeader('Content-Type', 'application/vnd.apple.mpegurl');
    res.end(livePlaylist(epoch, Date.now()));
    return;
  }
  const n = Number(m[3]);
  if (epoch + (n + 1) * SEGMENT_MS > Date.now()) {
    res.statusCode = 404; // not produced yet
    res.end();
    return;
  }
  const file = `live${String(n % FILES).padStart(2, '0')}.m2ts`;
  res.setHeader('Content-Type', 'video/mp2t');
  res.end(await readFile(path.join(mediaDir, 'live', file)));
}

/** The live stream on the dev server (`npm run demo`) and on the built demo's preview server alike. */
export function liveStream(mediaDir: string): Plugin {
  const handler: Connect.NextHandleFunction = (req, res, next) => {
    serveLive(mediaDir, req, res, next).catch(next);
  };
  return {
    name: 'demo-live-stream',
    configureServer(server) {
      server.middlewares.use(handler);
    },
    configurePreviewServer(server) {
      server.middlewares.use(handler);
    },
  };
}
