/**
 * The one ISO 8601 parser. Two callers accept different forms, named here:
 * - `report`: a timestamp as AWS writes it in a credential report (`2026-11-27T20:47:26+00:00`, `...Z`,
 *   `.123` fractions, `-0530`); seconds and a zone with minutes are required, surrounding blanks ignored.
 * - `input`: what a person types for `as-of`: the same, and also a plain date (midnight UTC), a time
 *   without seconds, a `,` before the fraction, and an offset of whole hours (`+02`).
 * Impossible dates (Feb 30, hour 24) and years before 1970 are no time (IAM did not exist then).
 * Not `Date.parse` alone: it gives the same time for AWS's form, but rolls Feb 30 over into March, takes
 * 24:00 and years before 1970, and reads other forms (`2026-11-27 20:47:26`, `Nov 27 2026`) as it likes.
 */

export type IsoForm = 'report' | 'input';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:([.,])(\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?))?$/;

/** Epoch milliseconds of `text`, or null when it is not a time of the given form. */
export function parseIsoTime(text: string, form: IsoForm = 'report'): number | null {
  const m = ISO.exec(form === 'report' ? text.trim() : text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, sep, frac = '', zone = 'Z'] = m;
  if (form === 'report' && (h === undefined || s === undefined || sep === ',' || /^[+-]\d{2}$/.test(zone))) {
    return null;
  }
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? '0');
  const minute = Number(mi ?? '0');
  const second = Number(s ?? '0');
  if (year < 1970 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (new Date(local).getUTCDate() !== day) return null; // 2026-02-30 rolls over
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4) || '0');
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (oh * 60 + om) * (zone.startsWith('-') ? -1 : 1);
  }
  return local - offsetMinutes * 60_000;
}

/** The `input` form as a Date; null when invalid. */
export function parseIsoDateTime(text: string): Date | null {
  const t = parseIsoTime(text, 'input');
  return t === null ? null : new Date(t);
}
