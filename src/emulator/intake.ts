// The first step of every API request, both APIs: count it, apply the injected latency and connection
// faults, read the body. What comes out is the body (with the fault whose status is still to answer),
// or nothing when the connection was refused or the client gave up.
import type { IncomingMessage } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { ApiRoute, Fault, Faults } from './faults.ts';
import { readBody } from './http-io.ts';
import type { Store } from './store.ts';

/** What an API request brings after faults had their say: its body, or nothing (refused / abandoned). */
export type Intake =
  | { gone: false; text: string; fault?: Fault }
  | { gone: true; status: 'refused' | 'abandoned' };

/** Counts the request, applies latency and connection faults, reads the body. Shared by both APIs. */
export async function intake(
  { faults, store }: { faults: Faults; store: Store },
  route: ApiRoute,
  req: IncomingMessage,
  path: string,
  clientGone: () => boolean,
): Promise<Intake> {
  store.countRequest();
  const fault = faults.take(route);
  if (fault?.latencyMs) await delay(fault.latencyMs);
  // Injected latency is the network's: a client that gave up meanwhile (a closed tab, a timeout)
  // never reached the collector, so nothing is recorded. Keeps "closed mid-request" tests exact.
  if (fault?.latencyMs && (clientGone() || req.socket.destroyed)) {
    store.faulted({ path, status: 'abandoned', faultId: fault.id });
    return { gone: true, status: 'abandoned' };
  }
  if (fault?.refuse) {
    store.faulted({ path, status: 'refused', faultId: fault.id });
    req.socket.destroy();
    return { gone: true, status: 'refused' };
  }
  return { gone: false, text: await readBody(req), ...(fault ? { fault } : {}) };
}
