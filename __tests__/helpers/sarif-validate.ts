/**
 * SARIF validation for tests: the SARIF 2.1.0 JSON schema (ajv, with the schema shipped by the
 * Multitool package) and Microsoft's SARIF Multitool with its GitHub and SARIF rules, exactly as
 * GitHub's upload would judge the file. Shared by the SARIF, fault-injection and hostile-input suites.
 */
import { expect } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import type { Log } from 'sarif';

const require = createRequire(import.meta.url);
const SCHEMA_PATH = require.resolve('@microsoft/sarif-multitool-linux/sarif-2.1.0.json');

/** An ajv validator for the SARIF 2.1.0 schema. */
export function loadSchemaValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  // ajv's default export is draft-07, the schema's dialect; its $schema URL is not one ajv knows.
  delete schema.$schema;
  const ajv = new Ajv.default({ strict: false, allErrors: true, validateFormats: false });
  return ajv.compile(schema);
}

let cached: ValidateFunction | undefined;

/** Schema errors of a SARIF log (parsed JSON), as readable lines; empty when valid. */
export function schemaErrors(log: unknown): string[] {
  cached ??= loadSchemaValidator();
  if (cached(log)) return [];
  return (cached.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}

const MULTITOOL_CONFIG = `<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
    <Property Key="RuleEnabled" Value="Disabled" />
  </Properties>
</Properties>
`;

/** The Multitool executable; fails the test (never skips) when it is missing. */
export function multitoolBin(): string {
  const bin = require('@microsoft/sarif-multitool') as string;
  expect(existsSync(bin)).toBe(true);
  return bin;
}

/**
 * Runs `Sarif.Multitool validate FILE... --rule-kind Gh;Sarif` once for all `files` (each start of the
 * Multitool costs seconds), with URI reachability off (tests stay offline), and reads the validation log
 * it writes into `workDir`. Errors are attributed to the file they were found in; tool errors to all.
 */
export function multitoolValidateFiles(
  files: readonly string[],
  workDir: string,
): { byFile: Map<string, string[]>; status: number | null; executionSuccessful: boolean | undefined } {
  const bin = multitoolBin();
  const config = join(workDir, 'multitool.xml');
  if (!existsSync(config)) writeFileSync(config, MULTITOOL_CONFIG);
  const out = join(workDir, `validation-${process.pid}-${++runs}.sarif`);
  const run = spawnSync(
    bin,
    [
      'validate',
      ...files,
      '--rule-kind',
      'Gh;Sarif',
      '--config',
      config,
      '--output',
      out,
      '--log',
      'ForceOverwrite',
    ],
    { encoding: 'utf8', timeout: 180_000, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } },
  );
  if (run.error) throw run.error;
  const byFile = new Map<string, string[]>(files.map((f) => [resolve(f), []]));
  const all = (message: string) => {
    for (const list of byFile.values()) list.push(message);
  };
  if (!existsSync(out)) {
    all(`no validation log (status ${run.status}): ${run.stderr || run.stdout}`);
    return { byFile, status: run.status, executionSuccessful: undefined };
  }
  const report = JSON.parse(readFileSync(out, 'utf8')) as Log;
  const vrun = report.runs[0];
  for (const r of vrun?.results ?? []) {
    if (r.level !== 'error') continue;
    const loc = r.locations?.[0]?.physicalLocation?.artifactLocation;
    const uri =
      loc?.uri ?? (loc?.index !== undefined ? vrun?.artifacts?.[loc.index]?.location?.uri : undefined);
    const message = `${r.ruleId}: ${r.message.text ?? JSON.stringify(r.message)}`;
    const list = uri?.startsWith('file:') ? byFile.get(fileURLToPath(uri)) : undefined;
    if (list) list.push(message);
    else all(`${uri ?? '?'}: ${message}`);
  }
  const invocation = vrun?.invocations?.[0];
  for (const n of invocation?.toolExecutionNotifications ?? []) {
    if (n.level === 'error') all(`tool error: ${n.message.text}`);
  }
  return { byFile, status: run.status, executionSuccessful: invocation?.executionSuccessful };
}

let runs = 0;

/**
 * Asserts that SARIF files pass the schema and the Multitool's GitHub and SARIF rules (one Multitool
 * run for all of them). Returns the parsed logs, in order.
 */
export function expectValidSarifFiles(files: readonly string[], workDir: string): Log[] {
  const logs = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as Log);
  const schema = Object.fromEntries(files.map((file, i) => [file, schemaErrors(logs[i])]));
  expect(schema).toEqual(Object.fromEntries(files.map((file) => [file, []])));
  const { byFile, status, executionSuccessful } = multitoolValidateFiles(files, workDir);
  expect(Object.fromEntries(byFile)).toEqual(Object.fromEntries(files.map((f) => [resolve(f), []])));
  expect(executionSuccessful).toBe(true);
  expect(status).toBe(0);
  return logs;
}
