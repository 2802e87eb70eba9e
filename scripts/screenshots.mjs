// npm run screenshots: regenerates docs/job-summary.png and docs/issue.png from real runs of the bundle
// (dist/index.js, run as the Actions runner runs it):
// - the job summary of the offline audit of examples/credential-report.csv (as `npm run demo`);
// - the issue that `create-issues: true` opens, from a live audit of a moto account (moto_server on a
//   free loopback port, ambient test credentials) into the tests' local GitHub API server.
// The Markdown is rendered with marked and GitHub's Markdown CSS (github-markdown-css), and photographed
// with Debian's headless Chromium (`apt-get install -y chromium fonts-noto-color-emoji`, the font for the
// verdict's emoji). Not run in CI. Needs `npm run build`
// first, Node 24 (npm runs it on node_modules/node; the GitHub server helper is TypeScript) and moto.
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { registerHooks } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  IAMClient,
} from '@aws-sdk/client-iam';
import { marked } from 'marked';

const root = resolve(import.meta.dirname, '..');

// The GitHub server helper and the src/ modules it imports are TypeScript that import each other as
// `./x.js` (NodeNext): map such a specifier to its `.ts` file inside this repository, as tsc does.
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
      const ts = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
      if (fileURLToPath(ts).startsWith(root) && existsSync(ts)) return nextResolve(ts.href, context);
    }
    return nextResolve(specifier, context);
  },
});
const docs = join(root, 'docs');
const work = mkdtempSync(join(tmpdir(), 'iam-audit-screenshots-'));
const chromium = process.env.CHROMIUM ?? 'chromium';
const WIDTH = 1012; // GitHub's content column

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/** Runs the bundle as the runner does; returns its job summary. */
async function runAction(name, inputs, env = {}) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const step = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: join(dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_REPOSITORY: 'octo-org/security-audits',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    'INPUT_FAIL-ON': 'never',
    ...env,
  };
  for (const [k, v] of Object.entries(inputs)) step[`INPUT_${k.toUpperCase()}`] = v;
  writeFileSync(step.GITHUB_OUTPUT, '');
  writeFileSync(step.GITHUB_STEP_SUMMARY, '');
  // asynchronous: the GitHub API server of the live run answers from this process
  const child = spawn(process.execPath, [join(root, 'dist', 'index.js')], {
    cwd: dir,
    env: step,
    stdio: 'pipe',
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const code = await new Promise((res) => child.on('close', (c) => res(c)));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${name}: the action exited ${code}\n${log}`);
  return readFileSync(step.GITHUB_STEP_SUMMARY, 'utf8');
}

async function startMoto() {
  const port = await freePort();
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  const failed = new Promise((_, rej) =>
    child.on('error', (e) => rej(new Error(`moto_server: ${e.message}`))),
  );
  for (let i = 0; i < 100; i++) {
    const up = await Promise.race([
      fetch(`${endpoint}/moto-api/`).then(
        () => true,
        () => false,
      ),
      failed,
    ]);
    if (up) return { endpoint, stop: () => child.kill('SIGTERM') };
    await new Promise((r) => setTimeout(r, 100)); // a tool, not a test: polling a starting server
  }
  child.kill('SIGKILL');
  throw new Error('moto_server did not start');
}

/** Live run on moto: one console user with a never-used key made at setup, into a local GitHub API. */
async function issueFromLiveRun() {
  const moto = await startMoto();
  const { startGitHubServer } = await import('../__tests__/helpers/github-server.ts');
  const gh = await startGitHubServer({ owner: 'octo-org', repo: 'security-audits' });
  try {
    const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
    const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials });
    for (const [UserName, Path] of [
      ['jdoe', '/engineering/'],
      ['build-bot', '/'],
    ]) {
      await iam.send(new CreateUserCommand({ UserName, Path }));
      await iam.send(new CreateLoginProfileCommand({ UserName, Password: 'Init1al-Passw0rd!' }));
      await iam.send(new CreateAccessKeyCommand({ UserName }));
    }
    await runAction(
      'live',
      {
        'create-issues': 'true',
        'github-token': 'ghs_screenshot',
        // moto's report says it was generated in 2015: measure from now instead
        'as-of': new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      },
      {
        AWS_ENDPOINT_URL: moto.endpoint,
        AWS_ACCESS_KEY_ID: 'testing',
        AWS_SECRET_ACCESS_KEY: 'testing',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
        AWS_CONFIG_FILE: '/nonexistent',
        GITHUB_API_URL: gh.url,
        GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`,
      },
    );
    const issue = gh.issues.find((i) => i.body?.includes('jdoe'));
    if (!issue) throw new Error('the live run opened no issue for jdoe');
    return { ...issue, repo: `${gh.owner}/${gh.repo}` };
  } finally {
    await gh.stop();
    moto.stop();
  }
}

