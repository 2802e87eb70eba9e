// node scripts/golden.mjs OUTDIR [BUNDLE] — writes what the bundle (dist/index.js) produces for every
// credential report fixture: job summary, SARIF, JSON, outputs, issue titles and bodies (through a local
// GitHub API on loopback) and the terminal rendering of the CLI. Run it before and after a change that
// must not alter behaviour, then `diff -r BEFORE AFTER`. Fields that vary per run are normalized (see
// below). BUNDLE: a folder with another build's dist/ and bin/ (e.g. a copy kept from before the change);
// default this repository's.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const fixtures = join(root, '__tests__', 'fixtures');
const outRoot = resolve(process.argv[2] ?? join(root, '.tmp', 'golden'));
const bundle = resolve(process.argv[3] ?? root);
const AS_OF = '2026-11-01T00:00:00Z';

/** A tiny GitHub issues API: enough for the action to open issues; records what it was sent. */
function githubServer() {
  const issues = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const url = new URL(req.url, 'http://127.0.0.1');
      const send = (status, data) => {
        res.writeHead(status, {
          'content-type': 'application/json',
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '4999',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        });
        res.end(JSON.stringify(data));
      };
      if (req.method === 'GET' && /\/issues$/.test(url.pathname)) return send(200, []);
      if (req.method === 'GET' && /\/labels\//.test(url.pathname)) return send(200, { name: 'x' });
      if (req.method === 'GET' && /\/code-scanning\/alerts$/.test(url.pathname)) return send(200, []);
      if (req.method === 'POST' && /\/issues$/.test(url.pathname)) {
        const data = JSON.parse(body);
        issues.push({ title: data.title, labels: data.labels, body: data.body });
        return send(201, { number: issues.length, ...data, created_at: '2026-11-01T00:00:00Z' });
      }
      send(404, { message: 'Not Found' });
    });
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({ server, issues, url: `http://127.0.0.1:${server.address().port}` }),
    ),
  );
}

function run(entry, args, env, cwd) {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [entry, ...args], { env, cwd, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => ok({ code, stdout, stderr }));
  });
}

/** The issue bodies' wall-clock times: the first-listed marker's times and "first reported on <date>". */
function normalizeIssues(text) {
  return text
    .replace(/<!-- iam-initial-access-key:first-listed[^>]*-->/g, (line) =>
      line.replace(/=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, '=X'),
    )
    .replace(/first reported on \d{4}-\d\d-\d\d/g, 'first reported on X');
}

const cases = [];
for (const file of readdirSync(fixtures)
  .filter((f) => f.endsWith('.csv'))
  .sort()) {
  for (const scope of ['at-setup', 'any'])
    cases.push({ file, scope, issues: !file.startsWith('generated-300') });
}
cases.push({ file: 'generated-300.csv', scope: 'at-setup', issues: false, exempt: '*admin*\nreport-*' });

rmSync(outRoot, { recursive: true, force: true });
const gh = await githubServer();
try {
  for (const c of cases) {
    const dir = join(outRoot, `${c.file.replace(/\.csv$/, '')}.${c.scope}${c.exempt ? '.exempt' : ''}`);
    mkdirSync(dir, { recursive: true });
    // relative paths from the case's folder: the outputs name them, and must not depend on where this runs
    copyFileSync(join(fixtures, c.file), join(dir, c.file));
    gh.issues.length = 0;
    const env = {
      PATH: process.env.PATH,
      GITHUB_ACTIONS: 'true',
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: join(dir, 'outputs.txt'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
      GITHUB_REPOSITORY: 'octo-org/security-audits',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: gh.url,
      GITHUB_RUN_ID: '4242',
      'INPUT_CREDENTIAL-REPORT': c.file,
      'INPUT_AS-OF': AS_OF,
      INPUT_SCOPE: c.scope,
      'INPUT_SARIF-FILE': 'report.sarif',
      'INPUT_JSON-FILE': 'report.json',
      'INPUT_CREATE-ISSUES': c.issues ? 'true' : 'false',
      'INPUT_GITHUB-TOKEN': 'ghs_golden',
      ...(c.exempt ? { 'INPUT_EXEMPT-USERS': c.exempt } : {}),
    };
    writeFileSync(env.GITHUB_OUTPUT, '');
    writeFileSync(env.GITHUB_STEP_SUMMARY, '');
    const action = await run(join(bundle, 'dist', 'index.js'), [], env, dir);
    writeFileSync(join(dir, 'exit-code.txt'), `${action.code}\n`);
    // what differs on every run: the JSON's generatedAt, SARIF's invocation times, GITHUB_OUTPUT delimiters
    const normalize = {
      'report.json': (t) => t.replace(/"generatedAt": "[^"]*"/, '"generatedAt": "X"'),
      'report.sarif': (t) => t.replace(/"(start|end)TimeUtc": "[^"]*"/g, '"$1TimeUtc": "X"'),
      'outputs.txt': (t) => t.replace(/ghadelimiter_[0-9a-f-]+/g, 'ghadelimiter_X'),
    };
    for (const [f, fix] of Object.entries(normalize)) {
      try {
        writeFileSync(join(dir, f), fix(readFileSync(join(dir, f), 'utf8')));
      } catch {
        // an error fixture may not write it
      }
    }
    // issue bodies record when each key was first listed (the wall clock of this run) and say since when
    writeFileSync(join(dir, 'issues.json'), normalizeIssues(JSON.stringify(gh.issues, null, 2) + '\n'));
    const cli = await run(
      join(bundle, 'bin', 'iam-initial-access-key-audit.mjs'),
      [
        '--credential-report',
        c.file,
        '--as-of',
        AS_OF,
        '--scope',
        c.scope,
        '--sarif-file',
        'cli.sarif',
        '--json-file',
        'cli.json',
        ...(c.exempt ? ['--exempt-users', c.exempt] : []),
      ],
      { PATH: process.env.PATH },
      dir,
    );
    // the CLI reads the same copy of the fixture (removed only now: it ran without it before, so every
    // terminal.txt was the same missing-file error)
    rmSync(join(dir, c.file));
    rmSync(join(dir, 'cli.sarif'), { force: true });
    rmSync(join(dir, 'cli.json'), { force: true });
    writeFileSync(
      join(dir, 'terminal.txt'),
      `${cli.stdout}\n--- stderr\n${cli.stderr}\n--- exit ${cli.code}\n`,
    );
    console.log(`${dir}: action exit ${action.code}, ${gh.issues.length} issues, cli exit ${cli.code}`);
  }
} finally {
  gh.server.close();
}
