/**
 * A finding's identity (docs/design.md §8): its rule and its resource. It names the finding wherever a
 * record of it is kept across runs: the SARIF fingerprint (and so the code scanning alert), the Security
 * Hub finding Id, the OCSF `finding_info.uid`, first-seen and remediation, the keys in issue records.
 *
 * For a key, the resource is its location (`aws/ACCOUNT/iam/user/PATH/NAME/key-created-…`). The first
 * rule's identities predate rule ids and stay the resource alone, byte for byte; every other rule's are
 * prefixed with its id, so two rules flagging the same key are two findings, never one.
 */
import type { Finding } from '../model.js';
import { RULES, ruleById } from './rules/index.js';

/** The id of the rule whose identities are bare resources (what an alert or a record without a rule id is). */
function bareRuleId(): string {
  return RULES.find((r) => r.bareIdentity)?.id ?? '';
}

/** The identity of rule `ruleId`'s finding on `resource`: `resource` (the first rule), else `<ruleId>/<resource>`. */
export function identityOf(ruleId: string, resource: string): string {
  return ruleById(ruleId)?.bareIdentity ? resource : `${ruleId}/${resource}`;
}

/** A finding's identity: its rule's, on its location. */
export function findingIdentity(f: Pick<Finding, 'ruleId' | 'location'>): string {
  return identityOf(f.ruleId, f.location);
}

/** An alert's identity: its rule's (absent: the first rule's, as for every alert before rule ids were read). */
export function alertIdentity(a: { ruleId?: string | undefined; location: string }): string {
  return identityOf(a.ruleId ?? bareRuleId(), a.location);
}

/**
 * The rule and the resource of an identity made by {@link identityOf}: a prefix that names a registered
 * rule (other than the first) is that rule's; anything else is the first rule's resource.
 */
export function splitIdentity(identity: string): { ruleId: string; resource: string } {
  const slash = identity.indexOf('/');
  const rule = slash > 0 ? ruleById(identity.slice(0, slash)) : undefined;
  if (rule && !rule.bareIdentity) return { ruleId: rule.id, resource: identity.slice(slash + 1) };
  return { ruleId: bareRuleId(), resource: identity };
}
