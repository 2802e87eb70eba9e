/**
 * The report files, one line each: the Config field that holds the path (`key`), the input that names
 * it and the output that echoes it (`name`, the same for both), how the summary names it (`label`), and
 * its action.yml default and description. The inputs, outputs, config, output-file checks, CLI flags and
 * summary all follow this list; publish/formats.ts registers a renderer under each `key` (a missing one
 * is a compile error). A new format is one renderer in report/ plus one line here and one there.
 *
 * An `optional` file has no default: it is written only when its input names a path (empty: not written,
 * its Config field absent and its output empty). The others are always written.
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
  {
    key: 'ocsfFile',
    name: 'ocsf-file',
    label: 'OCSF',
    description:
      'Where to write OCSF 1.6 Compliance Findings (class 2003), one per failing key, as a JSON array. Empty: not written.',
    optional: true,
  },
] as const satisfies readonly ReportFileSpec[];

interface ReportFileSpec {
  key: string;
  name: string;
  label: string;
  /** Absent only for an optional file. */
  default?: string;
  description: string;
  /** Written only when a path is given (no default). */
  optional?: true;
}

export type ReportFile = (typeof REPORT_FILES)[number];
/** The Config field of a report file's path: `sarifFile`, `jsonFile`. */
export type ReportFileKey = ReportFile['key'];
/** The input (and output) naming a report file: `sarif-file`, `json-file`. */
export type ReportFileInput = ReportFile['name'];
/** The Config field of an optional report file (written only when a path is given). */
type OptionalReportFileKey = Extract<ReportFile, { optional: true }>['key'];
/** The path of every report file, by its key; an optional file's is absent (or empty) when not written. */
export type ReportFiles = Record<Exclude<ReportFileKey, OptionalReportFileKey>, string> &
  Partial<Record<OptionalReportFileKey, string>>;

/** Just the report paths of a config (or of anything holding them). */
export function reportFilesOf(from: ReportFiles): ReportFiles {
  return Object.fromEntries(
    REPORT_FILES.flatMap((f) => (from[f.key] === undefined ? [] : [[f.key, from[f.key]]])),
  ) as ReportFiles;
}

/** The path a report file is written to, or null when it is not (an optional file without a path). */
export function reportPath(files: ReportFiles, key: ReportFileKey): string | null {
  const path = files[key];
  return path === undefined || path === '' ? null : path;
}
