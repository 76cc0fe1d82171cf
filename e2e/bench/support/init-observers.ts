// Init script: records long tasks and long animation frames (Chromium's LoAF carries per-script
// attribution, which is how a long frame is pinned on the plugin's code or not).
export function installLongFrameObservers(): void {
  window.__longTasks = [];
  window.__longFrames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks?.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const e = entry as PerformanceEntry & {
        blockingDuration: number;
        scripts: { sourceURL: string; duration: number; invoker: string }[];
      };
      window.__longFrames?.push({
        start: e.startTime,
        duration: e.duration,
        blockingDuration: e.blockingDuration,
        scripts: e.scripts.map((s) => ({ sourceURL: s.sourceURL, duration: s.duration, invoker: s.invoker })),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

/** A script URL that is the plugin's: its sources (served from /src/) or the rxjs it brings. */
export const isPluginScript = (url: string): boolean =>
  (/\/src\//.test(url) && !url.includes('/node_modules/')) || /\/\.vite\/deps\/rxjs/.test(url);
