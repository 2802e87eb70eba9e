/**
 * Offline fix commands are complete: the key is selected by its creation time with
 * `aws iam list-access-keys --query ...`, checked here with a real JMESPath implementation (the one the
 * AWS CLI's semantics follow) on ListAccessKeys responses as the CLI renders them, and the whole block
 * is run by `sh` against a stand-in `aws` that evaluates the query the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import jmespath from 'jmespath';
import { fixCommands, keyIdQuery } from '../../../src/report/format.js';
import { makeFinding } from '../../helpers/results.js';

/** ListAccessKeys as `aws iam list-access-keys` prints it: v2 renders CreateDate with `+00:00`. */
function listAccessKeys(userName: string, format: 'v2' | 'v1') {
  const date = (iso: string) => (format === 'v2' ? iso.replace(/Z$/, '+00:00') : iso);
  return {
    AccessKeyMetadata: [
      {
        UserName: userName,
        AccessKeyId: 'AKIAOTHER0000000000A',
        Status: 'Active',
        CreateDate: date('2024-03-01T10:00:00Z'),
      },
      {
        UserName: userName,
        AccessKeyId: 'AKIASETUP0000000000B',
        Status: 'Active',
        CreateDate: date('2024-01-10T09:00:12Z'),
      },
    ],
  };
}

describe('the --query that selects the key by its creation time', () => {
  it.each(['v2', 'v1'] as const)('selects exactly the key of that second (CLI %s rendering)', (format) => {
    const q = keyIdQuery('2024-01-10T09:00:12Z');
    expect(jmespath.search(listAccessKeys('alice', format), q)).toEqual(['AKIASETUP0000000000B']);
    expect(jmespath.search(listAccessKeys('alice', format), keyIdQuery('2024-03-01T10:00:00.000Z'))).toEqual([
      'AKIAOTHER0000000000A',
    ]);
    expect(jmespath.search(listAccessKeys('alice', format), keyIdQuery('2024-01-10T09:00:13Z'))).toEqual([]);
  });
});

describe('an offline fix block, run by sh', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fix-commands-'));
    const jmespathPath = createRequire(import.meta.url).resolve('jmespath');
    // A stand-in for the AWS CLI: list-access-keys applies --query with JMESPath and prints text;
    // every call is logged, one JSON array of arguments per line.
    writeFileSync(
      join(dir, 'aws'),
      `#!${process.execPath}
const fs = require('node:fs');
const jmespath = require(${JSON.stringify(jmespathPath)});
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(join(dir, 'calls.log'))}, JSON.stringify(args) + '\\n');
if (args[1] === 'list-access-keys') {
  const user = args[args.indexOf('--user-name') + 1];
  const data = ${JSON.stringify(listAccessKeys('USER', 'v2'))};
  for (const k of data.AccessKeyMetadata) k.UserName = user;
  const out = jmespath.search(data, args[args.indexOf('--query') + 1]);
  process.stdout.write([].concat(out).join('\\t') + '\\n');
}
`,
    );
    chmodSync(join(dir, 'aws'), 0o755);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['jane.doe@example.com', "it's ops+ci=x,y", '$(touch pwned)'])(
    'deactivates, then deletes the key created with the user %j, with nothing to fill in',
    (userName) => {
      writeFileSync(join(dir, 'calls.log'), '');
      const lines = fixCommands(
        makeFinding({ userName, accessKeyId: null, keyCreatedAt: '2024-01-10T09:00:12Z' }),
      );
      expect(lines.join('\n')).not.toContain('--access-key-id KEY_ID'); // no placeholder to fill in
      execFileSync('sh', ['-euc', lines.join('\n')], {
        cwd: dir,
        env: { PATH: `${dir}:/usr/bin:/bin` },
      });
      const calls = readFileSync(join(dir, 'calls.log'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as string[]);
      expect(calls.map((c) => c[1])).toEqual(['list-access-keys', 'update-access-key', 'delete-access-key']);
      for (const c of calls) expect(c[c.indexOf('--user-name') + 1]).toBe(userName);
      expect(calls[1]).toEqual([
        'iam',
        'update-access-key',
        '--user-name',
        userName,
        '--access-key-id',
        'AKIASETUP0000000000B',
        '--status',
        'Inactive',
      ]);
      expect(calls[2]).toEqual([
        'iam',
        'delete-access-key',
        '--user-name',
        userName,
        '--access-key-id',
        'AKIASETUP0000000000B',
      ]);
    },
  );

  it('a key without a creation time (N/A, scope any): lists the keys and runs nothing until KEY_ID is set', () => {
    const userName = 'jane.doe@example.com';
    const lines = fixCommands(makeFinding({ userName, accessKeyId: null, keyCreatedAt: null, keySlot: 2 }));
    const script = lines.join('\n');
    expect(script).not.toContain('starts_with');
    expect(script).toContain('no creation time');
    const run = (text: string) => {
      writeFileSync(join(dir, 'calls.log'), '');
      try {
        execFileSync('sh', ['-c', text], { cwd: dir, env: { PATH: `${dir}:/usr/bin:/bin` }, stdio: 'pipe' });
      } catch {
        // `${KEY_ID:?...}` stops the command: the point of the test
      }
      return readFileSync(join(dir, 'calls.log'), 'utf8')
        .trim()
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as string[]);
    };
    // Pasted as is: only the listing runs, no key is touched.
    expect(run(script).map((c) => c[1])).toEqual(['list-access-keys']);
    // Line by line as a terminal runs a paste: each command refuses on its own.
    const calls = lines.flatMap((l) => run(l)).map((c) => c[1]);
    expect(calls).toEqual(['list-access-keys']);
    // With KEY_ID filled in, the block deactivates, then deletes that key.
    const filled = run(script.replace("KEY_ID=''", 'KEY_ID=AKIASETUP0000000000B'));
    expect(
      filled.map((c) => [c[1], c.includes('--access-key-id') ? c[c.indexOf('--access-key-id') + 1] : null]),
    ).toEqual([
      ['list-access-keys', null],
      ['update-access-key', 'AKIASETUP0000000000B'],
      ['delete-access-key', 'AKIASETUP0000000000B'],
    ]);
  });
});
