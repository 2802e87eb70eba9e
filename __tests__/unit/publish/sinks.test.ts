/**
 * The sinks are registered parts: each key of inputs/sinks.ts has its inputs and outputs in the action's
 * tables, its views in report/sinks.ts and its run in publish/sinks.ts; publish() runs the enabled ones
 * in order and hands their outcomes by key to the outputs and the summaries.
 */
import { describe, expect, it } from '@jest/globals';
import { INPUTS, OUTPUTS } from '../../../src/inputs/definitions.js';
import { SINK_DEFINITIONS } from '../../../src/inputs/sinks.js';
import { SINK_VIEWS } from '../../../src/report/sinks.js';
import { SINKS, runSinks, type Sink, type SinkContext } from '../../../src/publish/sinks.js';
import { buildOutputs } from '../../../src/report/outputs.js';
import { applyHistory } from '../../../src/evaluate/history.js';
import { liveConfig } from '../../helpers/live-env.js';
import { makeResult } from '../../helpers/results.js';

const keys = SINK_DEFINITIONS.map((s) => s.key);

function context(raw: Parameters<typeof liveConfig>[0], mode: 'live' | 'offline' = 'live'): SinkContext {
  const result = makeResult({ mode });
  const warnings: string[] = [];
  return {
    result,
    config: liveConfig(raw),
    deps: {
      log: { info: () => undefined, warning: (m) => warnings.push(m) },
      github: null,
      githubClient: { retryAfterBaseMs: 0, requestTimeoutMs: 1000, pacing: 'github' },
      session: null,
    },
    github: null,
    history: {
      issues: null,
      view: applyHistory(result, { alerts: null, issues: null, self: null, notes: [] }),
      recognized: [],
    },
  };
}

describe('sinks', () => {
  it('each one has its inputs and outputs in the action, its views and its run, in one order', () => {
    expect(keys).toEqual(['issues', 'securityHub']);
    expect(Object.keys(SINK_VIEWS)).toEqual(keys);
    expect(Object.keys(SINKS)).toEqual(keys);
    const inputs = INPUTS.map((i) => i.name);
    const outputs = OUTPUTS.map((o) => o.name);
    for (const s of SINK_DEFINITIONS) {
      for (const i of s.inputs) expect(inputs).toContain(i.name);
      for (const o of s.outputs) expect(outputs).toContain(o.name);
      // a sink that did not run sets each of its outputs, to 0
      expect(Object.keys(SINK_VIEWS[s.key].outputs(null))).toEqual(s.outputs.map((o) => o.name));
    }
  });

  it('a sink that is off has no outcome; the outputs then say 0', async () => {
    const outcomes = await runSinks(context({}));
    expect(outcomes).toEqual({ issues: null, securityHub: null });
    const out = buildOutputs(makeResult(), { sarifFile: 'a', jsonFile: 'b', ...outcomes });
    for (const s of SINK_DEFINITIONS) for (const o of s.outputs) expect(out[o.name]).toBe('0');
  });

  it('runs what the config turns on, where it can run: issues without a repository say why', async () => {
    const ctx = context({ 'create-issues': 'true', 'github-token': 'x', 'security-hub': 'true' }, 'offline');
    const outcomes = await runSinks(ctx);
    expect(outcomes.issues).toMatchObject({ opened: 0, error: expect.stringContaining('GITHUB_REPOSITORY') });
    // Security Hub imports with each account's credentials: not without a live session
    expect(outcomes.securityHub).toBeNull();
    const hub: Sink<'securityHub'> = SINKS.securityHub;
    expect(hub.enabled({ ...ctx, result: makeResult({ mode: 'live' }) })).toBe(false);
  });
});
