import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

const fixed = (value: number) => () => value;

describe('backoffDelay', () => {
  it.each([
    // attempt, ceiling: the delay lies in [ceiling/2, ceiling]
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [4, 8_000],
    [6, 32_000],
    [7, 60_000], // 64 s capped
    [30, 60_000],
  ])('attempt %i stays within [%i/2, %i]', (attempt, ceiling) => {
    expect(backoffDelay({ attempt, random: fixed(0) })).toBe(ceiling / 2);
    expect(backoffDelay({ attempt, random: fixed(0.5) })).toBe((ceiling * 3) / 4);
    expect(backoffDelay({ attempt, random: fixed(0.999_999) })).toBe(ceiling);
  });

  it('never returns 0, whatever the randomness', () => {
    for (let attempt = 1; attempt < 12; attempt++) {
      for (const r of [0, 0.1, 0.5, 0.9])
        expect(backoffDelay({ attempt, random: fixed(r) })).toBeGreaterThan(0);
    }
  });

  it('grows with the attempt for the same randomness and never exceeds the cap', () => {
    const delays = Array.from({ length: 10 }, (_, i) => backoffDelay({ attempt: i + 1, random: fixed(0.3) }));
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(Math.max(...delays)).toBeLessThanOrEqual(60_000);
  });

  it('takes Retry-After as the minimum delay', () => {
    expect(backoffDelay({ attempt: 1, random: fixed(0), retryAfterMs: 30_000 })).toBe(30_000);
    expect(backoffDelay({ attempt: 1, random: fixed(0), retryAfterMs: 120_000 })).toBe(120_000);
    expect(backoffDelay({ attempt: 5, random: fixed(0), retryAfterMs: 1_000 })).toBe(8_000);
  });
});
