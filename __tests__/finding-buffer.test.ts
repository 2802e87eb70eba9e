import { describe, expect, it } from '@jest/globals';
import { FindingBuffer } from '../src/evaluate/finding-buffer.js';
import { HOSTILE, makeFinding, makeStaleFinding } from './helpers/results.js';

describe('FindingBuffer: findings held off the heap while a report streams', () => {
  it('gives back every finding equal and in order, hostile and non-Latin-1 text included', () => {
    const findings = [
      makeFinding(),
      makeStaleFinding(200, { userName: 'bob', keyLastUsedService: 's3', keyLastUsedRegion: 'eu-west-1' }),
      ...HOSTILE.map((name) => makeFinding({ userName: name, justification: `${name} é 漢字 😀` })),
    ];
    const buffer = new FindingBuffer();
    for (const f of findings) buffer.push(f);
    expect(buffer.length).toBe(findings.length);
    expect(buffer.toArray()).toEqual(findings);
    // read twice: the same again
    expect(buffer.toArray()).toEqual(findings);
  });

  it('spans pages (1 MiB each) and takes a finding larger than a page', () => {
    const buffer = new FindingBuffer();
    const many = Array.from({ length: 5000 }, (_, i) =>
      makeFinding({ userName: `user-${i}-${'x'.repeat(200)}` }),
    );
    const huge = makeFinding({ userName: 'huge', justification: 'j'.repeat(2 * 1024 * 1024) });
    for (const f of [...many.slice(0, 2500), huge, ...many.slice(2500)]) buffer.push(f);
    const back = buffer.toArray();
    expect(back).toHaveLength(5001);
    expect(back[2500]).toEqual(huge);
    expect(back[4999]?.userName).toBe(many[4998]!.userName);
    expect(new FindingBuffer().toArray()).toEqual([]);
  });
});
