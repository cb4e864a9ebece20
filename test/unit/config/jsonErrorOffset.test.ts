import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../../src/config/jsonErrorOffset.ts';

describe('jsonErrorOffset', () => {
  it('returns undefined for everything JSON.parse accepts', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\"y"]} ', '"s"', '0']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonErrorOffset(text)).toBeUndefined();
    }
  });

  it('points at the first offending character', () => {
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('[1 2]')).toBe(3);
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('{"a": 1')).toBe(7);
    expect(jsonErrorOffset('{} x')).toBe(3);
    expect(jsonErrorOffset("{'a': 1}")).toBe(1);
  });
});
