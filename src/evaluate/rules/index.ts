/**
 * The rules, one line each (docs/design.md §2): every rule is one module in this folder, registered
 * here. The decision, the live confirmation, SARIF's `rules[]`, the ASFF generator ids, Security Hub's
 * filter, OCSF and the wording of the summary and the issues all follow this list. A new rule is one
 * module plus one line here (see docs/development.md).
 */
import type { Finding } from '../../model.js';
import type { Rule } from '../rule.js';
import { IAM_INITIAL_ACCESS_KEY } from './iam-initial-access-key.js';
import { IAM_INITIAL_ACCESS_KEY_IAC } from './iam-initial-access-key-iac.js';

/** Every rule, in the order they are evaluated and listed (SARIF `ruleIndex` is the position here). */
export const RULES: readonly Rule[] = [IAM_INITIAL_ACCESS_KEY];

/**
 * The rules of the `iac` scan (docs/design.md §11): they judge infrastructure code, never a credential
 * report, so they are not in RULES (whose order is a credential run's SARIF `ruleIndex`); an iac run's
 * SARIF lists exactly these.
 */
export const IAC_RULES: readonly Rule[] = [IAM_INITIAL_ACCESS_KEY_IAC];

/** The rule with this id, or undefined (an alert or a Security Hub finding of a rule since removed). */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id) ?? IAC_RULES.find((r) => r.id === id);
}

/** The rule of a finding; a finding always has a registered rule (evaluate/evaluate.ts makes them). */
export function ruleOf(f: Pick<Finding, 'ruleId'>): Rule {
  const rule = ruleById(f.ruleId);
  if (!rule)
    throw new Error(`No rule ${JSON.stringify(f.ruleId)} is registered (src/evaluate/rules/index.ts).`);
  return rule;
}

/** The rules of these findings, once each, in the registry's order; every rule when there are none. */
export function rulesOf(findings: readonly Pick<Finding, 'ruleId'>[]): Rule[] {
  const ids = new Set(findings.map((f) => f.ruleId));
  const found = RULES.filter((r) => ids.has(r.id));
  return found.length > 0 ? found : [...RULES];
}
