/**
 * evaluate/key-tags.ts: a key's console description (the user tag keyed by the key id) and its own
 * exemption tag `EXEMPTION-TAG:KEY-ID`, with the user-wide tag's `expires=` rule.
 */
import { describe, expect, it } from '@jest/globals';
import { keyTagFacts } from '../../../src/evaluate/key-tags.js';

const KEY = 'AKIAIOSFODNN7EXAMPLE';
const OTHER = 'AKIAI44QH8DHBEXAMPLE';
const TAG = 'access-key-justification';
const AS_OF = Date.parse('2026-11-01T12:00:00Z');

const facts = (tags: Record<string, string>, asOf = AS_OF, exemptionTag = TAG, accessKeyId = KEY) =>
  keyTagFacts({ tags, exemptionTag, accessKeyId, asOf });

describe('keyTagFacts: the description', () => {
  it('is the value of the tag keyed by the key id (the IAM console writes it so)', () => {
    expect(facts({ [KEY]: 'nightly export to S3', team: 'data' })).toEqual({
      description: 'nightly export to S3',
      keyExemption: null,
    });
  });

  it('matches the key id regardless of case, trims, and is null when blank or absent', () => {
    expect(facts({ [KEY.toLowerCase()]: '  used by CI  ' }).description).toBe('used by CI');
    expect(facts({ [KEY]: '   ' }).description).toBeNull();
    expect(facts({ [OTHER]: 'the other key' }).description).toBeNull();
    expect(facts({}).description).toBeNull();
  });

  it('is never a justification by itself', () => {
    expect(facts({ [KEY]: 'approved by security, expires=2030-01-01' }).keyExemption).toBeNull();
  });

  it('stays data: text that looks like Markdown or a mention is returned as written, capped at 256', () => {
    const hostile = '@octocat --> <!-- x --> `code` [link](https://example.com)';
    expect(facts({ [KEY]: hostile }).description).toBe(hostile);
    expect(facts({ [KEY]: 'x'.repeat(5000) }).description).toHaveLength(256);
  });
});

describe('keyTagFacts: the per-key exemption', () => {
  it('exempts the key named in the tag key, with its justification as written', () => {
    expect(facts({ [`${TAG}:${KEY}`]: 'break-glass key, owner @alice' })).toEqual({
      description: null,
      keyExemption: { justification: 'break-glass key, owner @alice', expired: false },
    });
  });

  it('does not exempt the user’s other key', () => {
    expect(facts({ [`${TAG}:${OTHER}`]: 'only the other key' }).keyExemption).toBeNull();
    // nor does the user-wide tag count as the key's own (evaluate/exemptions.ts decides that one)
    expect(facts({ [TAG]: 'the whole user' }).keyExemption).toBeNull();
  });

  it('matches the tag key regardless of case, as IAM does', () => {
    expect(facts({ [`ACCESS-KEY-Justification:${KEY.toLowerCase()}`]: 'ok' }).keyExemption).toEqual({
      justification: 'ok',
      expired: false,
    });
    expect(facts({ [`my-tag:${KEY}`]: 'ok' }, AS_OF, 'My-Tag').keyExemption?.justification).toBe('ok');
  });

  it('needs a non-empty value', () => {
    expect(facts({ [`${TAG}:${KEY}`]: '  ' }).keyExemption).toBeNull();
  });

  it.each([
    ['expires=2026-11-01', false], // through the whole day (UTC) of as-of
    ['expires=2026-10-31', true],
    ['vendor sync; expires=2027-01-15', false],
    ['vendor sync, expires=2026-02-30', true], // not a real date: treated as already expired
    ['vendor sync expires=soon', true],
    ['no expiry at all', false],
  ])('%s -> expired %s (the user-wide rule)', (value, expired) => {
    expect(facts({ [`${TAG}:${KEY}`]: value }).keyExemption).toEqual({ justification: value, expired });
  });

  it('expires at the end of the day, UTC, compared with as-of', () => {
    const tags = { [`${TAG}:${KEY}`]: 'expires=2026-11-01' };
    expect(facts(tags, Date.parse('2026-11-01T23:59:59.999Z')).keyExemption?.expired).toBe(false);
    expect(facts(tags, Date.parse('2026-11-02T00:00:00Z')).keyExemption?.expired).toBe(true);
  });

  it('gives both: description and exemption are independent tags', () => {
    expect(facts({ [KEY]: 'deploy key', [`${TAG}:${KEY}`]: 'approved, expires=2027-01-01' })).toEqual({
      description: 'deploy key',
      keyExemption: { justification: 'approved, expires=2027-01-01', expired: false },
    });
  });

  it('finds nothing for an empty key id or exemption tag name', () => {
    expect(facts({ [':']: 'x', [`${TAG}:`]: 'x' }, AS_OF, TAG, '')).toEqual({
      description: null,
      keyExemption: null,
    });
    expect(facts({ [`:${KEY}`]: 'x' }, AS_OF, '').keyExemption).toBeNull();
  });
});
