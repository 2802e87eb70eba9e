/**
 * What a rule is (docs/design.md §1, §8), and what every rule shares: the tool's name and the default
 * exemption tag. Each rule is one module in `rules/`, registered in `rules/index.ts`: its metadata (SARIF,
 * ASFF, OCSF, the help), its decision on a credential report's key, its live confirmation, and
 * its wording. The reports, the history, issues, Security Hub and remediation read it from the registry.
 */
import type { Finding, KeyLastUse, Reason, ReportKey, ReportUser, RuleSettings, Scope } from '../model.js';
import type { ConfirmContext } from './confirm.js';

export const TOOL_NAME = 'iam-initial-access-key-audit';
/** Where to read about the tool's subject; change to the project's home page once it has one. */
export const TOOL_INFORMATION_URI =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html';
export const DEFAULT_EXEMPTION_TAG = 'access-key-justification';

export interface CisMapping {
  benchmark: 'CIS Amazon Web Services Foundations Benchmark';
  version: string;
  control: string;
}

/** A finding's severity, as ASFF labels it (upper case) and OCSF numbers it. */
type RuleSeverity = 'informational' | 'low' | 'medium' | 'high' | 'critical';

/** What a rule's decision sees besides the report row and the key. */
interface DecisionContext {
  settings: RuleSettings;
  /** Epoch ms: the time the unused test is measured from. */
  asOf: number;
}

/**
 * How the reports word a rule's findings. Every phrase is the rule's own; the reports join the phrases
 * of the rules that have findings (one rule: exactly its phrase).
 */
interface RuleWording {
  /** The failing thing in the number `n`, as a verdict counts it: `access keys created at user setup`. */
  subject(n: number, scope: Scope): string;
  /** What is wrong with it, an adjective: `unused` (`3 … are unused`, `No unused …`, `Unused …`). */
  readonly state: string;
  /** The short count of a one-line reason (the step's, the CLI's exit): `unused access keys`. */
  short(n: number): string;
  /** What a user has, for an issue title: `an unused access key created at user setup`. */
  violation(scope: Scope): string;
  /** What one finding is, for a title of its own (ASFF): `an unused access key created at user setup`. */
  findingTitle(f: Finding, setupWindowSeconds: number): string;
  /** What a user whose issue is closed no longer has: `an active access key … left unused`. */
  resolved(scope: Scope): string;
}

/** One rule: a registered part (see the module comment). */
export interface Rule {
  /** Never changes once released: SARIF `ruleId`, ASFF `GeneratorId`, the JSON's `ruleId`, identities. */
  readonly id: string;
  /** PascalCase, as SARIF's `reportingDescriptor.name` convention asks. */
  readonly name: string;
  readonly shortDescription: string;
  readonly fullDescription: string;
  /** Why it matters, how to fix, exceptions: SARIF `help.text` (its first line is the "why"). */
  readonly helpText: string;
  readonly helpMarkdown: string;
  readonly helpUri: string;
  /** GitHub code scanning reads this string (not a number): 7.0–8.9 is "high"; also ASFF `Severity.Original`. */
  readonly securitySeverity: string;
  readonly severity: RuleSeverity;
  readonly precision: 'very-high' | 'high' | 'medium' | 'low';
  readonly tags: readonly string[];
  /** The same recommendation under the numbers each benchmark version gives it. */
  readonly cis: readonly CisMapping[];
  /** `CIS AWS Foundations 1.21 (v1.2.0), …`: the mappings in one phrase. */
  readonly cisSummary: string;
  /** The fix in one sentence (ASFF `Remediation.Recommendation.Text`, OCSF `remediation.desc`). */
  readonly recommendation: string;
  /**
   * Only the first rule: its identities predate rule ids, so a finding's identity is its resource alone
   * (docs/design.md §8). Every other rule's is `<id>/<resource>` (evaluate/identity.ts).
   */
  readonly bareIdentity?: true;
  /** The decision on one key of a credential report row: why it fails, or null (not a finding). */
  decide(user: ReportUser, key: ReportKey, ctx: DecisionContext): Reason | null;
  /**
   * The live confirmation of a flagged key (evaluate/confirm.ts): with the key's live last use, why it
   * still fails, or null when it is resolved since the report.
   */
  confirm(finding: Finding, use: KeyLastUse, ctx: ConfirmContext): Reason | null;
  readonly wording: RuleWording;
}