const css = readFileSync(
  join(root, 'node_modules', 'github-markdown-css', 'github-markdown-light.css'),
  'utf8',
);

function page(inner) {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; background: #fff; font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.frame { box-sizing: border-box; width: ${WIDTH}px; padding: 24px; }
.box { border: 1px solid #d1d9e0; border-radius: 6px; }
.box-head { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0; font-size: 14px; color: #59636e; }
.box-head b { color: #1f2328; }
.markdown-body { padding: 16px 24px; font-size: 14px; }
.title { font-size: 32px; font-weight: 400; margin: 0 0 8px; color: #1f2328; }
.title span { color: #59636e; font-weight: 300; }
.meta { display: flex; gap: 8px; align-items: center; font-size: 14px; color: #59636e; margin-bottom: 16px; padding-bottom: 16px; border-bottom: 1px solid #d1d9e0; }
.state { background: #1f883d; color: #fff; border-radius: 2em; padding: 5px 12px; font-weight: 500; }
.label { border-radius: 2em; padding: 0 7px; font-size: 12px; font-weight: 500; line-height: 18px; border: 1px solid transparent; }
</style></head><body><div class="frame">${inner}</div>
<script>document.title = String(document.querySelector('.frame').getBoundingClientRect().height);</script>
</body></html>`;
}

function escapeHtml(s) {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

function chromiumArgs(profile) {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    '--force-device-scale-factor=1',
    `--user-data-dir=${profile}`,
  ];
}

/** Two passes: the page measures its own height (into the title), then the screenshot has that height. */
function screenshot(html, out) {
  const file = join(work, `${Date.now()}-${Math.random().toString(36).slice(2)}.html`);
  writeFileSync(file, html);
  const profile = mkdtempSync(join(work, 'chromium-'));
  const dom = execFileSync(chromium, [...chromiumArgs(profile), '--dump-dom', `file://${file}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const height = Math.ceil(Number(/<title>([\d.]+)<\/title>/.exec(dom)?.[1] ?? '2000'));
  execFileSync(
    chromium,
    [...chromiumArgs(profile), `--window-size=${WIDTH},${height}`, `--screenshot=${out}`, `file://${file}`],
    { stdio: 'ignore' },
  );
  console.log(`${out} (${WIDTH}x${height})`);
}

try {
  mkdirSync(docs, { recursive: true });
  // in a workspace of its own, so that the summary names the files as a user's run does (relative paths)
  mkdirSync(join(work, 'offline', 'examples'), { recursive: true });
  copyFileSync(
    join(root, 'examples', 'credential-report.csv'),
    join(work, 'offline', 'examples', 'credential-report.csv'),
  );
  const summary = await runAction('offline', {
    'credential-report': 'examples/credential-report.csv',
    'as-of': '2026-11-01T00:00:00Z', // the day the example report was downloaded
  });
  screenshot(
    page(
      `<div class="box"><div class="box-head"><b>audit</b> summary</div>` +
        `<div class="markdown-body">${marked.parse(summary)}</div></div>`,
    ),
    join(docs, 'job-summary.png'),
  );

  const issue = await issueFromLiveRun();
  const labels = issue.labels
    .map((l) => {
      const color = l === 'iam-initial-access-key' ? '#d73a4a' : '#0e8a16';
      return `<span class="label" style="background:${color}22;color:${color};border-color:${color}55">${escapeHtml(l)}</span>`;
    })
    .join(' ');
  screenshot(
    page(
      `<h1 class="title">${escapeHtml(issue.title)} <span>#${issue.number}</span></h1>` +
        `<div class="meta"><span class="state">Open</span><span><b>github-actions</b> opened this issue</span>${labels}</div>` +
        `<div class="box"><div class="box-head"><b>github-actions</b> bot</div>` +
        `<div class="markdown-body">${marked.parse(issue.body ?? '')}</div></div>`,
    ),
    join(docs, 'issue.png'),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
