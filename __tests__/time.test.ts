import { describe, expect, it } from '@jest/globals';
import { parseIsoDateTime, parseIsoTime } from '../src/time.js';

describe('one ISO 8601 parser, two forms', () => {
  it('a report cell needs seconds and a full offset; blanks around it are ignored', () => {
    expect(parseIsoTime(' 2026-11-27T20:47:26+00:00 ')).toBe(Date.parse('2026-11-27T20:47:26Z'));
    expect(parseIsoTime('2026-11-27')).toBeNull();
    expect(parseIsoTime('2026-11-27T20:47Z')).toBeNull();
    expect(parseIsoTime('2026-11-27T20:47:26,5Z')).toBeNull();
    expect(parseIsoTime('2026-11-27T22:47:26+02')).toBeNull();
    expect(parseIsoTime('1969-12-31T23:59:59Z')).toBeNull();
  });

  it('an input also takes a plain date, no seconds, a comma fraction and whole-hour offsets', () => {
    expect(parseIsoDateTime('2026-11-27')?.toISOString()).toBe('2026-11-27T00:00:00.000Z');
    expect(parseIsoDateTime('2026-11-27T20:47Z')?.toISOString()).toBe('2026-11-27T20:47:00.000Z');
    expect(parseIsoDateTime('2026-11-27T20:47:26,5Z')?.toISOString()).toBe('2026-11-27T20:47:26.500Z');
    expect(parseIsoDateTime('2026-11-27T22:47:26+02')?.toISOString()).toBe('2026-11-27T20:47:26.000Z');
    expect(parseIsoDateTime(' 2026-11-27')).toBeNull();
  });
});
