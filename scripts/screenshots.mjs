// npm run screenshots: regenerates docs/job-summary.png, docs/issue.png, docs/sample-issue.md,
// docs/iac-annotation.png and docs/iac-summary.png from real runs of the bundle (dist/index.js, run as the
// Actions runner runs it). One part alone: `npm run screenshots -- iac` or `SCREENSHOTS=iac npm run
// screenshots` (parts: summary, issue, iac; comma- or space-separated; all three by default):
// - the job summary of the offline audit of examples/credential-report.csv (as `npm run demo`), from a run
//   with history, as a real run with `github.token` has it: the tests' local GitHub API
//   (__tests__/helpers/github-server.ts) holds code scanning alerts of earlier runs (with their
//   `created_at`), so the summary shows when each key was first reported, what is new and what was
//   resolved since;
// - the issue that `create-issues: true` opens, from a live audit of a moto account (moto_server on a
//   free loopback port, ambient test credentials; the keys' CloudTrail events from the tests' local
//   CloudTrail, __tests__/helpers/cloudtrail-server.ts) into the same local GitHub API; its body, exactly as
//   the action sent it, is also written to docs/sample-issue.md;
// - iac: the run of a pull request's workflow (examples/workflows/pull-request-iac.yml, `iac: .`) on a copy of
//   the project's own Terraform fixture __tests__/fixtures/iac/terraform/basic (written for the tests) as
//   iam/main.tf in the workspace: its job summary (docs/iac-summary.png) and docs/iac-annotation.png, a
//   rendering of the run's first SARIF result in the style of GitHub's "Files changed" view of a pull request
//   that adds the file (a compact imitation in HTML/CSS, not a screenshot of github.com): the real lines of the
//   scanned file around the result's startLine, with the annotation box under it; the rule id and name, its
//   short description, the level and security severity labels and the message all come from the SARIF.
// The Markdown is rendered as GitHub renders it: marked, GitHub's alert blocks (`> [!NOTE]`,
// `> [!WARNING]`, ... with their icon, title and colour, as GitHub's HTML has them) and GitHub's
// Markdown CSS (github-markdown-css), photographed with Debian's headless Chromium (`apt-get install -y
// chromium fonts-noto-color-emoji`, the font for the verdict's emoji). Not run in CI. Needs
// `npm run build` first, Node 24 (npm runs it on node_modules/node; the GitHub server helper is
// TypeScript) and moto (the issue part only).
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
import { Marked } from 'marked';

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

/** Runs the bundle as the runner does, in work/NAME; returns its job summary and that folder. */
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
  return { summary: readFileSync(step.GITHUB_STEP_SUMMARY, 'utf8'), dir };
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

const AS_OF = '2026-11-01T00:00:00Z'; // the day the example report was downloaded
const DAY = 86_400_000;

/** The offline audit of the example report, in a workspace of its own (the summary names the files relative to it). */
function offlineRun(name, env) {
  mkdirSync(join(work, name, 'examples'), { recursive: true });
  copyFileSync(
    join(root, 'examples', 'credential-report.csv'),
    join(work, name, 'examples', 'credential-report.csv'),
  );
  return runAction(
    name,
    {
      'credential-report': 'examples/credential-report.csv',
      'as-of': AS_OF,
      'github-token': 'ghs_screenshot',
    },
    env,
  );
}

/**
 * The job summary of a nightly run with history: the local GitHub API holds the code scanning alerts of
 * earlier runs (this tool's, with their `created_at`), as GitHub does for a workflow with `github.token`.
 * The earlier runs reported every key of the example but the last (reported 41, 27 and 13 days before,
 * never before its key was made), and one key that has since been deleted: the summary shows when each
 * key was first reported, one new finding and one resolved.
 */
