/**
 * Issue 9, item 3: report files are complete or absent, and `sarif-file` / `json-file` are checked up
 * front (one input error naming the input); a write error names the input and path and the other outputs
 * still get set. A report file's output (`sarif-file`, `json-file`) is set only when that file was written.
 * The same through the bundled action: e2e/output-files.test.ts.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
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
import { checkOutputFiles } from '../../../src/inputs/output-files.js';
import { InputError } from '../../../src/model.js';
import { writeFileAtomic } from '../../../src/publish/files.js';
import { runPipeline } from '../../helpers/pipeline.js';
import { parseConfig } from '../../../src/inputs/config.js';
import { recordingDeps } from '../../helpers/live-env.js';

const dir = mkdtempSync(join(tmpdir(), 'output-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = fileURLToPath(new URL('../../fixtures/moto-basic.csv', import.meta.url));

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
    // an ordinary folder (a folder on /proc is refused sooner, as a special file system)
    const ro = join(dir, 'read-only');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    let writable = true;
    try {
      accessSync(ro, constants.W_OK);
    } catch {
      writable = false;
    }
    if (writable) return; // root writes into any folder
    const e = errorOf(() => checkOutputFiles({ ...base, jsonFile: `${ro}/r.json` }, { cwd: dir, env }));
    expect(e.message).toContain(`Input "json-file" is "${ro}/r.json": the folder ${ro} is not writable`);
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

// Issue 19 §8.2: a report file must be a regular file in a writable folder of an ordinary file system.
// Writing into /proc, /sys or /dev (or onto a FIFO or a device) could block, spin or do something else
// entirely; it is one input error before any AWS call.
describe('checkOutputFiles: special files and file systems', () => {
  const base = { sarifFile: 'r.sarif', jsonFile: 'r.json', credentialReports: [] as string[] };
  const env = {};
  const EXPECTED = 'expected the path of a regular file in a writable folder (not under /proc, /sys or /dev)';
  const linux = process.platform === 'linux' ? it : it.skip;

  it('a FIFO', () => {
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const e = errorOf(() => checkOutputFiles({ ...base, jsonFile: 'pipe' }, { cwd: dir, env }));
    expect(e.input).toBe('json-file');
    expect(e.message).toBe(
      `Input "json-file" is "pipe": it is a named pipe (FIFO), not a regular file; ${EXPECTED}, e.g. reports/iam.json.`,
    );
  });

  it('character devices: /dev/null, /dev/zero, /dev/stdout', () => {
    for (const device of ['/dev/null', '/dev/zero', '/dev/stdout'].filter((d) => existsSync(d))) {
      const e = errorOf(() => checkOutputFiles({ ...base, sarifFile: device }, { cwd: dir, env }));
      expect(e.input).toBe('sarif-file');
      expect(e.message).toMatch(
        /^Input "sarif-file" is "[^"]+": it is a (device|named pipe \(FIFO\)|socket), not a regular file; /,
      );
      expect(e.message).toContain(EXPECTED);
    }
  });

  it('a directory', () => {
    mkdirSync(join(dir, 'adir2'), { recursive: true });
    const e = errorOf(() => checkOutputFiles({ ...base, jsonFile: 'adir2' }, { cwd: dir, env }));
    expect(e.message).toBe(
      `Input "json-file" is "adir2": it is a directory; ${EXPECTED}, e.g. reports/iam.json.`,
    );
  });

  linux('paths on /proc and /sys, existing or new, whoever runs the step', () => {
    for (const path of [
      '/proc/self/status',
      '/proc/self/fd/report.json',
      '/proc/self/task/report.json',
      '/proc/report.json',
      '/proc/self/new/deep/report.json',
      '/sys/kernel/report.json',
    ]) {
      for (const [key, input] of [
        ['jsonFile', 'json-file'],
        ['sarifFile', 'sarif-file'],
      ] as const) {
        const e = errorOf(() => checkOutputFiles({ ...base, [key]: path }, { cwd: dir, env }));
        expect(e.input).toBe(input);
        expect(e.message).toMatch(
          new RegExp(`^Input "${input}" is "${path}": it is on a special file system \\((proc|sysfs)\\); `),
        );
        expect(e.message).toContain(EXPECTED);
      }
    }
  });

  linux('new files under /dev (devtmpfs, devpts)', () => {
    for (const path of ['/dev/report.json', '/dev/pts/report.json'].filter((p) =>
      existsSync(join(p, '..')),
    )) {
      const e = errorOf(() => checkOutputFiles({ ...base, jsonFile: path }, { cwd: dir, env }));
      expect(e.message).toMatch(
        new RegExp(`^Input "json-file" is "${path}": it is on a special file system`),
      );
      expect(e.message).toContain(EXPECTED);
    }
    expect(existsSync('/dev/report.json')).toBe(false);
  });

  linux('an ordinary folder, and /dev/shm (tmpfs for files), are fine', () => {
    expect(() => checkOutputFiles(base, { cwd: dir, env })).not.toThrow();
    if (existsSync('/dev/shm'))
      expect(() =>
        checkOutputFiles({ ...base, jsonFile: '/dev/shm/iam-audit-check.json' }, { cwd: dir, env }),
      ).not.toThrow();
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
