import { describe, expect, it } from '@jest/globals';
import { StringSet } from '../src/evaluate/string-set.js';

describe('StringSet', () => {
  it('tells a string it has seen from one it has not, exactly, as the set grows', () => {
    const set = new StringSet();
    const names = Array.from({ length: 30_000 }, (_, i) => `arn:aws:iam::111122223333:user/p/u-${i}`);
    for (const n of names) expect(set.add(n)).toBe(true);
    for (const n of names) expect(set.add(n)).toBe(false);
    // same length, one code unit apart; prefixes; the empty string; beyond Latin-1
    expect(set.add('arn:aws:iam::111122223333:user/p/u-0x')).toBe(true);
    expect(set.add('arn:aws:iam::111122223333:user/p/u-')).toBe(true);
    expect(set.add('')).toBe(true);
    expect(set.add('')).toBe(false);
    expect(set.add('ärn – 😀')).toBe(true);
    expect(set.add('ärn – 😀')).toBe(false);
    expect(set.add('ärn – 😁')).toBe(true);
  });
});