async function summaryWithHistory() {
  const { startGitHubServer } = await import('../__tests__/helpers/github-server.ts');
  const gh = await startGitHubServer({ owner: 'octo-org', repo: 'security-audits' });
  try {
    const env = { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}` };
    // which keys the report has and where (a finding's location is its alert's path): a first run
    const earlier = await offlineRun('earlier', env);
    const findings = JSON.parse(readFileSync(join(earlier.dir, 'iam-initial-access-keys.json'), 'utf8'))
      .findings.filter((f) => !f.exempted)
      .sort((a, b) => a.location.localeCompare(b.location));
    if (findings.length < 2) throw new Error('the example report should have at least two findings');
    findings.slice(0, -1).forEach((f, i) => {
      const reported = Math.max(
        Date.parse(AS_OF) - (41 - 14 * (i % 3)) * DAY,
        Date.parse(f.keyCreatedAt) + DAY,
      );
      gh.addAlert({ path: f.location, created_at: new Date(reported).toISOString().replace(/\.\d+Z$/, 'Z') });
    });
    const gone = findings[0].location.replace(
      /\/iam\/user\/.*$/,
      '/iam/user/kevin.osei/key-created-20250612T081533Z',
    );
    gh.addAlert({ path: gone, created_at: '2025-09-01T03:20:00Z' });
    const { summary } = await offlineRun('offline', env);
    if (!/Since earlier runs: 1 new, 1 resolved/.test(summary)) {
      throw new Error(`the summary does not show the history:\n${summary}`);
    }
    return summary;
  } finally {
    await gh.stop();
  }
}

/** Live run on moto: one console user with a never-used key made at setup, into a local GitHub API. */
async function issueFromLiveRun() {
  const moto = await startMoto();
  const { startGitHubServer } = await import('../__tests__/helpers/github-server.ts');
  const gh = await startGitHubServer({ owner: 'octo-org', repo: 'security-audits' });
  // moto has no LookupEvents: the tests' local CloudTrail holds the keys' CreateAccessKey events, as an
  // administrator in the console (jdoe) and Terraform in CI (build-bot) would have left them
  const { startCloudTrail } = await import('../__tests__/helpers/cloudtrail-server.ts');
  const { madeInConsole, madeByTerraform } = await import('../__tests__/fixtures/cloudtrail-events.ts');
  const trail = await startCloudTrail({ ratePerSecond: Infinity });
  try {
    const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
    const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials });
    for (const [UserName, Path, made] of [
      ['jdoe', '/engineering/', madeInConsole],
      ['build-bot', '/', madeByTerraform],
    ]) {
      await iam.send(new CreateUserCommand({ UserName, Path }));
      await iam.send(new CreateLoginProfileCommand({ UserName, Password: 'Init1al-Passw0rd!' }));
      const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName }));
      const key = {
        account: '123456789012',
        userName: UserName,
        accessKeyId: AccessKey.AccessKeyId,
        keyCreatedAt: AccessKey.CreateDate.getTime(),
      };
      trail.addEvents(key.account, made(key));
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
        AWS_ENDPOINT_URL_CLOUDTRAIL: trail.endpoint,
        GITHUB_API_URL: gh.url,
        GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`,
      },
    );
    const issue = gh.issues.find((i) => i.body?.includes('jdoe'));
    if (!issue) throw new Error('the live run opened no issue for jdoe');
    return { ...issue, repo: `${gh.owner}/${gh.repo}` };
  } finally {
    await trail.stop();
    await gh.stop();
    moto.stop();
  }
}

/**
 * GitHub's alert blocks: a blockquote whose first line is `[!NOTE]` (TIP, IMPORTANT, WARNING, CAUTION)
 * becomes GitHub's `markdown-alert` block, with the octicon and title GitHub puts in it (github-markdown-css
 * colours them).
 */
