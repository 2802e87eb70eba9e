/**
 * The report formats, in one list: each is one pure renderer (in report/) registered here with the input
 * that names its file and the output that echoes the path. A new format is one module plus one line.
 */
import type { AuditResult, Config } from '../model.js';
import type { InputName, OutputName } from '../inputs/definitions.js';
import { sarifFileText } from '../report/sarif.js';
import { jsonFileText } from '../report/json.js';
import { VERSION } from '../version.js';

export interface ReportFormat {
  /** The input naming the file. */
  input: InputName;
  /** The step output that echoes the path written. */
  output: OutputName;
  /** The file's path, as the config holds it. */
  path(config: ReportFilesConfig): string;
  /** The file's text, in chunks (written as they come): a pure function of the result. */
  render(result: AuditResult, config: Pick<Config, 'category'>): Iterable<string>;
}

/** The config fields that hold the report paths. */
export type ReportFilesConfig = Pick<Config, 'sarifFile' | 'jsonFile'>;

/** Every format a run writes, in the order they are written. */
export const REPORT_FORMATS: readonly ReportFormat[] = [
  {
    input: 'sarif-file',
    output: 'sarif-file',
    path: (c) => c.sarifFile,
    render: (r, c) => sarifFileText(r, { toolVersion: VERSION, category: c.category ?? null }),
  },
  {
    input: 'json-file',
    output: 'json-file',
    path: (c) => c.jsonFile,
    render: (r) => jsonFileText(r),
  },
];

/** The paths of the report files, as the summary and the outputs name them. */
export function reportFiles(config: ReportFilesConfig): ReportFilesConfig {
  return { sarifFile: config.sarifFile, jsonFile: config.jsonFile };
}
