// Where the visitor's ECID comes from (docs/identity.md#where-the-ecid-comes-from): Adobe's Visitor API,
// else the Web SDK, else a function of the site's. Every call into site code is guarded: whatever those
// APIs do (missing methods, throwing getters, callbacks never called, rejections), this module only
// returns undefined or a promise, and that promise rejects with nothing but an Error.

/** `'auto'` (default): Visitor API, else Web SDK, else none. A function: the site's own lookup. */
export type IdentityOption = 'auto' | false | (() => Promise<string | undefined> | string | undefined);

/** The page's globals, typed loosely on purpose: nothing found there is trusted. */
type Globals = Record<string, unknown>;
type Call = (...args: unknown[]) => unknown;

const text = (id: unknown): string | undefined => (typeof id === 'string' && id !== '' ? id : undefined);

/**
 * Visitor API (https://experienceleague.adobe.com/en/docs/id-service/using/id-service-api/methods/getmcvid):
 * `getMarketingCloudVisitorID(callback, true)` calls back with the ECID, or '' when it has none; its
 * return value is the ECID already, when it is known.
 */
const fromVisitor = (Visitor: { getInstance: Call }, orgId: string) =>
  new Promise<string | undefined>((resolve) => {
    const visitor = Visitor.getInstance(orgId) as { getMarketingCloudVisitorID: Call };
    const known = text(visitor.getMarketingCloudVisitorID((id: unknown) => resolve(text(id)), true));
    if (known) resolve(known);
  });

/**
 * Web SDK (https://experienceleague.adobe.com/en/docs/experience-platform/web-sdk/commands/getidentity):
 * `alloy('getIdentity', { namespaces: ['ECID'] })` resolves with `{ identity: { ECID } }`. The instance
 * is the first name Adobe's base code listed in `__alloyNS`, `alloy` by default.
 */
const fromAlloy = async (alloy: Call) =>
  text(
    ((await alloy('getIdentity', { namespaces: ['ECID'] })) as { identity?: { ECID?: unknown } })?.identity
      ?.ECID,
  );

/**
 * Starts a lookup of the visitor's ECID, or returns undefined when there is nothing to ask (option
 * `false`, or `'auto'` on a page with neither Adobe API yet). The promise resolves with the ECID, or
 * undefined when the API answered without one, and rejects with an Error when the API failed.
 */
export function lookUpIdentity(
  option: IdentityOption,
  orgId: string,
  page = globalThis as unknown as Globals,
): Promise<string | undefined> | undefined {
  let found: Promise<string | undefined> | undefined;
  try {
    if (typeof option === 'function') found = Promise.resolve(option()).then(text);
    else if (option === 'auto') {
      const Visitor = page.Visitor as { getInstance?: Call } | undefined;
      const names = page.__alloyNS;
      const alloy = page[Array.isArray(names) && typeof names[0] === 'string' ? names[0] : 'alloy'];
      if (typeof Visitor?.getInstance === 'function')
        found = fromVisitor(Visitor as { getInstance: Call }, orgId);
      else if (typeof alloy === 'function') found = fromAlloy(alloy as Call);
    }
  } catch (error) {
    found = Promise.reject(error); // a throwing getter among the page's globals
  }
  return found?.catch((error: unknown) => {
    throw error instanceof Error ? error : new Error(String(error));
  });
}
