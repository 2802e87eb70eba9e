/**
 * The lines of a path-list input (`credential-report`): one path or glob per line, trimmed, blank lines
 * left out; commas are legal in paths and in glob braces. Free of imports: the main thread reads it
 * before anything else is loaded (threads.ts).
 */
export function inputLines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
