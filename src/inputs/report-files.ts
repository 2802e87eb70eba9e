/**
 * The report files, one line each: the Config field that holds the path (`key`), the input that names
 * it and the output that echoes it (`name`, the same for both), how the summary names it (`label`), and
 * its action.yml default and description. The inputs, outputs, config, output-file checks, CLI flags and
 * summary all follow this list; publish/formats.ts registers a renderer under each `key` (a missing one
 * is a compile error). A new format is one renderer in report/ plus one line here and one there.
 */
export const REPORT_FILES = [
  {
    key: 'sarifFile',
    name: 'sarif-file',
    label: 'SARIF',
    default: 'iam-initial-access-keys.sarif',
    description: 'Where to write the SARIF 2.1.0 report (for github/codeql-action/upload-sarif).',
  },
  {
    key: 'jsonFile',
    name: 'json-file',
    label: 'JSON',
    default: 'iam-initial-access-keys.json',
    description: 'Where to write the machine-readable JSON report.',
  },
] as const;

export type ReportFile = (typeof REPORT_FILES)[number];
/** The Config field of a report file's path: `sarifFile`, `jsonFile`. */
export type ReportFileKey = ReportFile['key'];
/** The input (and output) naming a report file: `sarif-file`, `json-file`. */
export type ReportFileInput = ReportFile['name'];
/** The path of every report file, by its key. */
export type ReportFiles = Record<ReportFileKey, string>;

/** Just the report paths of a config (or of anything holding them). */
export function reportFilesOf(from: ReportFiles): ReportFiles {
  return Object.fromEntries(REPORT_FILES.map((f) => [f.key, from[f.key]])) as ReportFiles;
}
