import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { INPUTS, OUTPUTS } from '../../../src/inputs/definitions.js';

interface ActionYml {
  name: string;
  description: string;
  author: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

const text = readFileSync('action.yml', 'utf8');
const action = parse(text) as ActionYml;

// DESIGN §3, in order.
const DESIGN_INPUTS = [
  'role-to-assume',
  'audience',
  'aws-region',
  'role-session-name',
  'role-duration-seconds',
  'accounts',
  'account-role-name',
  'organization',
  'exclude-accounts',
  'concurrency',
  'shard',
  'scope',
  'setup-window',
  'unused-days',
  'as-of',
  'exemption-tag',
  'exempt-users',
  'credential-report',
  'iac',
  'sarif-file',
  'json-file',
  'ocsf-file',
  'summary',
  'fail-on',
  'create-issues',
  'issue-labels',
  'max-issues',
  'github-token',
  'category',
  'remediate',
  'remediation-role-name',
  'remediate-after-days',
  'remediate-reasons',
  'max-remediations',
  'security-hub',
  'security-hub-region',
];
const DESIGN_DEFAULTS: Record<string, string> = {
  audience: 'sts.amazonaws.com',
  'aws-region': 'us-east-1',
  'role-session-name': 'iam-initial-access-key-audit',
  'role-duration-seconds': '3600',
  organization: 'false',
  concurrency: '8',
  scope: 'at-setup',
  'setup-window': '10m',
  'unused-days': '90',
  'exemption-tag': 'access-key-justification',
  'sarif-file': 'iam-initial-access-keys.sarif',
  'json-file': 'iam-initial-access-keys.json',
  summary: 'true',
  'fail-on': 'findings',
  'create-issues': 'false',
  'issue-labels': 'security',
  'max-issues': '20',
  'github-token': '${{ github.token }}',
  remediate: 'off',
  'remediate-after-days': '14',
  'remediate-reasons': 'never-used',
  'max-remediations': '10',
  'security-hub': 'false',
};
const DESIGN_OUTPUTS = [
  'findings',
  'violating-users',
  'exempted',
  'accounts-audited',
  'accounts-failed',
  'sarif-file',
  'json-file',
  'ocsf-file',
  'issues-opened',
  'issues-updated',
  'issues-closed',
  'issues-skipped',
  'new-findings',
  'resolved-findings',
  'keys-due',
  'keys-deactivated',
  'security-hub-imported',
  'security-hub-archived',
];

describe('action.yml', () => {
  it('is valid for action-validator', () => {
    // @action-validator/cli 0.6.0 predates node24 (its schema stops at node20): check the rest of
    // the file with node20 in its place; the next test pins node24.
    expect(text.match(/^ {2}using: node24$/gm)).toHaveLength(1);
    const dir = mkdtempSync(join(tmpdir(), 'action-yml-'));
    try {
      const copy = join(dir, 'action.yml');
      writeFileSync(copy, text.replace(/^ {2}using: node24$/m, '  using: node20'));
      expect(() =>
        execFileSync('node_modules/.bin/action-validator', [copy], { encoding: 'utf8', stdio: 'pipe' }),
      ).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs dist/index.js on node24, with branding', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(action.name).toBeTruthy();
    expect(action.description).toBeTruthy();
    expect(action.author).toBeTruthy();
    expect(action.branding.icon).toBe('shield');
    expect(action.branding.color).toBeTruthy();
  });

  it('has the inputs of DESIGN §3, in order, all optional, with its defaults', () => {
    expect(Object.keys(action.inputs)).toEqual(DESIGN_INPUTS);
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.required ?? false).toBe(false);
      expect([name, input.default]).toEqual([name, DESIGN_DEFAULTS[name]]);
    }
  });

  it('has exactly the inputs, descriptions and defaults of src/inputs/definitions.ts', () => {
    expect(Object.keys(action.inputs)).toEqual(INPUTS.map((i) => i.name));
    for (const input of INPUTS) {
      const yml = action.inputs[input.name];
      expect({ name: input.name, description: yml?.description, default: yml?.default }).toEqual({
        name: input.name,
        description: input.description,
        default: 'default' in input ? input.default : undefined,
      });
    }
  });

  it('has the outputs of DESIGN §3, with the descriptions of definitions.ts', () => {
    expect(Object.keys(action.outputs)).toEqual(DESIGN_OUTPUTS);
    expect(Object.keys(action.outputs)).toEqual(OUTPUTS.map((o) => o.name));
    for (const output of OUTPUTS) expect(action.outputs[output.name]?.description).toBe(output.description);
  });
});
