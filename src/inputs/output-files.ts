/**
 * The report files (`sarif-file`, `json-file`, ...) are checked before any AWS call: a run that would end
 * unable to write its results (or writing them over something else) fails at once with one input error
 * naming the input.
 */
import { accessSync, constants, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError, type Config } from '../model.js';
import { REPORT_FILES, type ReportFileInput, type ReportFiles } from './report-files.js';

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** The file's identity: device and inode when it exists, else its absolute path with the folders resolved. */
function identity(path: string, cwd: string): string {
  const abs = resolve(cwd, path);
  const st = statOrNull(abs);
  if (st) return `inode:${st.dev}:${st.ino}`;
  let dir = dirname(abs);
  try {
    dir = realpathSync(dir);
  } catch {
    // a folder that does not exist yet: the path as written
  }
  return `path:${resolve(dir, abs.slice(dirname(abs).length + 1))}`;
}

function bad(input: ReportFileInput, value: string, problem: string): InputError {
  return new InputError(
    input,
    `Input "${input}" is ${JSON.stringify(value)}: ${problem}; expected a path of a file this step can write, e.g. reports/iam.json.`,
  );
}

/** Throws an InputError for the first output path that cannot (or must not) be written. */
export function checkOutputFiles(
  config: ReportFiles & Pick<Config, 'credentialReports'>,
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): void {
  const cwd = opts.cwd ?? process.cwd();
  const env = opts.env ?? process.env;
  const others = new Map<string, string>();
  for (const report of config.credentialReports)
    others.set(identity(report, cwd), `the credential report ${report}`);
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STATE']) {
    const v = env[name];
    if (v) others.set(identity(v, cwd), `the runner's $${name} file`);
  }
  for (const { name: input, key } of REPORT_FILES) {
    const value = config[key];
    const abs = resolve(cwd, value);
    const st = statOrNull(abs);
    if (st?.isDirectory()) throw bad(input, value, 'it is a directory');
    if (st && !st.isFile()) throw bad(input, value, 'it is not a regular file');
    const id = identity(value, cwd);
    const clash = others.get(id);
    if (clash) throw bad(input, value, `it is ${clash}`);
    others.set(id, `the same file as "${input}"`);
    // the nearest existing folder must be a writable folder
    let dir = dirname(abs);
    let dst = statOrNull(dir);
    while (!dst && dirname(dir) !== dir) {
      dir = dirname(dir);
      dst = statOrNull(dir);
    }
    if (dst && !dst.isDirectory()) throw bad(input, value, `${dir} is a file, not a folder`);
    try {
      accessSync(dir, constants.W_OK);
      if (st) accessSync(abs, constants.W_OK);
    } catch {
      throw bad(input, value, `the folder ${dir} is not writable`);
    }
  }
}
