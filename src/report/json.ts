/**
 * The machine-readable report (docs/design.md §4): the same findings and account results as plain data, for
 * later workflow steps. Fields are copied one by one so nothing beyond the schema leaks in.
 */
import type { AccountResult, AuditResult, Finding, Scope } from '../model.js';
import { sortFindings } from '../evaluate/evaluate.js';
import { UNKNOWN_REASONS, unknownKeyCreation, type KeyCreation } from '../evaluate/intent.js';
import { jsonText } from './json-text.js';

const JSON_SCHEMA_VERSION = 1;

/** The schema's `accounts[]` entry: the model's AccountResult, with `source` as text (`aws` or the file's path). */
export interface JsonAccount {
  accountId: string;
  alias: string | null;
  status: AccountResult['status'];
  error: string | null;
  hint: string | null;
  errorCode: string | null;
  errorStep: string | null;
  usersScanned: number;
  reportGeneratedAt: string | null;
  /** `aws` for live runs, the CSV path offline. */
  source: string;
  resolvedSinceReport: number;
  asOf: string;
}

/** The evidence of intent of a finding (docs/design.md §10), always set in the JSON. */
type IntentField = 'keyCreation' | 'keyDescription' | 'selfCreated';

/** The schema's `findings[]` entry is the model's Finding, with its history, remediation and evidence of intent always set. */
export type JsonFinding = Required<Pick<Finding, 'firstSeenAt' | 'remediation' | IntentField>> &
  Omit<Finding, 'firstSeenAt' | 'remediation' | IntentField>;

/** Every field of the schema, in the order written (the return types below keep the lists complete). */
const ACCOUNT_FIELDS = [
  'accountId',
  'alias',
  'status',
  'error',
  'hint',
  'errorCode',
  'errorStep',
  'usersScanned',
  'reportGeneratedAt',
  'source',
  'resolvedSinceReport',
  'asOf',
] as const satisfies readonly (keyof JsonAccount)[];

const FINDING_FIELDS = [
  'ruleId',
  'accountId',
  'userName',
  'userArn',
  'keySlot',
  'accessKeyId',
  'reason',
  'userCreatedAt',
  'keyCreatedAt',
  'setupGapSeconds',
  'keyLastUsedAt',
  'keyLastUsedService',
  'keyLastUsedRegion',
  'passwordLastUsedAt',
  'mfaActive',
  'exempted',
  'justification',
  'exemptionExpired',
  'location',
] as const satisfies readonly (keyof Finding)[];

const KEY_CREATION_FIELDS = [
  'by',
  'self',
  'sameSessionAsUserCreation',
  'via',
  'eventTime',
  'eventId',
  'unknownReason',
] as const satisfies readonly (keyof KeyCreation)[];

/** The run's history and remediation of a key (docs/design.md §8): null when unknown or off. */
function historyFields(f: Finding): Pick<JsonFinding, 'firstSeenAt' | 'remediation'> {
  return { firstSeenAt: f.firstSeenAt ?? null, remediation: f.remediation ?? null };
}

/** Who made the key (docs/design.md §10): what the live audit found, or `unknownReason: "offline"`. */
function intentFields(f: Finding): Pick<JsonFinding, IntentField> {
  return {
    keyCreation: pick(f.keyCreation ?? unknownKeyCreation(UNKNOWN_REASONS.offline), KEY_CREATION_FIELDS),
    keyDescription: f.keyDescription ?? null,
    selfCreated: f.selfCreated ?? false,
  };
}

/** Copies exactly the listed fields, so nothing beyond the schema leaks into a file. */
function pick<T, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = value[k];
  return out;
}

export function jsonAccount(a: AccountResult): JsonAccount {
  const source = a.source.kind === 'aws' ? 'aws' : a.source.path;
  return pick({ ...a, source }, ACCOUNT_FIELDS);
}

export function jsonFinding(f: Finding): JsonFinding {
  return { ...pick(f, FINDING_FIELDS), ...historyFields(f), ...intentFields(f) };
}

export interface JsonReport {
  schemaVersion: typeof JSON_SCHEMA_VERSION;
  generatedAt: string;
  asOf: string;
  settings: {
    scope: Scope;
    setupWindowSeconds: number;
    unusedDays: number;
    exemptionTag: string;
  };
  accounts: JsonAccount[];
  /**
   * Exempted keys (`exempted: true`) and keys their users made (`selfCreated: true`) included; the
   * `findings` output counts only the others.
   */
  findings: JsonFinding[];
}

/** The JSON file's text, in chunks; its findings are copied as they are written (report/json-text.ts). */
export function jsonFileText(result: AuditResult): Iterable<string> {
  const findings: JsonFinding[] = [];
  const sorted = reportFindings(result);
  return jsonText({ ...jsonReportHead(result), findings }, new Map([[findings, () => copies(sorted)]]));
}

function* copies(findings: readonly Finding[]): Generator<JsonFinding> {
  for (const f of findings) yield jsonFinding(f);
}

/** Keys this run deactivated are no longer findings of the rule, but are listed with their status. */
function reportFindings(result: AuditResult): Finding[] {
  return sortFindings([...result.findings, ...(result.remediation?.deactivated ?? [])]);
}

function jsonReportHead(result: AuditResult): Omit<JsonReport, 'findings'> {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    generatedAt: result.generatedAt,
    asOf: result.asOf,
    settings: {
      scope: result.settings.scope,
      setupWindowSeconds: result.settings.setupWindowSeconds,
      unusedDays: result.settings.unusedDays,
      exemptionTag: result.settings.exemptionTag,
    },
    accounts: result.accounts.map(jsonAccount),
  };
}
