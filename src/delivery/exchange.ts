import { classifyResponse, parseRetryAfter, type ResponseClass } from '../mc/response';
import type { RetryReason } from './reports';
import type { Transport, TransportRequest } from './transport';

/**
 * One request's outcome, already classified. Never a rejection (docs/contributing.md#code-style: classify at
 * the edge).
 */
export interface Answer {
  verdict: ResponseClass;
  /** 0 when no HTTP answer arrived. */
  status: number;
  location: string | null;
  retryAfterMs?: number;
  reason: RetryReason;
  message: string;
  /** The answer's body, for a protocol that reads it (the Media Edge API). */
  body?: string;
}

export async function exchange(
  transport: Transport,
  request: TransportRequest,
  now: () => number,
): Promise<Answer> {
  try {
    const response = await transport(request);
    return {
      body: response.body,
      verdict: classifyResponse(response.status),
      status: response.status,
      location: response.location,
      retryAfterMs: parseRetryAfter(response.retryAfter, now()),
      reason: 'status',
      message: response.message ?? `The collector answered HTTP ${response.status}.`,
    };
  } catch (error) {
    // A transport rejects only without an answer; anything not marked as a timeout is a network failure.
    const timeout = (error as { code?: unknown } | null)?.code === 'timeout';
    return {
      verdict: 'retry',
      status: 0,
      location: null,
      reason: timeout ? 'timeout' : 'network',
      message: messageOf(error),
    };
  }
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
