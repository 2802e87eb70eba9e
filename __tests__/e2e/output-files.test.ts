/**
 * Issue 9, item 3, as the runner runs the bundled action (dist/index.js): a bad `json-file` fails the step
 * with one input error before anything is read or called, and no report file output is set. The checks
 * themselves: unit/inputs/output-files.test.ts.
 */
import { expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runAction } from '../helpers/run-dist.js';

const fixture = fileURLToPath(new URL('../fixtures/moto-basic.csv', import.meta.url));

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

it('dist: a json-file on /proc fails the step with one input error, before any AWS call', async () => {
  if (process.platform !== 'linux') return;
  // an AWS endpoint that records what reaches it: nothing may
  const calls: string[] = [];
  const server = createServer((req, res) => {
    calls.push(`${req.method} ${req.url}`);
    res.writeHead(500).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const run = await runAction({
    inputs: { 'json-file': '/proc/self/fd/report.json' },
    env: {
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  });
  try {
    expect(run.code).toBe(1);
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors).toEqual([
      expect.stringMatching(
        /^::error::Input "json-file" is "\/proc\/self\/fd\/report\.json": it is on a special file system \(proc\); expected the path of a regular file in a writable folder/,
      ),
    ]);
    expect(calls).toEqual([]);
    expect(readdirSync(run.dir).filter((f) => f.endsWith('.sarif'))).toEqual([]);
  } finally {
    run.cleanup();
    server.close();
  }
});
