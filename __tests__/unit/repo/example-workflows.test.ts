/**
 * The example workflows users copy (examples/workflows/): the ones that write issues or keys share one
 * concurrency group and never cancel a run in progress, their schedules are apart by more than a run may
 * take, and every step that reads a report file runs only when the audit wrote it (its output is set only
 * then), so a failed audit makes one red step, not two.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../../helpers/run-dist.js';

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { schedule?: Array<{ cron: string }> };
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { 'timeout-minutes': number; steps: Step[] }>;
}

const dirs = ['examples/workflows', '.github/workflows'];
const workflows = dirs.flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.yml'))
    .map((f) => ({
      file: `${dir}/${f}`,
      doc: parse(readFileSync(join(ROOT, dir, f), 'utf8')) as Workflow,
    })),
);
const auditSteps = (w: Workflow) =>
  Object.values(w.jobs).flatMap((j) =>
    j.steps.filter((s) => /iam-initial-access-key-audit@|^\.\/$/.test(s.uses ?? '')),
  );
const writesIssuesOrKeys = (w: Workflow) =>
  auditSteps(w).some((s) => String(s.with?.['create-issues']) === 'true' || s.with?.remediate !== undefined);
const examples = workflows.filter((w) => w.file.startsWith('examples/'));

describe('example workflows', () => {
  it('that write issues or keys share one concurrency group, never cancelling a run', () => {
    const writers = examples.filter((w) => writesIssuesOrKeys(w.doc));
    expect(writers.map((w) => w.file).sort()).toEqual([
      'examples/workflows/nightly-account.yml',
      'examples/workflows/nightly-organization.yml',
      'examples/workflows/remediate.yml',
      'examples/workflows/sharded-organization.yml',
    ]);
    for (const w of writers) {
      expect({ file: w.file, concurrency: w.doc.concurrency }).toEqual({
        file: w.file,
        concurrency: { group: 'iam-initial-access-key-audit', 'cancel-in-progress': false },
      });
    }
  });

  it('are scheduled apart: each run has ended (timeout-minutes) before the next starts', () => {
    // every minute of the week a writer's run starts, with the longest it may take
    const runs = examples
      .filter((w) => writesIssuesOrKeys(w.doc))
      .flatMap((w) => {
        const minutes = Math.max(...Object.values(w.doc.jobs).map((j) => j['timeout-minutes']));
        return (w.doc.on.schedule ?? []).flatMap(({ cron }) => {
          const [minute, hour, dom, month, dow] = cron.split(' ');
          expect([dom, month]).toEqual(['*', '*']);
          const days = dow === '*' ? [0, 1, 2, 3, 4, 5, 6] : dow!.split(',').map(Number);
          return days.map((d) => ({
            start: d * 1440 + Number(hour) * 60 + Number(minute),
            minutes,
            what: `${w.file} ${cron}`,
          }));
        });
      })
      .sort((a, b) => a.start - b.start);
    for (let i = 1; i < runs.length; i++) {
      const [before, after] = [runs[i - 1]!, runs[i]!];
      expect({
        gap: after.start - before.start >= before.minutes,
        before: before.what,
        after: after.what,
      }).toEqual({ gap: true, before: before.what, after: after.what });
    }
  });

  it.each(workflows.map((w) => [w.file, w.doc] as const))(
    '%s reads a report file only when the audit wrote it',
    (_file, doc) => {
      for (const job of Object.values(doc.jobs)) {
        const audit = job.steps.find((s) => /iam-initial-access-key-audit@|^\.\/$/.test(s.uses ?? ''));
        if (!audit) continue;
        expect(audit.id).toBe('audit');
        for (const step of job.steps) {
          const text = JSON.stringify(step.with ?? {});
          for (const output of ['sarif-file', 'json-file']) {
            if (!text.includes(`steps.audit.outputs.${output}`)) continue;
            expect(step.if ?? '').toMatch(
              new RegExp(`^always\\(\\) && steps\\.audit\\.outputs\\.${output} != ''( && .+)?$`),
            );
          }
        }
      }
    },
  );
});
