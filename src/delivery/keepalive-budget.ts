// Fetch spec (docs/browsers.md#keepalive-and-sendbeacon): a keepalive request fails when its body plus the
// bodies of every keepalive request still in flight exceed 64 KiB. This ledger keeps our own requests under
// it.

export interface KeepaliveBudget {
  /** Books `bytes` if they fit and says whether they did. */
  reserve(bytes: number): boolean;
  release(bytes: number): void;
}

export const KEEPALIVE_BUDGET_BYTES = 65_536;

export function createKeepaliveBudget(limit = KEEPALIVE_BUDGET_BYTES): KeepaliveBudget {
  let inFlight = 0;
  return {
    reserve(bytes) {
      if (inFlight + bytes > limit) return false;
      inFlight += bytes;
      return true;
    },
    release(bytes) {
      inFlight = Math.max(0, inFlight - bytes);
    },
  };
}

const encoder = new TextEncoder();

/** The budget counts body bytes on the wire (UTF-8), not string length. */
export const byteLength = (body: string): number => encoder.encode(body).byteLength;
