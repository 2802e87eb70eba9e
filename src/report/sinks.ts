/**
 * What the reader sees of each sink (the destinations of inputs/sinks.ts: GitHub issues, AWS Security
 * Hub): its step outputs and its block of the summaries, pure functions of its outcome. outputs.ts and the
 * two summary renderers take every sink's outcome by its key and ask this table; publish/sinks.ts runs the
 * sinks. A sink that did not run has a null outcome: its outputs say 0 and it has no block.
 */
import type { IssueSyncOutcome, SecurityHubOutcome } from '../model.js';
import type { SinkKey, SinkOutputName } from '../inputs/sinks.js';
import { notePlain, type Note } from '../notes.js';
import { plural } from './format.js';
import { codeSpan, escapeMarkdown, truncate } from './markdown.js';

/** What each sink's run yields, by its key. */
export interface SinkOutcomes {
  issues: IssueSyncOutcome;
  securityHub: SecurityHubOutcome;
}

/** Every sink's outcome by its key: null (or absent) for a sink that did not run. */
export type SinkResults = { readonly [K in SinkKey]?: SinkOutcomes[K] | null };

/** The Markdown renderer's own tools, for a block written like the rest of the job summary. */
export interface MarkdownTools {
  /** A note: text escaped, names as code spans, cut to the summary's longest message. */
  note(n: Note): string;
  /** Whether a URL is safe as a link destination. */
  linkable(url: string): boolean;
  /** Longest message (error, warning) shown. */
  maxMessage: number;
  /** Longest name (user, alias) shown. */
  maxName: number;
}

/** The terminal renderer's own tools. */
export interface TerminalTools {
  /** Untrusted text for a terminal: one line, no control characters, at most `max` characters. */
  plain(s: string, max?: number): string;
  maxMessage: number;
}

/** A sink's views. `O` is what its outputs read of its outcome (a test may give just that). */
interface SinkView<K extends SinkKey, O> {
  /** Its outputs (each one inputs/sinks.ts lists for it), also when it did not run (`null`). */
  outputs(outcome: O | null): Record<SinkOutputName<K>, string>;
  /** Its block of the job summary; '' for none. */
  markdown(outcome: SinkOutcomes[K], md: MarkdownTools): string;
  /** Its section of the terminal summary; null for none. */
  terminal(outcome: SinkOutcomes[K], t: TerminalTools): { title: string; body: string } | null;
}

/** Issues listed as links at most; the rest are counted. */
export const MAX_ISSUE_LINKS = 20;
/** Security Hub warnings listed at most; the rest are counted (every one is also in the log). */
const MAX_SECURITY_HUB_WARNINGS = 20;

const issues: SinkView<'issues', IssueSyncOutcome> = {
  outputs: (i) => ({
    // A returning violation is news: reopened issues count as opened, not as updated.
    'issues-opened': String((i?.opened ?? 0) + (i?.reopened ?? 0)),
    'issues-updated': String(i?.updated ?? 0),
    'issues-closed': String(i?.closed ?? 0),
    'issues-skipped': String(i?.skipped ?? 0),
  }),
  markdown(i, md) {
    const lines = ['#### Issues', ''];
    lines.push(
      `Opened ${i.opened}, updated ${i.updated}, reopened ${i.reopened}, closed ${i.closed}.` +
        (i.skipped > 0 ? ` ${plural(i.skipped, 'issue')} not opened: \`max-issues\` reached.` : ''),
    );
    const listed = i.issues.slice(0, MAX_ISSUE_LINKS);
    if (listed.length > 0) {
      lines.push(
        '',
        ...listed.map((t) => {
          const ref = md.linkable(t.url) ? `[#${t.number}](${t.url})` : `issue ${t.number}`;
          return `- ${ref} ${t.action}: ${codeSpan(truncate(t.userName, md.maxName))} in ${codeSpan(t.accountId)}`;
        }),
      );
      const rest = i.issues.length - listed.length;
      if (rest > 0) lines.push(`- _and ${plural(rest, 'more issue')}_`);
    }
    if (i.error) {
      lines.push(
        '',
        `⚠️ Issues could not be kept in sync: ${escapeMarkdown(truncate(i.error, md.maxMessage))}`,
      );
    }
    return lines.join('\n');
  },
  // the terminal's own run prints the sync's warnings as they happen
  terminal: () => null,
};

const securityHub: SinkView<'securityHub', Pick<SecurityHubOutcome, 'imported' | 'archived'>> = {
  outputs: (h) => ({
    'security-hub-imported': String(h?.imported ?? 0),
    'security-hub-archived': String(h?.archived ?? 0),
  }),
  markdown(h, md) {
    const lines = [
      '#### AWS Security Hub',
      '',
      `${plural(h.imported, 'active finding')} imported, ${plural(h.archived, 'finding')} archived` +
        (h.warnings.length > 0 ? `, ${plural(h.warnings.length, 'warning')}.` : '.'),
    ];
    const listed = h.warnings.slice(0, MAX_SECURITY_HUB_WARNINGS);
    if (listed.length > 0) {
      lines.push('', ...listed.map((w) => `- ⚠️ ${md.note(w)}`));
      const rest = h.warnings.length - listed.length;
      if (rest > 0) lines.push(`- _and ${plural(rest, 'more warning')} (see the log)_`);
    }
    return lines.join('\n');
  },
  terminal: (h, t) => ({
    title: 'AWS Security Hub',
    body: [
      `  ${plural(h.imported, 'active finding')} imported, ${plural(h.archived, 'finding')} archived`,
      ...h.warnings.map((w) => `  warning: ${t.plain(notePlain(w), t.maxMessage)}`),
    ].join('\n'),
  }),
};

/** Every sink's views, by its key (one for each key of inputs/sinks.ts, or this does not compile). */
export const SINK_VIEWS = { issues, securityHub } as const satisfies {
  readonly [K in SinkKey]: SinkView<K, never>;
};

/** What a sink's outputs read of its outcome, by its key. */
export type SinkOutputInputs = {
  readonly [K in SinkKey]?: Parameters<(typeof SINK_VIEWS)[K]['outputs']>[0];
};
