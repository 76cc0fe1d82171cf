// What the bench's init scripts (support/init-*.ts) put on `window`, typed for page.evaluate callbacks.
export {};

declare global {
  interface BenchLongFrame {
    start: number;
    duration: number;
    blockingDuration: number;
    /** Script entries (≥ 5 ms each) with their source URL, as Chromium attributes them. */
    scripts: { sourceURL: string; duration: number; invoker: string }[];
  }

  interface BenchLedgerCounts {
    timers: { all: number; plugin: number };
    listeners: { all: number; plugin: number };
    playerHandlers: { all: number; plugin: number };
    /** `Target:type` of the listeners and handlers the plugin still holds. */
    pluginHeld: string[];
  }

  interface Window {
    /** init-observers.ts: long tasks and long animation frames since load. */
    __longTasks?: { start: number; duration: number }[];
    __longFrames?: BenchLongFrame[];
    /** init-clock-media.ts: the media timeline that follows the page clock. */
    __clockMedia?: { running: boolean; anchorPos: number; anchorAt: number };
    /** init-clock-media.ts: while true, media `timeupdate` events never reach the page's listeners. */
    __gateTimeupdate?: boolean;
    /** init-ledger.ts: live timers and listeners, split by whether the plugin's code made them. */
    __ledger?: {
      counts(): BenchLedgerCounts;
      watchEmitter(target: object): void;
    };
  }
}
