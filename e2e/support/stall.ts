// Stall parameters for content.webm through demo/slow-media.ts, measured in both browsers
// (Chromium 156, Firefox ESR 153; 8+ runs each, spread under 0.1 s). waitForStall() in player.ts measures it.
//
// Both browsers cache media in 32 KiB blocks and use only complete blocks, so the data they can play ends at
// floor(stallAfter / 32768) × 32768 bytes; stallAfter=65536 and 81920 behave the same. At content.webm's
// ~12 KB/s, byte 65536 is about 4.6 s of content. Firefox stops about 2.5 s short of that (it starts
// buffering once the download stalls with < ~2.5 s ahead) and will not start playing with less than ~4 s of
// content loaded, so 65536 is the smallest value that stalls Firefox *during* playback.
//
// The stall is wall-clock: it starts when the download reaches the offset (~20 ms after the page asks for
// the file, as preload=auto loads at once), not when the playhead gets there. So the freeze lasts about
// stallMs − (page load → playhead at the freeze point):
//   Chromium: freezes at 4.4 s of content for ~3.45 s;
//   Firefox:  freezes at 2.0 s of content for ~5.8 s.
// With this media both fired `waiting` at the freeze start (3 runs each), but the reference saw Firefox
// freeze without it (readyState 4), so don't make a spec depend on `waiting` in Firefox.
// Playback resumes ~8 s after the page loaded, in both.
export const CONTENT_STALL = {
  stallAfter: 65_536,
  stallMs: 8_000,
  /** The harness `slow` parameter. */
  query: 'stallAfter=65536&stallMs=8000',
  /** No browser freezes later than this (seconds of content). */
  latestFreezeAt: 6,
} as const;
