/**
 * The sinks: where a run's result goes after its report files are written (GitHub issues, AWS Security
 * Hub). Each is enabled by the config, runs on the published result and yields an outcome, kept by its
 * key; `publish()` runs the enabled ones in the order of inputs/sinks.ts (issues before Security Hub) and
 * hands the outcomes by key to the outputs and the summaries, whose wording of each is in
 * report/sinks.ts. A new destination is one entry in each of those two, one here, and its lines in
 * action.yml.
 */
import type { AuditResult, Config } from '../model.js';
import { SINK_DEFINITIONS, type SinkKey } from '../inputs/sinks.js';
import type { SinkOutcomes } from '../report/sinks.js';
import type { HistoryView } from '../evaluate/history.js';
import { toIsoSecond } from '../evaluate/evaluate.js';
import { VERSION } from '../version.js';
import { noIssueChanges, syncIssues, type RecognizedDeactivation } from './issues.js';
import type { IssueListing, PublishDeps, RunGitHub } from './publish.js';

/** What a sink runs on: the published result and what the run knows by then. */
export interface SinkContext {
  /** The result as published: carried alerts, history and remediation applied. */
  result: AuditResult;
  config: Config;
  deps: PublishDeps;
  /** The run's one GitHub client (made when first asked for); null without a token and repository. */
  github: RunGitHub;
  /** What the run read of GitHub before: this tool's issues, the history, deactivations to record. */
  history: { issues: IssueListing | null; view: HistoryView; recognized: RecognizedDeactivation[] };
}

/** A destination of the result. Its outputs and summary block are in report/sinks.ts, under the same key. */
export interface Sink<K extends SinkKey> {
  /** Whether it runs: its inputs turn it on (and the run can serve it: Security Hub needs a live audit). */
  enabled(ctx: SinkContext): boolean;
  /** Runs it on the result. Never throws: a failure is part of its outcome, and logged. */
  run(ctx: SinkContext): Promise<SinkOutcomes[K]>;
}

/** Every sink's outcome by its key; null for a sink that did not run. */
export type SinkOutcomesByKey = { [K in SinkKey]: SinkOutcomes[K] | null };

/** docs/design.md §5: one issue per violating user, kept in sync, with the issues publish() already listed. */
const issues: Sink<'issues'> = {
  enabled: ({ config }) => config.createIssues,
  async run({ result, config, deps, github, history }) {
    const listed = history.issues;
    const outcome = listed?.error
      ? noIssueChanges(listed.error)
      : github === null
        ? noIssueChanges(
            'create-issues needs a GitHub token and repository (GITHUB_REPOSITORY); issues were not updated.',
          )
        : await syncIssues({
            octokit: await github.octokit(),
            owner: github.context.owner,
            repo: github.context.repo,
            result,
            extraLabels: config.issueLabels,
            maxIssues: config.maxIssues,
            runUrl: github.context.runUrl,
            recordAt: toIsoSecond(Date.parse(result.generatedAt)),
            history: history.view,
            afterDays: config.remediation.mode === 'off' ? null : config.remediation.afterDays,
            recognized: history.recognized,
            self: listed?.self ?? null,
            ...(listed?.issues ? { existing: listed.issues } : {}),
            log: deps.log,
          });
    if (outcome.error) deps.log.warning(outcome.error);
    return outcome;
  },
};

/** docs/design.md §9: each account's findings into its own Security Hub, with the audit's session. */
const securityHub: Sink<'securityHub'> = {
  enabled: ({ config, result, deps }) =>
    config.securityHub && result.mode === 'live' && (deps.session ?? null) !== null,
  async run({ result, config, deps, github }) {
    const session = deps.session!;
    // The Security Hub client loads only when the import runs (an offline run never loads the AWS SDK).
    const { publishToSecurityHub } = await import('./security-hub.js');
    return publishToSecurityHub({
      result,
      credentialsFor: (accountId) => session.credentialsFor(accountId),
      roleArnFor: (accountId) => session.roleArnFor(accountId) ?? session.callerArn,
      region: config.securityHubRegion,
      partition: config.partition,
      concurrency: config.concurrency,
      toolVersion: VERSION,
      sourceUrl: github?.context.runUrl ?? null,
      log: deps.log,
      ...(deps.aws ? { aws: deps.aws } : {}),
    });
  },
};

/** Every sink, by its key (one for each key of inputs/sinks.ts, or this does not compile). */
export const SINKS: { readonly [K in SinkKey]: Sink<K> } = { issues, securityHub };

/** Just the sinks' outcomes, by key, of something that holds them (a PublishOutcome). */
export function sinkOutcomesOf(from: SinkOutcomesByKey): SinkOutcomesByKey {
  return Object.fromEntries(SINK_DEFINITIONS.map((s) => [s.key, from[s.key]])) as SinkOutcomesByKey;
}

/** Runs the enabled sinks one after the other, in the order of inputs/sinks.ts; their outcomes by key. */
export async function runSinks(ctx: SinkContext): Promise<SinkOutcomesByKey> {
  const outcomes: Partial<Record<SinkKey, unknown>> = {};
  for (const { key } of SINK_DEFINITIONS) {
    const sink: Sink<typeof key> = SINKS[key];
    outcomes[key] = sink.enabled(ctx) ? await sink.run(ctx) : null;
  }
  return outcomes as SinkOutcomesByKey;
}
