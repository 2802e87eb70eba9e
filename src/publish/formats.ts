/**
 * The report formats: each is one pure renderer (in report/) registered here under its key in
 * inputs/report-files.ts, which names its input, output and summary label. The record must have every
 * key (a format without a renderer does not compile). A new format is one module plus one line here and
 * one line there.
 */
import type { AuditResult, Config } from '../model.js';
import { REPORT_FILES, type ReportFile, type ReportFileKey } from '../inputs/report-files.js';
import { sarifFileText } from '../report/sarif.js';
import { jsonFileText } from '../report/json.js';
import { ocsfFileText } from '../report/ocsf.js';
import { VERSION } from '../version.js';

/** A format's file text, in chunks (written as they come): a pure function of the result. */
type Renderer = (result: AuditResult, config: Pick<Config, 'category'>) => Iterable<string>;

const RENDERERS: { readonly [K in ReportFileKey]: Renderer } = {
  sarifFile: (r, c) => sarifFileText(r, { toolVersion: VERSION, category: c.category }),
  jsonFile: (r) => jsonFileText(r),
  ocsfFile: (r) => ocsfFileText(r),
};

export type ReportFormat = ReportFile & { render: Renderer };

/** Every format a run writes, in the order they are written (the list's: SARIF first). */
export const REPORT_FORMATS: readonly ReportFormat[] = REPORT_FILES.map((f) => ({
  ...f,
  render: RENDERERS[f.key],
}));