const ALERTS = {
  NOTE: {
    icon: 'info',
    path: 'M0 8a8 8 0 1 1 16 0A8 8 0 0 1 0 8Zm8-6.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM6.5 7.75A.75.75 0 0 1 7.25 7h1a.75.75 0 0 1 .75.75v2.75h.25a.75.75 0 0 1 0 1.5h-2a.75.75 0 0 1 0-1.5h.25v-2h-.25a.75.75 0 0 1-.75-.75ZM8 6a1 1 0 1 1 0-2 1 1 0 0 1 0 2Z',
  },
  TIP: {
    icon: 'light-bulb',
    path: 'M8 1.5c-2.363 0-4 1.69-4 3.75 0 .984.424 1.625.984 2.304l.214.253c.223.264.47.556.673.848.284.411.537.896.621 1.49a.75.75 0 0 1-1.484.211c-.04-.282-.163-.547-.37-.847a8.456 8.456 0 0 0-.542-.68c-.084-.1-.173-.205-.268-.32C3.201 7.75 2.5 6.766 2.5 5.25 2.5 2.31 4.863 0 8 0s5.5 2.31 5.5 5.25c0 1.516-.701 2.5-1.328 3.259-.095.115-.184.22-.268.319-.207.245-.383.453-.541.681-.208.3-.33.565-.37.847a.751.751 0 0 1-1.485-.212c.084-.593.337-1.078.621-1.489.203-.292.45-.584.673-.848.075-.088.147-.173.213-.253.561-.679.985-1.32.985-2.304 0-2.06-1.637-3.75-4-3.75ZM5.75 12h4.5a.75.75 0 0 1 0 1.5h-4.5a.75.75 0 0 1 0-1.5ZM6 15.25a.75.75 0 0 1 .75-.75h2.5a.75.75 0 0 1 0 1.5h-2.5a.75.75 0 0 1-.75-.75Z',
  },
  IMPORTANT: {
    icon: 'report',
    path: 'M0 1.75C0 .784.784 0 1.75 0h12.5C15.216 0 16 .784 16 1.75v9.5A1.75 1.75 0 0 1 14.25 13H8.06l-2.573 2.573A1.458 1.458 0 0 1 3 14.543V13H1.75A1.75 1.75 0 0 1 0 11.25Zm1.75-.25a.25.25 0 0 0-.25.25v9.5c0 .138.112.25.25.25h2a.75.75 0 0 1 .75.75v2.19l2.72-2.72a.749.749 0 0 1 .53-.22h6.5a.25.25 0 0 0 .25-.25v-9.5a.25.25 0 0 0-.25-.25Zm7 2.25v2.5a.75.75 0 0 1-1.5 0v-2.5a.75.75 0 0 1 1.5 0ZM9 9a1 1 0 1 1-2 0 1 1 0 0 1 2 0Z',
  },
  WARNING: {
    icon: 'alert',
    path: 'M6.457 1.047c.659-1.234 2.427-1.234 3.086 0l6.082 11.378A1.75 1.75 0 0 1 14.082 15H1.918a1.75 1.75 0 0 1-1.543-2.575Zm1.763.707a.25.25 0 0 0-.44 0L1.698 13.132a.25.25 0 0 0 .22.368h12.164a.25.25 0 0 0 .22-.368Zm.53 3.996v2.5a.75.75 0 0 1-1.5 0v-2.5a.75.75 0 0 1 1.5 0ZM9 11a1 1 0 1 1-2 0 1 1 0 0 1 2 0Z',
  },
  CAUTION: {
    icon: 'stop',
    path: 'M4.47.22A.749.749 0 0 1 5 0h6c.199 0 .389.079.53.22l4.25 4.25c.141.14.22.331.22.53v6a.749.749 0 0 1-.22.53l-4.25 4.25A.749.749 0 0 1 11 16H5a.749.749 0 0 1-.53-.22L.22 11.53A.749.749 0 0 1 0 11V5c0-.199.079-.389.22-.53Zm.84 1.28L1.5 5.31v5.38l3.81 3.81h5.38l3.81-3.81V5.31L10.69 1.5ZM8 4a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 8 4Zm0 8a1 1 0 1 1 0-2 1 1 0 0 1 0 2Z',
  },
};

