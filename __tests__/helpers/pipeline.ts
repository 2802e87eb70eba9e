/** The pipeline both shells run (through src/run.ts): the audit, then publishing (without GitHub unless `github` is given). */
import type { Config } from '../../src/model.js';
import { runAudit, type AuditDeps } from '../../src/audit/audit.js';
import { githubClientSettings } from '../../src/publish/github-settings.js';
import { publish, type PublishDeps, type PublishOutcome } from '../../src/publish/publish.js';

export type PipelineOutcome = PublishOutcome;

export async function runPipeline(
  config: Config,
  deps: AuditDeps & Omit<PublishDeps, 'githubClient'> & Partial<Pick<PublishDeps, 'githubClient'>>,
): Promise<PipelineOutcome> {
  const audited = await runAudit(config, deps);
  return publish(audited, config, { ...deps, githubClient: deps.githubClient ?? githubClientSettings() });
}
