import { describe, expect, it } from '@jest/globals';
import { parseIsoDateTime, parseIsoTime } from '../../src/time.js';

describe('one ISO 8601 parser, two forms', () => {
  it('a report cell needs seconds and a full offset; blanks around it are ignored', () => {
    expect(parseIsoTime(' 2026-11-27T20:47:26+00:00 ')).toBe(Date.parse('2026-11-27T20:47:26Z'));
    expect(parseIsoTime('2026-11-27')).toBeNull();
    expect(parseIsoTime('2026-11-27T20:47Z')).toBeNull();
    expect(parseIsoTime('2026-11-27T20:47:26,5Z')).toBeNull();
    expect(parseIsoTime('2026-11-27T22:47:26+02')).toBeNull();
    expect(parseIsoTime('1969-12-31T23:59:59Z')).toBeNull();
  });

  it("reads AWS's own form as Date.parse does, and an impossible or pre-1970 time as no time", () => {
    // Date.parse rolls 2026-02-30 over into March and takes 24:00 and 1969: those are errors in a report.
    const dates = ['2026-11-27', '2024-02-29', '2026-02-29', '2100-02-29', '2000-02-29', '2026-04-31'];
    const odd = ['2026-00-10', '2026-13-10', '2026-01-00', '2026-12-31', '1969-12-31', '1970-01-01'];
    const times = ['20:47:26', '00:00:00', '23:59:59', '24:00:00', '12:60:00', '12:00:60', '1a:00:00'];
    const zones = { '+00:00': 0, Z: 0, z: 0, '+01:00': 60 };
    for (const d of [...dates, ...odd, '2o26-01-01'])
      for (const t of times)
        for (const [zone, offsetMinutes] of Object.entries(zones)) {
          const text = `${d}T${t}${zone}`;
          const parsed = Date.parse(text);
          // a real time: Date.parse gives back the same wall-clock date and time, not a rolled-over one
          const real =
            d >= '1970' &&
            !Number.isNaN(parsed) &&
            new Date(parsed + offsetMinutes * 60_000).toISOString().slice(0, 19) === `${d}T${t}`;
          const expected = real ? parsed : null;
          expect([text, parseIsoTime(text)]).toEqual([text, expected]);
          // blanks around it send the same text past the fast reader, through the regular expression
          expect([text, parseIsoTime(` ${text} `)]).toEqual([text, expected]);
          expect([text, parseIsoTime(text, 'input')]).toEqual([text, expected]);
        }
    expect(parseIsoTime('2024-01-10T09:00:12+00:00')).toBe(Date.parse('2024-01-10T09:00:12Z'));
    expect(parseIsoTime('2024-02-29T23:59:59+00:00')).toBe(Date.parse('2024-02-29T23:59:59Z'));
    expect(parseIsoTime('2026-11-27T20:47:26.123-05:30')).toBe(Date.parse('2026-11-28T02:17:26.123Z'));
    expect(parseIsoTime('2100-02-29T00:00:00+00:00')).toBeNull();
    expect(parseIsoTime('2026-04-31T00:00:00Z')).toBeNull();
    expect(parseIsoTime('2026-11-27 20:47:26')).toBeNull(); // Date.parse reads it, as local time
  });

  it('an input also takes a plain date, no seconds, a comma fraction and whole-hour offsets', () => {
    expect(parseIsoDateTime('2026-11-27')?.toISOString()).toBe('2026-11-27T00:00:00.000Z');
    expect(parseIsoDateTime('2026-11-27T20:47Z')?.toISOString()).toBe('2026-11-27T20:47:00.000Z');
    expect(parseIsoDateTime('2026-11-27T20:47:26,5Z')?.toISOString()).toBe('2026-11-27T20:47:26.500Z');
    expect(parseIsoDateTime('2026-11-27T22:47:26+02')?.toISOString()).toBe('2026-11-27T20:47:26.000Z');
    expect(parseIsoDateTime(' 2026-11-27')).toBeNull();
  });
});