const markdown = new Marked({ gfm: true });
markdown.use({
  renderer: {
    blockquote({ text }) {
      const m = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/.exec(text);
      if (!m) return false; // an ordinary quote
      const kind = m[1];
      const { icon, path } = ALERTS[kind];
      const title = kind[0] + kind.slice(1).toLowerCase();
      const svg =
        `<svg class="octicon octicon-${icon} mr-2" viewBox="0 0 16 16" version="1.1" width="16" height="16" ` +
        `aria-hidden="true"><path d="${path}"></path></svg>`;
      return (
        `<div class="markdown-alert markdown-alert-${kind.toLowerCase()}" dir="auto">` +
        `<p class="markdown-alert-title" dir="auto">${svg}${title}</p>` +
        `${markdown.parse(text.slice(m[0].length))}</div>\n`
      );
    },
  },
});

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
.title code { font-size: 85%; padding: .2em .4em; border-radius: 6px; background: #818b981f; font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
.meta { display: flex; gap: 8px; align-items: center; font-size: 14px; color: #59636e; margin-bottom: 16px; padding-bottom: 16px; border-bottom: 1px solid #d1d9e0; }
.state { background: #1f883d; color: #fff; border-radius: 2em; padding: 5px 12px; font-weight: 500; }
.markdown-body .mr-2 { margin-right: 8px; }
.label { border-radius: 2em; padding: 0 7px; font-size: 12px; font-weight: 500; line-height: 18px; border: 1px solid transparent; }
</style></head><body><div class="frame">${inner}</div>
<script>document.title = String(document.querySelector('.frame').getBoundingClientRect().height);</script>
</body></html>`;
}

function escapeHtml(s) {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/** An issue title as GitHub shows it: text, with `code` spans. */
function codeSpans(s) {
  return s
    .split(/(`[^`]+`)/)
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : escapeHtml(part)))
    .join('');
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

/** The values a step wrote to GITHUB_OUTPUT (`name<<delimiter` blocks, as @actions/core writes them). */
function stepOutputs(dir) {
  const outputs = {};
  const re = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n?\2$/gm;
  for (const [, name, , value] of readFileSync(join(dir, 'output.txt'), 'utf8').matchAll(re)) {
    outputs[name] = value;
  }
  return outputs;
}

/**
 * The iac run of examples/workflows/pull-request-iac.yml (`iac: .`) on a copy of the project's Terraform
 * fixture, as iam/main.tf of the workspace: its summary, its SARIF (the file the `sarif-file` output names)
 * and the workspace the SARIF's paths are relative to.
 */
async function iacRun() {
  const dir = join(work, 'iac');
  mkdirSync(join(dir, 'iam'), { recursive: true });
  copyFileSync(
    join(root, '__tests__', 'fixtures', 'iac', 'terraform', 'basic', 'main.tf'),
    join(dir, 'iam', 'main.tf'),
  );
  const { summary } = await runAction('iac', { iac: '.' });
  const sarifFile = stepOutputs(dir)['sarif-file'];
  if (!sarifFile) throw new Error('the iac run wrote no SARIF');
  const sarif = JSON.parse(readFileSync(resolve(dir, sarifFile), 'utf8'));
  return { summary, sarif, workspace: dir };
}

const X_CIRCLE_FILL =
  'M2.343 13.657A8 8 0 1 1 13.658 2.343 8 8 0 0 1 2.343 13.657ZM6.03 4.97a.751.751 0 0 0-1.042.018.751.751 0 0 0-.018 1.042L6.94 8 4.97 9.97a.749.749 0 0 0 .326 1.275.749.749 0 0 0 .734-.215L8 9.06l1.97 1.97a.749.749 0 0 0 1.275-.326.749.749 0 0 0-.215-.734L9.06 8l1.97-1.97a.749.749 0 0 0-.326-1.275.749.749 0 0 0-.734.215L8 6.94Z';
const CHEVRON_DOWN =
  'M12.78 5.22a.749.749 0 0 1 0 1.06l-4.25 4.25a.749.749 0 0 1-1.06 0L3.22 6.28a.749.749 0 1 1 1.06-1.06L8 8.94l3.72-3.72a.749.749 0 0 1 1.06 0Z';

/** GitHub's names for a SARIF level and for a rule's `security-severity` score. */
const LEVELS = { error: 'Error', warning: 'Warning', note: 'Note' };
function securitySeverity(score) {
  if (!(score > 0)) return null;
  return score >= 9 ? 'Critical' : score >= 7 ? 'High' : score >= 4 ? 'Medium' : 'Low';
}

