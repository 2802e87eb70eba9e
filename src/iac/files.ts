/**
 * The files an iac scan reads, and nothing else. The code of a pull request is written by whoever
 * opens it, so every path is confined to the scan root: patterns are matched inside it, links are not
 * followed out of it (a file or folder whose real path is outside is skipped with a note), and files
 * larger than the cap are skipped with a note. Paths are reported relative to the root, with `/`.
 */
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { escapePath, glob } from 'tinyglobby';
import { errorMessage } from '../errors.js';
import { mapWithConcurrency } from '../collect/pool.js';

/** Files larger than this are not read (a note says so). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Terraform plans are bigger than sources: their own cap. */
export const MAX_PLAN_BYTES = 64 * 1024 * 1024;

/** What a directory given as a pattern stands for. */
const SCANNED = '**/*.{tf,json,yaml,yml,template}';
const IGNORED = ['**/.git/**', '**/node_modules/**', '**/.terraform/**'];

/** An error's code (`ENOENT`), else its message: never the absolute path the message may contain. */
function reason(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : errorMessage(err);
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

export class ScanFiles {
  readonly notes: string[] = [];
  private readonly noted = new Set<string>();

  private constructor(readonly root: string) {}

  static async open(root: string): Promise<ScanFiles> {
    return new ScanFiles(await realpath(root));
  }

  note(text: string): void {
    if (this.noted.has(text)) return;
    this.noted.add(text);
    this.notes.push(text);
  }

  /** The root-relative POSIX path of a path, or null when it is outside the root. */
  private inside(abs: string): string | null {
    const rel = relative(this.root, abs);
    if (rel === '') return '.';
    if (rel.startsWith('..') || isAbsolute(rel)) return null;
    return toPosix(rel);
  }

  /** The files the patterns name (a directory: its Terraform and template files, recursively), sorted. */
  async match(patterns: string[]): Promise<string[]> {
    const out = new Set<string>();
    for (const pattern of patterns) {
      for (const f of await this.matchOne(pattern)) out.add(f);
    }
    return [...out].sort();
  }

  private async matchOne(pattern: string): Promise<string[]> {
    const abs = isAbsolute(pattern) ? pattern : join(this.root, pattern);
    const rel = this.inside(abs);
    const kind =
      rel === null
        ? null
        : await stat(abs).then(
            (s) => (s.isDirectory() ? 'dir' : 'file'),
            () => null,
          );
    if (kind !== null && (await this.real(rel as string)) === null) return [];
    if (kind === 'file') return [rel as string];
    let globbed: string;
    if (kind === 'dir') globbed = rel === '.' ? SCANNED : `${escapePath(rel as string)}/${SCANNED}`;
    else if (rel !== null) globbed = toPosix(isAbsolute(pattern) ? (rel as string) : pattern);
    else {
      this.note(`${pattern}: outside the scanned root; not read.`);
      return [];
    }
    const found = await glob(globbed, {
      cwd: this.root,
      onlyFiles: true,
      dot: true,
      followSymbolicLinks: false,
      expandDirectories: false,
      ignore: IGNORED,
    });
    const inside: string[] = [];
    for (const f of found) {
      const r = this.inside(join(this.root, f));
      if (r === null) this.note(`${f}: outside the scanned root; not read.`);
      else inside.push(r);
    }
    if (found.length === 0 && kind === null) this.note(`${pattern}: matched no file.`);
    return inside;
  }

  /**
   * The real path of a root-relative path when it stays inside the root; null (with a note, unless
   * `quiet` and it does not exist) if not.
   */
  private async real(rel: string, quiet = false): Promise<string | null> {
    let real: string;
    try {
      real = await realpath(join(this.root, rel));
    } catch (err) {
      if (!quiet) this.note(`${rel}: could not be read (${reason(err)}).`);
      return null;
    }
    if (this.inside(real) === null) {
      this.note(`${rel}: a link to outside the scanned root; not followed.`);
      return null;
    }
    return real;
  }

  /** The text of a root-relative file, or null (with a note) when it cannot or must not be read. */
  async read(rel: string, cap = MAX_FILE_BYTES): Promise<string | null> {
    const real = await this.real(rel);
    if (real === null) return null;
    try {
      const s = await stat(real);
      if (!s.isFile()) return null;
      if (s.size > cap) {
        this.note(`${rel}: larger than ${Math.round(cap / 1024 / 1024)} MiB; not read.`);
        return null;
      }
      return await readFile(real, 'utf8');
    } catch (err) {
      this.note(`${rel}: could not be read (${reason(err)}).`);
      return null;
    }
  }

  /** The first bytes of a file (to tell a plan from other JSON before reading it whole). */
  async head(rel: string, bytes = 512): Promise<string> {
    const real = await this.real(rel);
    if (real === null) return '';
    try {
      const fh = await open(real, 'r');
      try {
        const buf = Buffer.alloc(bytes);
        const { bytesRead } = await fh.read(buf, 0, bytes, 0);
        return buf.subarray(0, bytesRead).toString('utf8');
      } finally {
        await fh.close();
      }
    } catch {
      return '';
    }
  }

  async size(rel: string): Promise<number> {
    const real = await this.real(rel);
    if (real === null) return 0;
    return stat(real).then(
      (s) => s.size,
      () => 0,
    );
  }

  /** Names of the files in a root-relative directory whose names end with `suffix`; [] if none. */
  async list(dir: string, suffix: string): Promise<string[]> {
    const real = await this.real(dir, true);
    if (real === null) return [];
    try {
      const entries = await readdir(real, { withFileTypes: true });
      return entries
        .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.endsWith(suffix))
        .map((e) => e.name)
        .sort();
    } catch {
      return [];
    }
  }

  /** Whether a root-relative path exists inside the root (links out of it do not count). */
  async exists(rel: string): Promise<boolean> {
    try {
      const real = await realpath(join(this.root, rel));
      return this.inside(real) !== null;
    } catch {
      return false;
    }
  }

  /** Reads many files, 32 at a time, in order. */
  readAll(paths: string[], cap = MAX_FILE_BYTES): Promise<Array<string | null>> {
    return mapWithConcurrency(paths, 32, (p) => this.read(p, cap));
  }
}

/** `a/b` joined with `../c` as a root-relative POSIX path, or null when it leaves the root. */
export function joinRel(dir: string, path: string): string | null {
  const parts = dir === '.' || dir === '' ? [] : dir.split('/');
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.length === 0 ? '.' : parts.join('/');
}
