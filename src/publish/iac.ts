/**
 * Publishing an `iac` run (docs/design.md §11): the SARIF and JSON files (the OCSF file describes AWS accounts'
 * keys, so an iac run writes none), the outputs and the verdict. Nothing goes to GitHub or AWS; the
 * workflow uploads the SARIF.
 */
import type { Config, IacRun } from '../model.js';
import type { OutputName } from '../inputs/definitions.js';
import { reportFilesOf, type ReportFiles } from '../inputs/report-files.js';
import { iacExitCode, iacJson, iacOutputs, iacSarif } from '../report/iac.js';
import { jsonText } from '../report/json-text.js';
import { VERSION } from '../version.js';
import { writeFileAtomic } from './files.js';

export interface IacOutcome {
  written: ReportFiles;
  outputs: Record<OutputName, string>;
  exitCode: 0 | 1;
  verdict: string;
}

export async function publishIac(run: IacRun, config: Config): Promise<IacOutcome> {
  const files = reportFilesOf(config);
  const sarif = iacSarif(run, { toolVersion: VERSION, category: config.category });
  await writeFileAtomic(files.sarifFile, jsonText(sarif, new Map()));
  await writeFileAtomic(files.jsonFile, iacJson(run));
  const written: ReportFiles = { sarifFile: files.sarifFile, jsonFile: files.jsonFile };
  const { code, reason } = iacExitCode(run, config.failOn);
  return { written, outputs: iacOutputs(run, written), exitCode: code, verdict: reason };
}
