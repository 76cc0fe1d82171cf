// Vite plugin: serves demo media through `/slow/<file>?stallAfter=BYTES&stallMs=MS&kbps=N` so tests can
// provoke rebuffering deterministically (throttling the whole page would slow Vite's own modules too).
// - stallAfter/stallMs: once per response, stop sending at byte offset `stallAfter` of the file for
//   `stallMs`, then carry on. Only a response whose range contains that offset stalls.
// - kbps: pace the body at N KiB/s (0 or absent = as fast as possible).
// Range requests are honoured (206 + Content-Range), because media elements seek and resume with them.
// Files in subfolders are served too (`/slow/vod/low02.m2ts?stallAfter=0&stallMs=8000` holds one HLS
// segment back: demo/public/media/vod/stall.m3u8), never anything outside the media folder.
// content.webm runs at ~12 KB/s, and browsers play only complete 32 KiB blocks: the measured values that
// stall both Chromium and Firefox mid-playback are in e2e/support/stall.ts.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Connect, Plugin } from 'vite';

const CHUNK = 4096;
const TYPES: Record<string, string> = {
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt',
  '.m2ts': 'video/mp2t',
};

interface SlowOptions {
  stallAfter: number;
  stallMs: number;
  kbps: number;
}

function readOptions(params: URLSearchParams): SlowOptions {
  const num = (name: string, fallback: number) => {
    const v = Number(params.get(name) ?? Number.NaN);
    return Number.isFinite(v) && v >= 0 ? v : fallback;
  };
  return { stallAfter: num('stallAfter', -1), stallMs: num('stallMs', 0), kbps: num('kbps', 0) };
}

/** Parses a single `bytes=a-b` / `bytes=a-` / `bytes=-n` range; null = whole file, 'bad' = unsatisfiable. */
function parseRange(header: string | undefined, size: number): [number, number] | null | 'bad' {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!m || (!m[1] && !m[2])) return null;
  let start: number;
  let end: number;
  if (!m[1]) {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
  }
  return start > end || start >= size ? 'bad' : [start, end];
}

async function serve(dir: string, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  // Resolved inside the media folder, or not served at all.
  const file = path.resolve(dir, `.${path.posix.normalize(decodeURIComponent(url.pathname))}`);
  const inside = file.startsWith(path.resolve(dir) + path.sep);
  const data = inside ? await readFile(file).catch(() => null) : null;
  if (!data) {
    res.writeHead(404).end(); // not Vite's HTML fallback: a typo in a test's media name should fail loudly
    return;
  }

  const size = data.length;
  const range = parseRange(req.headers.range, size);
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Cache-Control', 'no-store'); // every play must go through the stall again
  if (range === 'bad') {
    res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
    return;
  }
  const [start, end] = range ?? [0, size - 1];
  res.statusCode = range ? 206 : 200;
  if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
  res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
  res.setHeader('Content-Length', String(end - start + 1));
  if (req.method === 'HEAD') {
    res.end();
    return;
  }

  const { stallAfter, stallMs, kbps } = readOptions(url.searchParams);
  if (process.env.SLOW_MEDIA_DEBUG)
    console.log(`[slow-media] ${req.url} range ${start}-${end} at ${Date.now()}`);
  let stallPending = stallAfter >= start && stallAfter <= end && stallMs > 0;
  let pos = start;
  let timer: NodeJS.Timeout | undefined;
  res.on('close', () => clearTimeout(timer)); // done, or the browser aborted (seek, new source): stop sending

  const tick = () => {
    if (res.destroyed) return;
    if (pos > end) {
      res.end();
      return;
    }
    if (stallPending && pos === stallAfter) {
      stallPending = false;
      if (process.env.SLOW_MEDIA_DEBUG)
        console.log(`[slow-media] stall at ${pos} for ${stallMs} ms, ${Date.now()}`);
      timer = setTimeout(tick, stallMs);
      return;
    }
    // Never write past the stall point, so the browser has exactly `stallAfter` bytes when it stalls.
    const limit = stallPending ? stallAfter : end + 1;
    const n = Math.min(CHUNK, limit - pos);
    res.write(data.subarray(pos, pos + n));
    pos += n;
    timer = setTimeout(tick, kbps > 0 ? (n / 1024 / kbps) * 1000 : 0);
  };
  tick();
}

/** `dir` is the folder whose files `/slow/<file>` serves (demo/public/media). */
export function slowMedia(dir: string): Plugin {
  const handler: Connect.NextHandleFunction = (req, res, next) => {
    serve(dir, req, res).catch(next);
  };
  return {
    name: 'demo-slow-media',
    configureServer(server) {
      server.middlewares.use('/slow', handler);
    },
    configurePreviewServer(server) {
      server.middlewares.use('/slow', handler);
    },
  };
}
