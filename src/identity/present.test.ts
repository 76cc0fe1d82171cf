import { describe, expect, it } from 'vitest';
import { identityPresent } from './present';

describe('identityPresent', () => {
  it('is true for a function, or with auto for a Visitor API or a Web SDK instance on the page', () => {
    expect(identityPresent(() => 'x', {})).toBe(true);
    expect(identityPresent('auto', { Visitor: { getInstance() {} } })).toBe(true);
    expect(identityPresent('auto', { alloy() {} })).toBe(true);
    expect(identityPresent('auto', { __alloyNS: ['web'], web() {} })).toBe(true);
  });

  it('is false with nothing to ask, or when turned off', () => {
    expect(identityPresent('auto', {})).toBe(false);
    expect(identityPresent('auto', { Visitor: {}, alloy: 'x' })).toBe(false);
    expect(identityPresent(false, { Visitor: { getInstance() {} } })).toBe(false);
  });

  it('counts a throwing global as there, so the guarded lookup reports it', () => {
    const page = Object.defineProperty({}, 'Visitor', {
      get() {
        throw new Error('getter');
      },
    });
    expect(identityPresent('auto', page)).toBe(true);
  });
});
