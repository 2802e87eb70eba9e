/**
 * The machine-readable report (DESIGN §4): the same findings and account results as plain data, for
 * later workflow steps. Fields are copied one by one so nothing beyond the schema leaks in.
 */
import type { AccountResult, AuditResult, Finding, Reason, Scope } from '../model.js';

export const JSON_SCHEMA_VERSION = 1;

export interface JsonAccount {
  accountId: string;
  alias: string | null;
  status: 'ok' | 'error';
  error: string | null;
  /** What permission or trust setting to fix, when known. */
  hint: string | null;
  usersScanned: number;
  reportGeneratedAt: string | null;
  /** `aws` for live runs, the CSV path offline. */
  source: string;
  resolvedSinceReport: number;
  /** The time `unused-days` was measured from for this account. */
  asOf: string;
}

export interface JsonFinding {
  accountId: string;
  userName: string;
  userArn: string;
  keySlot: 1 | 2;
  accessKeyId: string | null;
  reason: Reason;
  userCreatedAt: string;
  keyCreatedAt: string;
  setupGapSeconds: number;
  keyLastUsedAt: string | null;
  keyLastUsedService: string | null;
  keyLastUsedRegion: string | null;
  passwordLastUsedAt: string | null;
  mfaActive: boolean;
  exempted: boolean;
  justification: string | null;
  exemptionExpired: boolean;
  /** The SARIF artifact path of the key. */
  location: string;
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
  /** Exempted keys included (`exempted: true`); the `findings` output counts only the others. */
  findings: JsonFinding[];
}

function jsonAccount(a: AccountResult): JsonAccount {
  return {
    accountId: a.accountId,
    alias: a.alias,
    status: a.status,
    error: a.error,
    hint: a.hint,
    usersScanned: a.usersScanned,
    reportGeneratedAt: a.reportGeneratedAt,
    source: a.source,
    resolvedSinceReport: a.resolvedSinceReport,
    asOf: a.asOf,
  };
}

function jsonFinding(f: Finding): JsonFinding {
  return {
    accountId: f.accountId,
    userName: f.userName,
    userArn: f.userArn,
    keySlot: f.keySlot,
    accessKeyId: f.accessKeyId,
    reason: f.reason,
    userCreatedAt: f.userCreatedAt,
    keyCreatedAt: f.keyCreatedAt,
    setupGapSeconds: f.setupGapSeconds,
    keyLastUsedAt: f.keyLastUsedAt,
    keyLastUsedService: f.keyLastUsedService,
    keyLastUsedRegion: f.keyLastUsedRegion,
    passwordLastUsedAt: f.passwordLastUsedAt,
    mfaActive: f.mfaActive,
    exempted: f.exempted,
    justification: f.justification,
    exemptionExpired: f.exemptionExpired,
    location: f.location,
  };
}

export function buildJsonReport(result: AuditResult): JsonReport {
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
    findings: result.findings.map(jsonFinding),
  };
}
