// Reading ad SDKs and players that may lack a method or throw from one: nothing they do may throw into
// the player (docs/contributing.md#code-style).

/** Calls a method of `target` if it has one; undefined when it is missing or throws. */
export function call(target: unknown, method: string): unknown {
  try {
    const fn = (target as Record<string, unknown> | null | undefined)?.[method];
    return typeof fn === 'function' ? fn.call(target) : undefined;
  } catch {
    return undefined;
  }
}
