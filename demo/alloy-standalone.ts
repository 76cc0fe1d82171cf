// Adobe's Web SDK (@adobe/alloy's prebuilt dist from npm) installed the way Adobe's base code installs it:
// a global `alloy` that queues commands until the SDK has loaded, then configured. The harness loads
// it (`alloy=<edge host>`) so the plugin's `identity: 'auto'` finds a real Web SDK on the page
// (e2e/identity.spec.ts; docs/identity.md#web-sdk).
import alloyUrl from '../node_modules/@adobe/alloy/dist/alloy.js?url';

type Alloy = ((command: string, options?: unknown) => Promise<unknown>) & { q?: unknown[] };

export function installAlloy(edgeDomain: string, orgId: string): void {
  const w = window as unknown as { alloy?: Alloy; __alloyNS?: string[] };
  const queue: unknown[] = [];
  const alloy: Alloy = (...args) => new Promise((resolve, reject) => queue.push([resolve, reject, args]));
  alloy.q = queue;
  w.__alloyNS = [...(w.__alloyNS ?? []), 'alloy'];
  w.alloy = alloy;
  void alloy('configure', {
    datastreamId: 'identity-datastream',
    orgId,
    edgeDomain,
    // The emulator plays one Edge host only; demdex (third-party identity) stays out of the run.
    thirdPartyCookiesEnabled: false,
    clickCollectionEnabled: false,
  });
  const script = document.createElement('script');
  script.src = alloyUrl;
  document.head.append(script);
}
