/**
 * The filesystem side of `credential-report`: a path or glob -> the files it names.
 */
import { statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { globSync } from 'tinyglobby';

function kind(path: string): 'file' | 'dir' | null {
  try {
    const st = statSync(path);
    return st.isDirectory() ? 'dir' : 'file';
  } catch {
    return null;
  }
}

/**
 * Files matching `pattern`, sorted. A path that exists is returned as is, even when it contains
 * glob characters (`reports/[prod].csv`); a directory stands for the `*.csv` files in it. Paths come
 * back relative when the pattern is relative, absolute when it is absolute.
 */
export function expandGlob(pattern: string): string[] {
  const k = kind(pattern);
  if (k === 'file') return [pattern];
  if (k === 'dir') {
    return globSync('*.csv', { cwd: pattern, onlyFiles: true, absolute: isAbsolute(pattern) })
      .map((f) => (isAbsolute(f) ? f : `${pattern.replace(/[\\/]+$/, '')}/${f}`))
      .sort();
  }
  // tinyglobby wants forward slashes; on Windows a backslash is a separator, not an escape.
  const glob = process.platform === 'win32' ? pattern.replace(/\\/g, '/') : pattern;
  return globSync(glob, {
    onlyFiles: true,
    absolute: isAbsolute(pattern),
    expandDirectories: false,
    dot: false,
  }).sort();
}
