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

  it("reads AWS's own form (every report cell) exactly as the full parser does", () => {
    // A leading blank sends the same text through the full parser (report cells are trimmed).
    const dates = ['2026-11-27', '2024-02-29', '2026-02-29', '2100-02-29', '2000-02-29', '2026-04-31'];
    const odd = ['2026-00-10', '2026-13-10', '2026-01-00', '2026-12-31', '1969-12-31', '1970-01-01'];
    const times = ['20:47:26', '00:00:00', '23:59:59', '24:00:00', '12:60:00', '12:00:60', '1a:00:00'];
    for (const d of [...dates, ...odd, '2o26-01-01'])
      for (const t of times)
        for (const zone of ['+00:00', 'Z', '+01:00', 'z']) {
          const text = `${d}T${t}${zone}`;
          expect([text, parseIsoTime(text)]).toEqual([text, parseIsoTime(` ${text}`)]);
          expect([text, parseIsoTime(text, 'input')]).toEqual([text, parseIsoTime(` ${text}`)]);
        }
    expect(parseIsoTime('2024-02-29T23:59:59+00:00')).toBe(Date.parse('2024-02-29T23:59:59Z'));
    expect(parseIsoTime('2100-02-29T00:00:00+00:00')).toBeNull();
    expect(parseIsoTime('2026-04-31T00:00:00Z')).toBeNull();
  });

  it('an input also takes a plain date, no seconds, a comma fraction and whole-hour offsets', () => {
    expect(parseIsoDateTime('2026-11-27')?.toISOString()).toBe('2026-11-27T00:00:00.000Z');
    expect(parseIsoDateTime('2026-11-27T20:47Z')?.toISOString()).toBe('2026-11-27T20:47:00.000Z');
    expect(parseIsoDateTime('2026-11-27T20:47:26,5Z')?.toISOString()).toBe('2026-11-27T20:47:26.500Z');
    expect(parseIsoDateTime('2026-11-27T22:47:26+02')?.toISOString()).toBe('2026-11-27T20:47:26.000Z');
    expect(parseIsoDateTime(' 2026-11-27')).toBeNull();
  });
});
