import { describe, expect, it } from 'vitest';
import { byteLength, createKeepaliveBudget } from './keepalive-budget';

describe('createKeepaliveBudget', () => {
  it('books bytes up to the 64 KiB limit, shared by all requests in flight', () => {
    const budget = createKeepaliveBudget();
    expect(budget.reserve(40_000)).toBe(true);
    expect(budget.reserve(25_536)).toBe(true); // exactly 65 536
    expect(budget.reserve(1)).toBe(false);
    budget.release(40_000);
    expect(budget.reserve(40_000)).toBe(true);
    expect(budget.reserve(1)).toBe(false);
  });

  it('never books a body larger than the limit on its own', () => {
    expect(createKeepaliveBudget(100).reserve(101)).toBe(false);
  });
});

describe('byteLength', () => {
  it('counts UTF-8 bytes, not UTF-16 units', () => {
    expect(byteLength('{"a":"x"}')).toBe(9);
    expect(byteLength('é')).toBe(2);
    expect(byteLength('😀')).toBe(4);
  });
});
