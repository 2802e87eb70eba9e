/**
 * The destinations ("sinks") a run sends its result to besides the report files, as the inputs see them:
 * for each, the inputs that configure it, the outputs it sets, and how its settings are read into the
 * Config. The inputs, outputs, Config and CLI flags follow this list (like the report files'
 * report-files.ts); report/sinks.ts words each sink's outputs and summary block, and publish/sinks.ts
 * runs it, each with an entry for every key here (a missing one does not compile). A new destination is
 * one entry here, one there and one in publish/sinks.ts, and its lines in action.yml.
 */
import { InputError, type Partition } from '../model.js';

/** How a sink reads its inputs: config.ts's own readers, so every mistake is worded the same way. */
export interface SettingsReader {
  /** The trimmed value; undefined when absent or blank. */
  given(name: SinkInputName): string | undefined;
  boolean(name: SinkInputName): boolean;
  integer(name: SinkInputName, min: number, max: number): number;
  /** The value (or the default) split at commas and newlines, trimmed, without repeats. */
  list(name: SinkInputName): string[];
  /** An AWS region code, validated; undefined when the input is absent. */
  region(name: SinkInputName): string | undefined;
  bad(name: SinkInputName, value: string, expected: string): InputError;
  badItem(name: SinkInputName, item: string, expected: string): InputError;
}

/** What the sinks' settings may depend on besides their own inputs. */
export interface SettingsContext {
  awsRegion: string;
  partition: Partition;
  partitionOf(region: string): Partition;
  /** Auditing downloaded reports (`credential-report`): no AWS credentials. */
  offline: boolean;
}

/** docs/design.md §5: one GitHub issue per violating user, kept in sync. */
interface IssueSettings {
  createIssues: boolean;
  issueLabels: string[];
  maxIssues: number;
}

/** docs/design.md §9: each audited account's findings in its own AWS Security Hub. */
interface SecurityHubSettings {
  /** Import findings into each audited account's AWS Security Hub. */
  securityHub: boolean;
  /** The Security Hub region; `aws-region` when the input is absent. */
  securityHubRegion: string;
}

/** Each sink's settings by its key. */
interface SettingsByKey {
  issues: IssueSettings;
  securityHub: SecurityHubSettings;
}

/** Every sink's settings, as fields of the Config. */
export type SinkSettings = IssueSettings & SecurityHubSettings;

const LABELS_EXPECTED = 'labels of 1 to 50 characters separated by commas or newlines, e.g. security';

/**
 * The sinks, in the order they run (issues first: Security Hub and later sinks see the issues' sync).
 * `placeholder` names the value in the CLI's help; `list` inputs may repeat their flag.
 */
export const SINK_DEFINITIONS = [
  {
    key: 'issues',
    inputs: [
      {
        name: 'create-issues',
        description:
          'Keep one GitHub issue per violating user in sync: open, update, reopen and close them (needs `issues: write`).',
        default: 'false',
      },
      {
        name: 'issue-labels',
        description:
          'Extra labels (separated by commas or newlines) on new issues. The action finds its issues by its own label iam-initial-access-key, never by these.',
        default: 'security',
        placeholder: 'LABELS',
        list: true,
      },
      {
        name: 'max-issues',
        description:
          'Most new issues opened per run; the rest are counted in the summary and the `issues-skipped` output.',
        default: '20',
        placeholder: 'N',
      },
    ],
    outputs: [
      { name: 'issues-opened', description: 'Number of issues opened or reopened by this run.' },
      {
        name: 'issues-updated',
        description:
          'Number of open issues whose title or description this run updated (reopened issues count as opened).',
      },
      { name: 'issues-closed', description: 'Number of issues closed by this run.' },
      {
        name: 'issues-skipped',
        description: 'Number of new violators left without an issue because of `max-issues`.',
      },
    ],
  },
  {
    key: 'securityHub',
    inputs: [
      {
        name: 'security-hub',
        description:
          'Import one AWS Security Hub finding (ASFF) per failing key into each account audited successfully, from that account, and archive the findings of keys that are fixed or exempted (needs securityhub:BatchImportFindings and securityhub:GetFindings there). Live runs only.',
        default: 'false',
      },
      {
        name: 'security-hub-region',
        description: 'Region of the Security Hub the findings are imported into. Absent: `aws-region`.',
        placeholder: 'REGION',
      },
    ],
    outputs: [
      {
        name: 'security-hub-imported',
        description: 'Number of active AWS Security Hub findings imported (new or updated) by this run.',
      },
      {
        name: 'security-hub-archived',
        description: 'Number of AWS Security Hub findings archived by this run (keys fixed or exempted).',
      },
    ],
  },
] as const satisfies readonly {
  key: string;
  inputs: readonly {
    name: string;
    description: string;
    default?: string;
    placeholder?: string;
    list?: boolean;
  }[];
  outputs: readonly { name: string; description: string }[];
}[];

type SinkDefinition = (typeof SINK_DEFINITIONS)[number];
/** A sink's name: `issues`, `securityHub`. */
export type SinkKey = SinkDefinition['key'];
/** One input of a sink, as listed. */
export type SinkInput = SinkDefinition['inputs'][number];
/** One output of a sink, as listed. */
export type SinkOutput = SinkDefinition['outputs'][number];
type SinkInputName = SinkInput['name'];
/** The outputs of the sink `K`: `issues-opened`, …, `security-hub-archived`. */
export type SinkOutputName<K extends SinkKey = SinkKey> = Extract<
  SinkDefinition,
  { key: K }
>['outputs'][number]['name'];

/** Each sink's settings from its inputs (and the context); throws InputError on the first mistake. */
const SETTINGS: {
  readonly [K in SinkKey]: (read: SettingsReader, ctx: SettingsContext) => SettingsByKey[K];
} = {
  issues: (read) => {
    const createIssues = read.boolean('create-issues');
    const issueLabels = read.list('issue-labels');
    for (const l of issueLabels)
      if ([...l].length > 50) throw read.badItem('issue-labels', l, LABELS_EXPECTED);
    return { createIssues, issueLabels, maxIssues: read.integer('max-issues', 0, 100_000) };
  },
  securityHub: (read, ctx) => {
    const securityHub = read.boolean('security-hub');
    const region = read.region('security-hub-region');
    // the same partition as `aws-region`: the same credentials call it
    if (region !== undefined && ctx.partitionOf(region) !== ctx.partition) {
      throw read.bad(
        'security-hub-region',
        region,
        `a region of the partition of aws-region "${ctx.awsRegion}" (${ctx.partition}): the same credentials import the findings`,
      );
    }
    if (securityHub && ctx.offline) {
      throw new InputError(
        'security-hub',
        'Input "security-hub" is true together with "credential-report": expected a live audit, since Security Hub findings are imported into each audited account with its credentials (an offline report has none); set security-hub to false or audit live.',
      );
    }
    return { securityHub, securityHubRegion: region ?? ctx.awsRegion };
  },
};

/** Every sink's settings, in the order of the list; throws InputError on the first mistake. */
export function readSinkSettings(read: SettingsReader, ctx: SettingsContext): SinkSettings {
  return Object.assign({}, ...SINK_DEFINITIONS.map((s) => SETTINGS[s.key](read, ctx))) as SinkSettings;
}

/** Every sink's inputs, in the order of the list (the CLI reads `placeholder` and `list` from them). */
export const SINK_INPUTS = SINK_DEFINITIONS.flatMap<SinkInput>((s) => s.inputs);
