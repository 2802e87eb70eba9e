import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AuditResult } from '../model.js';
import { buildSarif } from './sarif.js';
import { buildJsonReport } from './json.js';
import { VERSION } from '../version.js';

async function writeText(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, 'utf8');
}

/** Writes the SARIF log (always, even with zero results: that is what closes fixed alerts) and the JSON report. */
export async function writeReportFiles(
  result: AuditResult,
  paths: { sarifFile: string; jsonFile: string; category?: string | null },
): Promise<void> {
  await writeText(
    paths.sarifFile,
    JSON.stringify(buildSarif(result, { toolVersion: VERSION, category: paths.category ?? null }), null, 2) +
      '\n',
  );
  await writeText(paths.jsonFile, JSON.stringify(buildJsonReport(result), null, 2) + '\n');
}
