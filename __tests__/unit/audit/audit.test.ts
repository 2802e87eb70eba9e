/** The audit stage as the pipeline runs it offline: one result per account, whatever the files. */
import { describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAudit } from '../../../src/audit/audit.js';
import { jsonAccount } from '../../../src/report/json.js';
import { parseConfig } from '../../../src/inputs/config.js';
import { expandGlob } from '../../../src/inputs/glob.js';
import { ROOT } from '../../helpers/run-dist.js';
import { noteText } from '../../../src/notes.js';

const FIXTURES = join(ROOT, '__tests__', 'fixtures');
const deps = {
  getIDToken: () => Promise.reject(new Error('offline')),
  setSecret: () => undefined,
  now: () => new Date('2026-11-01T00:00:00Z'),
  sleep: async () => undefined,
  log: { info: () => undefined, warning: () => undefined },
};

describe('runAudit offline', () => {
  it('audits one report per account: of two downloads of the same account, the last in name order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-audit-dup-'));
    try {
      copyFileSync(join(FIXTURES, 'generated-300.csv'), join(dir, 'status_reports_2026-10-31.csv'));
      copyFileSync(join(FIXTURES, 'generated-300.csv'), join(dir, 'status_reports_2026-11-01.csv'));
      copyFileSync(join(FIXTURES, 'generated-40-crlf-bom.csv'), join(dir, 'other-account.csv'));
      const config = parseConfig({ 'credential-report': join(dir, '*.csv') }, { expandGlob });
      const result = await runAudit(config, deps);

      const expected = readFileSync(join(FIXTURES, 'expected', 'generated-300.at-setup.jsonl'), 'utf8')
        .trim()
        .split('\n').length;
      expect(result.accounts.map((a) => [a.accountId, jsonAccount(a).source.split('/').pop()])).toEqual([
        ['444455556666', 'other-account.csv'],
        ['111122223333', 'status_reports_2026-11-01.csv'],
      ]);
      expect(result.findings.filter((f) => f.accountId === '111122223333')).toHaveLength(expected);
      expect(result.notes.map(noteText)).toContainEqual(
        expect.stringMatching(/111122223333.*status_reports_2026-10-31\.csv.*left out/),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
