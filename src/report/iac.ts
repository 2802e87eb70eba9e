/**
 * The reports of an `iac` run (docs/design.md §11), pure functions of the scan: SARIF (one result per failing
 * finding, at its file and line, under the iac rule; exempted ones counted, not results), the JSON
 * report (`iacFindings`, beside the empty `accounts` and `findings` of the same schema version), the
 * summary's verdict and table, the step outputs and the `fail-on` decision.
 */
import type { Log, Result } from 'sarif';
import type { FailOn, IacRun } from '../model.js';
import type { IacFinding } from '../iac/scan.js';
import type { OutputName } from '../inputs/definitions.js';
import { REPORT_FILES, type ReportFileInput, type ReportFiles } from '../inputs/report-files.js';
import { TOOL_INFORMATION_URI, TOOL_NAME } from '../evaluate/rule.js';
import { IAC_RULES } from '../evaluate/rules/index.js';
import { identityOf } from '../evaluate/identity.js';
import { automationId, locationFingerprint, ruleDescriptor, sarifText, toArtifactUri } from './sarif.js';
import { codeSpan, escapeMarkdown, markdownTable } from './markdown.js';
import { plural } from './format.js';

const RULE = IAC_RULES[0]!;
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** `infra/users.tf:12`. */
function at(l: { file: string; line: number }): string {
  return `${l.file}:${l.line}`;
}

/** What one finding says: the user, the key, the login profile's place, the condition. */
export function iacMessage(f: IacFinding): string {
  const when = f.condition ? ` ${f.condition}` : '';
  const expired = f.exemption ? ` Its exemption (expires=${f.exemption.expires ?? ''}) has expired.` : '';
  return (
    `IAM user '${f.userName}'${f.userAddress === f.userName ? '' : ` (${f.userAddress})`} is given an access key (${f.address}) together with ` +
    `its console login profile (${f.loginProfile.address} at ${at(f.loginProfile)})${when}.${expired} ` +
    "Drop the key from the user's creation; create one later, when needed."
  );
}

function iacResult(f: IacFinding): Result {
  return {
    ruleId: RULE.id,
    ruleIndex: 0,
    level: 'error',
    kind: 'fail',
    message: { text: sarifText(iacMessage(f)) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toArtifactUri(f.file) },
          region: { startLine: f.line },
        },
      },
    ],
    // the resource address, not the line: moving the code keeps the alert
    partialFingerprints: { primaryLocationLineHash: locationFingerprint(identityOf(RULE.id, f.address)) },
    properties: { ...f, exempted: false },
  };
}

export function iacSarif(run: IacRun, opts: { toolVersion: string; category?: string | null }): Log {
  const semver = /^\d+\.\d+\.\d+/.test(opts.toolVersion) ? { semanticVersion: opts.toolVersion } : {};
  const id = automationId({ shard: null }, opts.category ?? null);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: opts.toolVersion,
            ...semver,
            informationUri: TOOL_INFORMATION_URI,
            rules: [ruleDescriptor(RULE)],
          },
        },
        invocations: [{ executionSuccessful: true, endTimeUtc: run.generatedAt }],
        results: run.findings.map(iacResult),
        columnKind: 'utf16CodeUnits',
        ...(id === null ? {} : { automationDetails: { id } }),
        properties: {
          mode: 'iac',
          asOf: run.asOf,
          filesScanned: run.filesScanned,
          findings: run.findings.length,
          exempted: run.exempted.length,
          exemptionsExpired: run.exemptionsExpired,
        },
      },
    ],
  };
}

