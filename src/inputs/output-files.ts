/**
 * The report files (`sarif-file`, `json-file`, ...) are checked before any AWS call: a run that would end
 * unable to write its results (or writing them over something else) fails at once with one input error
 * naming the input.
 */
import { specialFileKind } from '../file-kind.js';
import { accessSync, constants, realpathSync, statSync, statfsSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError, type Config } from '../model.js';
import { REPORT_FILES, reportPath, type ReportFileInput, type ReportFiles } from './report-files.js';

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
    `Input "${input}" is ${JSON.stringify(value)}: ${problem}; expected the path of a regular file in a writable folder (not under /proc, /sys or /dev), e.g. reports/iam.json.`,
  );
}

/** What an existing path that is not a regular file is, in words. */
function notRegular(st: Stats): string {
  if (st.isDirectory()) return 'it is a directory';
  const kind = specialFileKind(st);
  return kind === 'not a regular file' ? 'it is not a regular file' : `it is ${kind}, not a regular file`;
}

/**
 * Linux's pseudo file systems (statfs f_type, from linux/magic.h): their "files" are the kernel's
 * interfaces, not storage. Writing a report there could block, spin, fail late (after the whole audit,
 * and its AWS calls), or change the system (a new folder under cgroup is a new cgroup).
 */
const PSEUDO_FILE_SYSTEMS: ReadonlyMap<number, string> = new Map([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0xcafe4a11, 'bpf'],
  [0x62656570, 'configfs'],
  [0x6165676c, 'pstore'],
  [0xde5e81e4, 'efivarfs'],
  [0x19800202, 'mqueue'],
  [0x65735543, 'fusectl'],
  [0x42494e4d, 'binfmt_misc'],
  [0x6e736673, 'nsfs'],
  [0xf97cff8c, 'selinuxfs'],
  [0x43415d53, 'smackfs'],
  [0x958458f6, 'hugetlbfs'],
  [0x7655821, 'resctrl'],
]);

/**
 * The special file system `path` (an existing path) is on, or null. Linux only: elsewhere f_type means
 * other things, and an existing device or pipe is already refused by its own stat. /dev is devtmpfs,
 * which statfs cannot tell from a tmpfs: it is named by its path (/dev/shm, a tmpfs for files, is fine).
 */
function specialFileSystem(path: string): string | null {
  if (process.platform !== 'linux') return null;
  let real: string;
  let type: number;
  try {
    real = realpathSync(path);
    type = statfsSync(real).type >>> 0;
  } catch {
    return null; // unreadable: the writability test below says so
  }
  const pseudo = PSEUDO_FILE_SYSTEMS.get(type);
  if (pseudo !== undefined) return pseudo;
  if ((real === '/dev' || real.startsWith('/dev/')) && !/^\/dev\/shm(\/|$)/.test(real)) return 'devtmpfs';
  return null;
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
    const value = reportPath(config, key);
    if (value === null) continue; // an optional file that is not written
    const abs = resolve(cwd, value);
    const st = statOrNull(abs);
    if (st && !st.isFile()) throw bad(input, value, notRegular(st));
    const id = identity(value, cwd);
    const clash = others.get(id);
    if (clash) throw bad(input, value, `it is ${clash}`);
    others.set(id, `the same file as "${input}"`);
    // the nearest existing folder must be a writable folder, of an ordinary file system
    let dir = dirname(abs);
    let dst = statOrNull(dir);
    while (!dst && dirname(dir) !== dir) {
      dir = dirname(dir);
      dst = statOrNull(dir);
    }
    const special = specialFileSystem(st ? abs : dir);
    if (special !== null) throw bad(input, value, `it is on a special file system (${special})`);
    if (dst && !dst.isDirectory()) throw bad(input, value, `${dir} is a file, not a folder`);
    try {
      accessSync(dir, constants.W_OK);
      if (st) accessSync(abs, constants.W_OK);
    } catch {
      throw bad(input, value, `the folder ${dir} is not writable`);
    }
  }
}