/** One line of Terraform with the colours GitHub's highlighter gives HCL (comments, block types, strings). */
function highlightHcl(line) {
  if (/^\s*(#|\/\/)/.test(line)) return `<span class="pl-c">${escapeHtml(line)}</span>`;
  return line
    .split(/("(?:[^"\\]|\\.)*")/)
    .map((part, i) => {
      if (i % 2 === 1) return `<span class="pl-s">${escapeHtml(part)}</span>`;
      return escapeHtml(part)
        .replace(
          /^(\s*)(resource|data|module|variable|output|locals|provider)\b/,
          '$1<span class="pl-k">$2</span>',
        )
        .replace(/^(\s*)([\w-]+)(\s*=)/, '$1<span class="pl-v">$2</span>$3');
    })
    .join('');
}

const ANNOTATION_CSS = `<style>
.diff { border: 1px solid #d1d9e0; border-radius: 6px; overflow: hidden; font-size: 12px; color: #1f2328; }
.diff-head { display: flex; align-items: center; gap: 8px; padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; font-size: 14px; }
.diff-head svg { fill: #59636e; }
.diff-head .path { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 12px; font-weight: 600; }
.diff-head .stat { color: #1a7f37; font-weight: 600; font-size: 12px; }
.diff table { border-collapse: collapse; width: 100%; font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; line-height: 20px; }
.diff td.num { width: 1%; min-width: 40px; padding: 0 10px; text-align: right; color: #1f2328a0; background: #aceebb; user-select: none; }
.diff td.code { background: #dafbe1; padding: 0 10px; white-space: pre; }
.diff td.code::before { content: "+"; display: inline-block; width: 14px; }
.pl-c { color: #59636e; } .pl-k { color: #cf222e; } .pl-s { color: #0a3069; } .pl-v { color: #0550ae; }
.annotation-row > td { padding: 8px 16px; background: #fff; border-top: 1px solid #d1d9e0; border-bottom: 1px solid #d1d9e0; }
.annotation { border: 1px solid #d1d9e0; border-radius: 6px; font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.5; white-space: normal; }
.annotation .ann-head { display: flex; align-items: center; gap: 8px; padding: 8px 16px; border-bottom: 1px solid #d1d9e0; background: #f6f8fa; border-radius: 6px 6px 0 0; }
.annotation .ann-head svg { fill: #d1242f; }
.annotation .ann-head .kind { color: #d1242f; font-weight: 600; }
.annotation .ann-head .tool { color: #59636e; }
.annotation .ann-body { padding: 12px 16px; }
.annotation .rule { display: flex; align-items: center; flex-wrap: wrap; gap: 8px; font-weight: 600; }
.annotation .rule-id { color: #59636e; font-size: 12px; font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; margin-top: 2px; }
.annotation .msg { margin-top: 8px; }
.annotation .more { margin-top: 8px; color: #0969da; font-size: 12px; }
.annotation .sev { border: 1px solid; border-radius: 2em; padding: 0 7px; font-size: 12px; font-weight: 500; line-height: 18px; }
.annotation .sev-level { color: #d1242f; border-color: #ff818266; }
.annotation .sev-security { color: #bc4c00; border-color: #fb8f4466; }
</style>`;

/**
 * The first result of the iac run's SARIF as GitHub's "Files changed" view of a pull request that adds the
 * file shows it: the scanned file's lines around the result's startLine (a new file: every line an addition)
 * and, under the flagged line, the code scanning annotation with what the SARIF gives (tool, rule, level,
 * security severity, message). An imitation of GitHub's look, not a screenshot of github.com.
 */
function annotationHtml({ sarif, workspace }) {
  const run = sarif.runs[0];
  const result = run.results[0];
  if (!result) throw new Error('the iac run reported no result');
  const rule =
    run.tool.driver.rules[result.ruleIndex ?? -1] ??
    run.tool.driver.rules.find((r) => r.id === result.ruleId);
  const { artifactLocation, region } = result.locations[0].physicalLocation;
  const lines = readFileSync(join(workspace, artifactLocation.uri), 'utf8').replace(/\n$/, '').split('\n');
  const at = region.startLine;
  if (!/^\s*resource "aws_iam_access_key"/.test(lines[at - 1] ?? '')) {
    throw new Error(`${artifactLocation.uri}:${at} does not open an access key: ${lines[at - 1]}`);
  }
  const level = LEVELS[result.level ?? rule.defaultConfiguration?.level ?? 'warning'];
  const security = securitySeverity(Number(rule.properties?.['security-severity']));
  const row = (n) =>
    `<tr${n === at ? ' class="flagged"' : ''}><td class="num"></td><td class="num">${n}</td>` +
    `<td class="code">${highlightHcl(lines[n - 1])}</td></tr>`;
  const from = Math.max(1, at - 10);
  const to = Math.min(lines.length, at + 2);
  const rows = [];
  for (let n = from; n <= to; n++) {
    rows.push(row(n));
    if (n !== at) continue;
    rows.push(
      `<tr class="annotation-row"><td colspan="3"><div class="annotation">` +
        `<div class="ann-head"><svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="${X_CIRCLE_FILL}"></path></svg>` +
        `<span class="kind">Check failure</span><span class="tool">Code scanning / ${escapeHtml(run.tool.driver.name)}</span></div>` +
        `<div class="ann-body"><div class="rule">${escapeHtml(rule.shortDescription.text)}` +
        `<span class="sev sev-level">${level}</span>` +
        (security ? `<span class="sev sev-security">${security}</span>` : '') +
        `</div><div class="rule-id">${escapeHtml(rule.id)} · ${escapeHtml(rule.name)}</div>` +
        `<div class="msg">${escapeHtml(result.message.text)}</div>` +
        `<div class="more">Show more details</div></div></div></td></tr>`,
    );
  }
  return (
    ANNOTATION_CSS +
    `<div class="diff"><div class="diff-head"><svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="${CHEVRON_DOWN}"></path></svg>` +
    `<span class="stat">+${lines.length}</span><span class="path">${escapeHtml(artifactLocation.uri)}</span></div>` +
    `<table>${rows.join('')}</table></div>`
  );
}

const PARTS = ['summary', 'issue', 'iac'];
const asked = process.argv.slice(2).length
  ? process.argv.slice(2)
  : (process.env.SCREENSHOTS ?? '').split(/[\s,]+/).filter((p) => p !== '');
const parts = asked.length > 0 ? asked : PARTS;
for (const p of parts) {
  if (!PARTS.includes(p)) throw new Error(`unknown part ${p}: the parts are ${PARTS.join(', ')}`);
}

try {
  mkdirSync(docs, { recursive: true });
  if (parts.includes('summary')) {
    const summary = await summaryWithHistory();
    screenshot(
      page(
        `<div class="box"><div class="box-head"><b>audit</b> summary</div>` +
          `<div class="markdown-body">${markdown.parse(summary)}</div></div>`,
      ),
      join(docs, 'job-summary.png'),
    );
  }

  if (parts.includes('issue')) {
    const issue = await issueFromLiveRun();
    const labels = issue.labels
      .map((l) => {
        const color = l === 'iam-initial-access-key' ? '#d73a4a' : '#0e8a16';
        return `<span class="label" style="background:${color}22;color:${color};border-color:${color}55">${escapeHtml(l)}</span>`;
      })
      .join(' ');
    screenshot(
      page(
        `<h1 class="title">${codeSpans(issue.title)} <span>#${issue.number}</span></h1>` +
          `<div class="meta"><span class="state">Open</span><span><b>github-actions</b> opened this issue</span>${labels}</div>` +
          `<div class="box"><div class="box-head"><b>github-actions</b> bot</div>` +
          `<div class="markdown-body">${markdown.parse(issue.body ?? '')}</div></div>`,
      ),
      join(docs, 'issue.png'),
    );
    // the body exactly as the action sent it (the page only shows it rendered)
    writeFileSync(
      join(docs, 'sample-issue.md'),
      `<!-- Generated by \`npm run screenshots\` (scripts/screenshots.mjs): the body of the issue the action ` +
        `opened in a live run on moto, titled: ${issue.title.replace(/--/g, '- -')} -->\n\n${issue.body}`,
    );
    console.log(`${join(docs, 'sample-issue.md')}`);
  }

  if (parts.includes('iac')) {
    const iac = await iacRun();
    screenshot(page(annotationHtml(iac)), join(docs, 'iac-annotation.png'));
    screenshot(
      page(
        `<div class="box"><div class="box-head"><b>iac</b> summary</div>` +
          `<div class="markdown-body">${markdown.parse(iac.summary)}</div></div>`,
      ),
      join(docs, 'iac-summary.png'),
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
