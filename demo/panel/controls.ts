// The panel's controls: cut the collector (at the server, as an outage would) and bring it back, make it
// answer the next event with 500 or 410, reload the page while events wait, switch the ad path, add a
// second player. Each says what it did in the status line, in words.
import { type CollectorClient, isOfflineFault, OFFLINE_FAULT } from './collector-client';

export interface ControlDeps {
  client: CollectorClient;
  /** Events waiting in the outbox now. */
  depth(): number;
  /** The collector's offline state changed (from a click, or read from its faults). */
  offlineChanged(offline: boolean, since: number): void;
  secondPlayer: { add(): void; remove(): void };
}

const RELOAD_KEY = 'videojs-media-collection-demo:reloaded';
// Wait for a few events to queue: at least one (content pings come every 10 s, paused or not), three if
// they come within a few seconds, and never longer than a ping interval and a half.
const RELOAD_MIN_DEPTH = 3;
const RELOAD_SOON_MS = 4_000;
const RELOAD_MAX_MS = 15_000;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startControls(deps: ControlDeps) {
  const { client } = deps;
  const status = byId<HTMLParagraphElement>('control-status');
  const offlineButton = byId<HTMLButtonElement>('offline-toggle');
  let offline = false;
  // A poll that left before the last click may answer with the old faults: it must not undo the click.
  let changedAt = 0;
  const say = (text: string) => {
    status.textContent = text;
  };
  const showOffline = (value: boolean, since: number) => {
    if (value === offline) return;
    offline = value;
    changedAt = Date.now();
    offlineButton.textContent = offline ? 'Bring the collector back online' : 'Take the collector offline';
    deps.offlineChanged(offline, since);
  };
  const attempt = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      say(done);
    } catch (error) {
      say(`The emulator did not take it: ${(error as Error).message}.`);
    }
  };

  offlineButton.addEventListener('click', () => {
    const goOffline = !offline;
    void attempt(
      async () => {
        await (goOffline ? client.addFault(OFFLINE_FAULT) : client.clearFaults());
        showOffline(goOffline, Date.now());
      },
      goOffline
        ? 'The collector now refuses every connection: events wait in the outbox and are retried with backoff.'
        : 'The collector answers again: the outbox sends what waited at its next try (up to a minute of backoff).',
    );
  });
  byId('fault-500').addEventListener('click', () => {
    void attempt(
      () => client.addFault({ status: 500, times: 1, match: 'events' }),
      'The next event gets HTTP 500: the tracker retries that same event after a short backoff, keeping the order.',
    );
  });
  byId('fault-410').addEventListener('click', () => {
    void attempt(
      () => client.addFault({ status: 410, times: 1, match: 'events' }),
      'The next event gets HTTP 410: the session is gone, so the tracker resumes on a new session and sends what was pending as one downloaded session.',
    );
  });

  const reloadButton = byId<HTMLButtonElement>('reload-queue');
  reloadButton.addEventListener('click', async () => {
    reloadButton.disabled = true;
    if (!offline) {
      await client.addFault(OFFLINE_FAULT).catch(() => undefined);
      showOffline(true, Date.now());
    }
    const started = Date.now();
    const enough = () => {
      const waited = Date.now() - started;
      const depth = deps.depth();
      return depth >= RELOAD_MIN_DEPTH || (depth > 0 && waited >= RELOAD_SOON_MS) || waited >= RELOAD_MAX_MS;
    };
    while (!enough()) {
      say(`Collector offline; letting events queue before the reload (${deps.depth()} so far)…`);
      await pause(250);
    }
    sessionStorage.setItem(RELOAD_KEY, String(deps.depth()));
    location.reload();
  });

  const second = byId<HTMLButtonElement>('second-toggle');
  second.addEventListener('click', () => {
    const adding = second.textContent === 'Add a second player';
    if (adding) deps.secondPlayer.add();
    else deps.secondPlayer.remove();
    second.textContent = adding ? 'Remove the second player' : 'Add a second player';
    say(
      adding
        ? 'Player B added below player A: press its play button for a second session.'
        : 'Player B removed: its session ended with sessionEnd.',
    );
  });

  // Ad path and API: each a query parameter, so a switch is a reload (the outbox keeps what waits).
  const reloadWith = (name: string, key: string, set: string) => {
    for (const radio of document.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) {
      radio.addEventListener('change', () => {
        const url = new URL(location.href);
        if (radio.value === set) url.searchParams.set(key, set);
        else url.searchParams.delete(key);
        location.assign(url);
      });
    }
  };
  reloadWith('ad-path', 'ads', 'manual');
  reloadWith('api', 'api', 'edge');

  const reloaded = sessionStorage.getItem(RELOAD_KEY);
  if (reloaded !== null) {
    sessionStorage.removeItem(RELOAD_KEY);
    say(
      `Reloaded with ${reloaded} event(s) in the outbox. This page adopts them from IndexedDB; bring the collector back online to see them replayed.`,
    );
  }

  return {
    /** The collector's faults as polled: the offline state after a reload, or changed elsewhere. */
    faultsSeen(faults: Awaited<ReturnType<CollectorClient['faults']>>, askedAt: number): void {
      if (askedAt <= changedAt) return;
      const cut = faults.find(isOfflineFault);
      showOffline(cut !== undefined, cut?.addedAt ?? Date.now());
    },
  };
}
