// What demo/harness.ts puts on `window`, typed for the page and for e2e `page.evaluate` callbacks.
import type videojs from 'video.js';

declare global {
  interface Window {
    player: ReturnType<typeof videojs>;
    /** Whatever `player.mediaCollection()` returned; undefined with `noplugin=1` or after an init error. */
    tracker: unknown;
    videojs: typeof videojs;
    /** The second player and its tracker with `players=2`. */
    player2?: ReturnType<typeof videojs>;
    tracker2?: unknown;
    /** The ad stack's controls when the harness runs one (`ads=contrib|ima`). */
    ads?: { skip(): void };
    /** The message `mediaCollection()` threw, if it threw. */
    __initError?: string;
    /** Installed by installVisibilityOverride() in e2e/support/player.ts. */
    __setVisibility?: (state: DocumentVisibilityState) => void;
  }
}
