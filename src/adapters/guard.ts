// Reading ad SDKs and players that may lack a method or throw from one: nothing they do may throw into
// the player, nor end tracking unsaid (docs/contributing.md#code-style).
import { catchError, EMPTY, type MonoTypeOperatorFunction } from 'rxjs';

/** Calls a method of `target` if it has one; undefined when it is missing or throws. */
export function call(target: unknown, method: string): unknown {
  try {
    const fn = (target as Record<string, unknown> | null | undefined)?.[method];
    return typeof fn === 'function' ? fn.call(target) : undefined;
  } catch {
    return undefined;
  }
}

/** Ends a signal source where it fails and tells `onError`, so the other sources go on. */
export const endOnError = <T>(onError: (error: unknown) => void): MonoTypeOperatorFunction<T> =>
  catchError((error: unknown) => {
    onError(error);
    return EMPTY;
  });