/** The JSON report of an iac run: the schema's fields (no accounts, no key findings) plus `iacFindings`. */
export function iacJson(run: IacRun): string {
  const all = [
    ...run.findings.map((f) => ({ ruleId: RULE.id, ...f, exempted: false })),
    ...run.exempted.map((f) => ({ ruleId: RULE.id, ...f, exempted: true })),
  ];
  const report = {
    schemaVersion: 1,
    mode: 'iac',
    generatedAt: run.generatedAt,
    asOf: run.asOf,
    iac: { patterns: run.patterns, filesScanned: run.filesScanned, notes: run.notes },
    accounts: [],
    findings: [],
    iacFindings: all,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** `2 console users given an access key at creation in 3 files of code` (`… given 3 access keys …`), or the clean verdict. */
function iacVerdict(run: IacRun): string {
  const users = new Set(run.findings.map((f) => f.userAddress)).size;
  const exempted = run.exempted.length > 0 ? `, ${run.exempted.length} exempted` : '';
  const files = plural(run.filesScanned, 'file');
  if (run.findings.length === 0)
    return `no console user is given an access key at creation in ${files} of code${exempted}`;
  const keys = run.findings.length === users ? 'an access key' : plural(run.findings.length, 'access key');
  return `${plural(users, 'console user')} given ${keys} at creation in ${files} of code${exempted}`;
}

/** `fail-on`: findings fail with `findings`; an iac run has no account errors. */
export function iacExitCode(run: IacRun, failOn: FailOn): { code: 0 | 1; reason: string } {
  const verdict = iacVerdict(run);
  if (failOn === 'findings' && run.findings.length > 0) return { code: 1, reason: verdict };
  if (run.findings.length > 0) return { code: 0, reason: `${verdict} (fail-on is ${failOn}: not failing)` };
  return { code: 0, reason: verdict };
}

/** The job summary of an iac run: the verdict, the table of findings, the exempted, the notes. */
export function iacSummaryMarkdown(run: IacRun, files: ReportFiles): string {
  const cell = (s: string) => codeSpan(s, { inTable: true });
  const out = [`## IAM initial access keys in code`, '', `**${escapeMarkdown(iacVerdict(run))}.**`, ''];
  if (run.findings.length > 0) {
    out.push(
      markdownTable(
        ['Where', 'User', 'Key', 'Condition'],
        run.findings.map((f) => [
          cell(at(f)),
          escapeMarkdown(f.userName),
          cell(f.address),
          f.condition ? escapeMarkdown(f.condition) : 'always',
        ]),
      ),
      '',
      escapeMarkdown(RULE.recommendation),
      '',
    );
  }
  if (run.exempted.length > 0) {
    out.push('### Exempted', '');
    for (const f of run.exempted)
      out.push(
        `- ${codeSpan(at(f))} ${escapeMarkdown(f.userName)}: ${escapeMarkdown(f.exemption?.justification ?? '')}`,
      );
    out.push('');
  }
  for (const n of run.notes) out.push(`> ${escapeMarkdown(n)}`, '');
  const written = REPORT_FILES.flatMap((f) =>
    files[f.key] ? [`${f.label}: ${codeSpan(files[f.key]!)}`] : [],
  );
  out.push(`Files: ${written.join(', ')}.`, '');
  return out.join('\n');
}

/** Exactly the outputs of action.yml: the counts of the scan, the files written, zero for the rest. */
export function iacOutputs(run: IacRun, written: ReportFiles): Record<OutputName, string> {
  const files = Object.fromEntries(REPORT_FILES.map((f) => [f.name, written[f.key] ?? ''])) as Record<
    ReportFileInput,
    string
  >;
  return {
    findings: String(run.findings.length),
    'violating-users': String(new Set(run.findings.map((f) => f.userAddress)).size),
    exempted: String(run.exempted.length),
    'accounts-audited': '0',
    'accounts-failed': '0',
    ...files,
    'issues-opened': '0',
    'issues-updated': '0',
    'issues-closed': '0',
    'issues-skipped': '0',
    'new-findings': '',
    'resolved-findings': '',
    'keys-due': '0',
    'keys-deactivated': '0',
    'security-hub-imported': '0',
    'security-hub-archived': '0',
  };
}
