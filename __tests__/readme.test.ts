/**
 * The README's input and output tables are generated from action.yml, so they cannot drift.
 * `UPDATE_README=1 npm test -- __tests__/readme.test.ts` rewrites them.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './helpers/run-dist.js';

interface ActionYml {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const cell = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');

function tables(action: ActionYml): Record<string, string> {
  const inputs = Object.entries(action.inputs).map(
    ([name, i]) =>
      `| \`${name}\` | ${i.default === undefined ? '—' : `\`${cell(i.default)}\``} | ${cell(i.description)} |`,
  );
  const outputs = Object.entries(action.outputs).map(
    ([name, o]) => `| \`${name}\` | ${cell(o.description)} |`,
  );
  return {
    inputs: ['| input | default | meaning |', '|---|---|---|', ...inputs].join('\n'),
    outputs: ['| output | meaning |', '|---|---|', ...outputs].join('\n'),
  };
}

describe('README', () => {
  const readmePath = join(ROOT, 'README.md');
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

  it.each(['inputs', 'outputs'])('has the %s table of action.yml', (name) => {
    let readme = readFileSync(readmePath, 'utf8');
    const start = `<!-- ${name}:start -->\n`;
    const end = `\n<!-- ${name}:end -->`;
    const want = tables(action)[name]!;
    const re = new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`);
    if (process.env.UPDATE_README) {
      readme = readme.replace(re, () => `${start}${want}${end}`);
      writeFileSync(readmePath, readme);
    }
    expect(readme).toContain(`${start}${want}${end}`);
  });

  it('gives the set-up and test commands CI runs', () => {
    const readme = readFileSync(readmePath, 'utf8');
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm test');
    expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/npm ci[\s\S]*npm test/);
  });
});
