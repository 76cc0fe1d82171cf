import type { IdentityOption } from './resolve';

/**
 * Whether there is anyone to ask for the ECID (docs/identity.md#where-the-ecid-comes-from): the site's
 * function, or with `'auto'` Adobe's Visitor API or a Web SDK instance on the page. Kept apart from the
 * lookup itself, which loads as a chunk of its own only on pages where this is true. A global whose
 * getter throws counts as there: the lookup then fails, guarded, and says so.
 */
export function identityPresent(
  option: IdentityOption,
  page = globalThis as unknown as Record<string, unknown>,
): boolean {
  if (typeof option === 'function') return true;
  if (option !== 'auto') return false;
  try {
    const names = page.__alloyNS;
    const alloy = page[Array.isArray(names) && typeof names[0] === 'string' ? names[0] : 'alloy'];
    return (
      typeof (page.Visitor as { getInstance?: unknown } | undefined)?.getInstance === 'function' ||
      typeof alloy === 'function'
    );
  } catch {
    return true;
  }
}
