/**
 * The `iac` run (docs/design.md §11): scans infrastructure code under the workspace, no AWS and no GitHub calls.
 * The scanner (and the ~1 MB HCL parser it brings) is loaded only here, by a run that asks for it.
 */
import type { Config, IacRun } from '../model.js';
import type { IacFinding } from '../iac/scan.js';
import { exemptionLapsed, nameGlobs } from '../evaluate/exemptions.js';

/** Whether a finding's exemption is in force at `asOf` (a date that is not a real one has passed). */
export function exemptionInForce(f: Pick<IacFinding, 'exemption'>, asOf: number): boolean {
  return f.exemption !== null && !exemptionLapsed(f.exemption.expires, asOf);
}

/**
 * Scans `config.iac` under `root` (the workspace) and splits the findings by their exemptions: one written
 * in the code and in force, else an `exempt-users` glob matching the user's name (the code has no account,
 * so a glob naming an ARN cannot match: said in a note).
 */
export async function auditIac(
  config: Pick<Config, 'iac' | 'asOf' | 'rule' | 'exemptUsers'>,
  opts: { root: string; now: Date },
): Promise<IacRun> {
  const { scanIac } = await import('../iac/scan.js');
  const scan = await scanIac(config.iac, { root: opts.root, exemptionTag: config.rule.exemptionTag });
  const asOf = config.asOf ?? opts.now;
  const findings: IacFinding[] = [];
  const exempted: IacFinding[] = [];
  const globs = nameGlobs(config.exemptUsers);
  for (const f of scan.findings) {
    if (exemptionInForce(f, asOf.getTime())) {
      exempted.push(f);
      continue;
    }
    const glob = globs.match(f.userName);
    if (glob === null) findings.push(f);
    else exempted.push({ ...f, exemption: { justification: `exempt-users: "${glob}"`, expires: null } });
  }
  const notes = [...scan.notes];
  if (globs.arnGlobs.length > 0) {
    notes.push(
      `exempt-users: ${globs.arnGlobs.length === 1 ? 'an entry names an ARN' : `${globs.arnGlobs.length} entries name ARNs`}, which infrastructure code does not have (no account): only user names and globs of names apply to it.`,
    );
  }
  return {
    generatedAt: opts.now.toISOString(),
    asOf: asOf.toISOString(),
    patterns: config.iac,
    filesScanned: scan.filesScanned,
    findings,
    exempted,
    exemptionsExpired: findings.filter((f) => f.exemption !== null).length,
    notes,
  };
}
