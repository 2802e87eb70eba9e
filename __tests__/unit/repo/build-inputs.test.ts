/**
 * The end-to-end suites' check that dist/ is the bundle of this tree (helpers/run-dist.ts) compares
 * content recorded at build time (dist/build-inputs.json, scripts/build-inputs.mjs), not modification
 * times: a fresh clone, where git may write a source file after the bundle, passes; a tree whose bundle
 * inputs really differ fails, naming what changed. Each test works on a temporary copy of the files that
 * matter; the repository's own files are never touched.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_INPUTS_FILE, buildInputsText } from '../../../scripts/build-inputs.mjs';
import { ROOT, assertDistFresh, checkDistFresh } from '../../helpers/run-dist.js';

let copy = '';

/** The files a bundle and its check depend on, copied with fresh timestamps. */
beforeEach(() => {
  copy = mkdtempSync(join(tmpdir(), 'iam-audit-build-inputs-'));
  for (const path of ['src', 'dist', 'bin', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(join(ROOT, path), join(copy, path), { recursive: true });
  }
});
afterEach(() => rmSync(copy, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(join(copy, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const edit = (path: string, change: (text: string) => string) =>
  writeFileSync(join(copy, path), change(readFileSync(join(copy, path), 'utf8')));

describe('the bundle freshness check', () => {
  it('passes for this repository (the end-to-end suites call it first)', () => {
    expect(() => assertDistFresh()).not.toThrow();
  });

  it('passes when every dist/ file is older than every src/ file (a fresh clone), same content', () => {
    const old = new Date('2001-01-01T00:00:00Z');
    for (const f of filesUnder('dist')) utimesSync(f, old, old);
    const now = new Date();
    for (const f of [...filesUnder('src'), join(copy, 'package-lock.json'), join(copy, 'tsconfig.json')]) {
      utimesSync(f, now, now);
    }
    expect(() => checkDistFresh(copy)).not.toThrow();
  });

  it('passes when git checked the sources out with CRLF line endings', () => {
    for (const f of [...filesUnder('src'), join(copy, 'tsconfig.json'), join(copy, 'package-lock.json')]) {
      writeFileSync(f, readFileSync(f, 'utf8').replace(/\r?\n/g, '\r\n'));
    }
    expect(() => checkDistFresh(copy)).not.toThrow();
  });

  it('passes when package.json changes outside what the bundle follows (version, metadata)', () => {
    edit('package.json', (t) => t.replace(/"description": "[^"]*"/, '"description": "changed"'));
    expect(() => checkDistFresh(copy)).not.toThrow();
  });

  it('fails, naming the file and what to run, when a source file changed (whatever the times say)', () => {
    edit('src/report/summary-markdown.ts', (t) => `${t}\n// changed\n`);
    const old = new Date('2001-01-01T00:00:00Z');
    for (const f of filesUnder('src')) utimesSync(f, old, old); // older than dist/, and still stale
    expect(() => checkDistFresh(copy)).toThrow(
      /dist\/ was built from other inputs than this tree's: src\/report\/summary-markdown\.ts \(changed\)\. Run `npm run build`/,
    );
  });

  it('names added and removed source files, the lockfile and the build command', () => {
    writeFileSync(join(copy, 'src', 'new-module.ts'), 'export const x = 1;\n');
    rmSync(join(copy, 'src', 'timeouts.ts'));
    edit('package-lock.json', (t) => t.replace('"lockfileVersion"', '"lockfileVersion" ').trimEnd() + ' \n');
    edit('package.json', (t) => t.replace('--target es2022', '--target es2020'));
    let message = '';
    try {
      checkDistFresh(copy);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('src/new-module.ts (added)');
    expect(message).toContain('src/timeouts.ts (removed)');
    expect(message).toContain('package-lock.json (changed)');
    expect(message).toContain('package.json (type, scripts.build) (changed)');
    expect(message).toContain('npm run build');
  });

  it('fails with what to run when the record or the bundle is missing', () => {
    rmSync(join(copy, BUILD_INPUTS_FILE));
    expect(() => checkDistFresh(copy)).toThrow(/dist\/build-inputs\.json is missing.*npm run build/);
    rmSync(join(copy, 'dist'), { recursive: true });
    expect(() => checkDistFresh(copy)).toThrow(/dist\/ is missing .*npm run build/);
  });
});

describe('the record written by npm run build', () => {
  it('is the same bytes for the same tree: file order, times and line endings leave no trace', () => {
    const recorded = readFileSync(join(copy, BUILD_INPUTS_FILE), 'utf8');
    expect(buildInputsText(copy)).toBe(recorded);
    // the same sources written again in reverse order, with CRLF and other times
    const files = filesUnder('src').reverse();
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    rmSync(join(copy, 'src'), { recursive: true });
    files.forEach((f, i) => {
      mkdirSync(join(f, '..'), { recursive: true });
      writeFileSync(f, texts[i]!.replace(/\n/g, '\r\n'));
      const t = new Date(Date.UTC(2020, 0, 1 + i));
      utimesSync(f, t, t);
    });
    expect(buildInputsText(copy)).toBe(recorded);
  });

  it('lists every file under src/ and the build configuration, sorted', () => {
    const record = JSON.parse(readFileSync(join(copy, BUILD_INPUTS_FILE), 'utf8')) as {
      algorithm: string;
      digest: string;
      inputs: Record<string, string>;
    };
    const names = Object.keys(record.inputs);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(
      expect.arrayContaining([
        'package-lock.json',
        'tsconfig.json',
        'package.json (type, scripts.build)',
        'src/index.ts',
        'src/main.ts',
      ]),
    );
    expect(names.filter((n) => n.startsWith('src/'))).toHaveLength(filesUnder('src').length);
    expect(record.algorithm).toBe('sha256');
    expect(record.digest).toMatch(/^[0-9a-f]{64}$/);
  });
});
