/**
 * Issue 9, item 3: report files are complete or absent, and `sarif-file` / `json-file` are checked up
 * front (one input error naming the input); a write error names the input and path and the other outputs
 * still get set. A report file's output (`sarif-file`, `json-file`) is set only when that file was written.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import {
  accessSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkOutputFiles } from '../src/inputs/output-files.js';
import { InputError } from '../src/model.js';
import { writeFileAtomic } from '../src/publish/files.js';
import { runPipeline } from './helpers/pipeline.js';
import { parseConfig } from '../src/inputs/config.js';
import { recordingDeps } from './helpers/live-env.js';
import { runAction } from './helpers/run-dist.js';

const dir = mkdtempSync(join(tmpdir(), 'output-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = fileURLToPath(new URL('./fixtures/moto-basic.csv', import.meta.url));

function errorOf(fn: () => void): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('no error');
}

describe('checkOutputFiles', () => {
  const base = { sarifFile: 'r.sarif', jsonFile: 'r.json', credentialReports: [] as string[] };
  const env = {};

  it('accepts new files in new or existing folders', () => {
    expect(() => checkOutputFiles({ ...base, jsonFile: 'out/deep/r.json' }, { cwd: dir, env })).not.toThrow();
  });

  it('a directory', () => {
    mkdirSync(join(dir, 'adir'), { recursive: true });
    const e = errorOf(() => checkOutputFiles({ ...base, sarifFile: 'adir' }, { cwd: dir, env }));
    expect(e.input).toBe('sarif-file');
    expect(e.message).toMatch(/^Input "sarif-file" is "adir": it is a directory; expected/);
  });

  it('a path under a file', () => {
    writeFileSync(join(dir, 'afile'), 'x');
    const e = errorOf(() => checkOutputFiles({ ...base, jsonFile: 'afile/sub/r.json' }, { cwd: dir, env }));
    expect(e.input).toBe('json-file');
    expect(e.message).toContain('is a file, not a folder');
  });

  it('an unwritable folder', () => {
    const ro = '/proc/1';
    let writable = true;
    try {
      accessSync(ro, constants.W_OK);
    } catch {
      writable = false;
    }
    if (writable) return; // nothing unwritable on this machine
    const e = errorOf(() => checkOutputFiles({ ...base, jsonFile: `${ro}/r.json` }, { cwd: dir, env }));
    expect(e.message).toMatch(/Input "json-file" .*the folder \/proc\/1 is not writable/);
  });

  it('the same file under two spellings, relative and absolute', () => {
    for (const jsonFile of ['./r.sarif', join(dir, 'r.sarif'), 'x/../r.sarif']) {
      const e = errorOf(() => checkOutputFiles({ ...base, jsonFile }, { cwd: dir, env }));
      expect(e.input).toBe('json-file');
      expect(e.message).toContain('the same file as "sarif-file"');
    }
  });

  it('the input report itself', () => {
    writeFileSync(join(dir, 'report.csv'), 'user,arn\n');
    const e = errorOf(() =>
      checkOutputFiles(
        { ...base, jsonFile: './report.csv', credentialReports: [join(dir, 'report.csv')] },
        { cwd: dir, env },
      ),
    );
    expect(e.message).toContain('it is the credential report');
  });

  it("the runner's GITHUB_OUTPUT or GITHUB_STEP_SUMMARY", () => {
    writeFileSync(join(dir, 'out.txt'), '');
    writeFileSync(join(dir, 'sum.md'), '');
    const runner = { GITHUB_OUTPUT: join(dir, 'out.txt'), GITHUB_STEP_SUMMARY: join(dir, 'sum.md') };
    expect(
      errorOf(() => checkOutputFiles({ ...base, sarifFile: 'out.txt' }, { cwd: dir, env: runner })).message,
    ).toContain('$GITHUB_OUTPUT');
    expect(
      errorOf(() => checkOutputFiles({ ...base, jsonFile: './sum.md' }, { cwd: dir, env: runner })).message,
    ).toContain('$GITHUB_STEP_SUMMARY');
  });
});

describe('writing the files', () => {
  it('a failed write leaves the previous file whole and no temp file', async () => {
    const path = join(dir, 'keep.json');
    writeFileSync(path, '{"previous":true}\n');
    const bad = {
      toString: () => {
        throw new Error('EIO: simulated');
      },
    } as unknown as string;
    await expect(writeFileAtomic(path, bad)).rejects.toThrow();
    expect(readFileSync(path, 'utf8')).toBe('{"previous":true}\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a write error names the input and path; the other file and every output still come, its own empty', async () => {
    writeFileSync(join(dir, 'blocker'), 'x');
    const config = parseConfig(
      {
        'credential-report': fixture,
        'sarif-file': join(dir, 'blocker', 'r.sarif'),
        'json-file': join(dir, 'ok.json'),
      },
      { expandGlob: (p) => [p] },
    );
    const deps = recordingDeps();
    const outcome = await runPipeline(config, { ...deps, github: null });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.verdict).toMatch(
      new RegExp(`^Could not write sarif-file "${join(dir, 'blocker', 'r.sarif')}": (ENOTDIR|EEXIST)`),
    );
    expect(outcome.outputs['findings']).toBeDefined();
    // no file, no path: a step guarded on `steps.audit.outputs.sarif-file != ''` does not try to upload it
    expect(outcome.outputs['sarif-file']).toBe('');
    expect(outcome.outputs['json-file']).toBe(join(dir, 'ok.json'));
    expect(JSON.parse(readFileSync(join(dir, 'ok.json'), 'utf8'))).toHaveProperty('findings');
  });
});

it('dist: a bad json-file fails the step with one input error, before anything is read or called', async () => {
  const run = await runAction({
    inputs: { 'credential-report': fixture, 'json-file': '.' },
    env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:9' },
  });
  try {
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::Input "json-file" is ".": it is a directory');
    expect(readdirSync(run.dir).filter((f) => f.endsWith('.sarif'))).toEqual([]);
    // nothing written, so no report file output: the examples' upload steps are skipped
    expect(run.outputs['sarif-file'] ?? '').toBe('');
    expect(run.outputs['json-file'] ?? '').toBe('');
  } finally {
    run.cleanup();
  }
});
