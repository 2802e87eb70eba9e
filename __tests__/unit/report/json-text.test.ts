import { describe, expect, it } from '@jest/globals';
import { jsonText } from '../../../src/report/json-text.js';

const whole = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
const chunked = (value: unknown) => [...jsonText(value)];

describe('jsonText: the report files in chunks', () => {
  it('is exactly JSON.stringify(value, null, 2) plus a newline, small or large', () => {
    const result = (i: number) => ({
      ruleId: 'IAM001',
      message: { text: `IAM user 'u${i}' – "quoted" \\ back\nslash ✓ 😀` },
      locations: [{ physicalLocation: { artifactLocation: { uri: `aws/1/iam/user/u${i}` } } }],
      properties: { n: i, none: null, flag: i % 2 === 0, gone: undefined, f: () => 1, list: [] },
    });
    const values: unknown[] = [
      {},
      [],
      { a: [] },
      { schema: 1, runs: [{ tool: { name: 'x', rules: [{ id: 'r' }] }, results: [] }] },
      {
        schema: 1,
        runs: [{ tool: { name: 'x' }, results: Array.from({ length: 3_000 }, (_, i) => result(i)) }],
      },
      { findings: Array.from({ length: 200 }, (_, i) => (i % 7 === 0 ? undefined : i)), after: 'end' },
      { nested: { deeper: { list: Array.from({ length: 100 }, (_, i) => [i, { at: new Date(i * 1e9) }]) } } },
      Array.from({ length: 65 }, (_, i) => ({ i, skipped: Symbol('s') })),
      { when: new Date(0), big: Array.from({ length: 65 }, String), [10]: 'numeric key first', z: undefined },
    ];
    for (const value of values) expect(chunked(value).join('')).toBe(whole(value));
  });

  it('a long list is handed on in bounded chunks, not as one string', () => {
    const findings = Array.from({ length: 20_000 }, (_, i) => ({ userName: `user-${i}`, keySlot: 1 }));
    const chunks = chunked({ findings });
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70 * 1024);
    expect(chunks.join('')).toBe(whole({ findings }));
  });

  it('an array of `lazy` is written as the elements its function yields, made as they are written', () => {
    const made: number[] = [];
    function* results(n: number) {
      for (let i = 0; i < n; i++) {
        made.push(i);
        yield { i, text: `result ${i}` };
      }
    }
    for (const n of [0, 1, 3, 5_000]) {
      const placeholder: unknown[] = [];
      const log = { version: '2.1.0', runs: [{ tool: { name: 'x' }, results: placeholder, after: true }] };
      made.length = 0;
      const chunks = jsonText(log, new Map([[placeholder, () => results(n)]]));
      const expected = whole({ ...log, runs: [{ ...log.runs[0], results: [...results(n)] }] });
      made.length = 0;
      const first = chunks.next();
      if (n === 5_000) expect(made.length).toBeLessThan(n); // not all made before the first chunk
      expect((first.value as string) + [...chunks].join('')).toBe(expected);
    }
  });
});
