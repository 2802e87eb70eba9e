/**
 * The direction of the layers (inputs -> credentials -> collect -> evaluate -> report -> publish), checked
 * from the imports alone: a stage never imports a later one, `evaluate/` does no I/O, `report/` only
 * renders, `collect/` gathers facts without deciding. Type-only imports of shared types are fine.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { ROOT } from '../../helpers/run-dist.js';

const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The value (non-type) imports of a file: `import x from`, `import {a, type B} from`, `export … from`. */
function valueImports(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const out: string[] = [];
  const re =
    /^(?:import|export)\s+(?!type\s)([\s\S]*?)\s+from\s+'([^']+)'|^import\s+'([^']+)'|import\('([^']+)'\)/gm;
  for (const m of text.matchAll(re)) {
    const clause = m[1];
    const spec = m[2] ?? m[3] ?? m[4];
    if (!spec) continue;
    // `import { type A, type B } from` imports nothing at run time
    if (clause && /^\{[^}]*\}$/.test(clause.trim())) {
      const names = clause
        .trim()
        .slice(1, -1)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (names.length > 0 && names.every((n) => n.startsWith('type '))) continue;
    }
    out.push(spec);
  }
  return out;
}

/** `src/collect/parse.ts` imports `../evaluate/rule.js` -> `evaluate`; a package import -> its name. */
function target(from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  const abs = resolve(dirname(from), spec);
  const rel = relative(SRC, abs);
  const parts = rel.split('/');
  return parts.length > 1 ? parts[0]! : rel.replace(/\.js$/, '');
}

function layerOf(path: string): string {
  const parts = relative(SRC, path).split('/');
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.ts$/, '');
}

const imports = files(SRC).map((path) => ({
  path: relative(ROOT, path),
  layer: layerOf(path),
  targets: valueImports(path).map((s) => target(path, s)),
}));

const IO =
  /^(node:fs|node:fs\/promises|node:child_process|node:http|node:https|node:net|@actions\/|@aws-sdk\/|@octokit\/|@smithy\/node-http-handler|proxy-agent)/;

function offenders(layer: string, forbidden: (t: string) => boolean): string[] {
  return imports
    .filter((f) => f.layer === layer)
    .flatMap((f) => f.targets.filter(forbidden).map((t) => `${f.path} imports ${t}`));
}

describe('layers', () => {
  it('every stage folder exists', () => {
    const layers = new Set(imports.map((f) => f.layer));
    for (const l of ['inputs', 'credentials', 'collect', 'evaluate', 'audit', 'report', 'publish', 'iac']) {
      expect(layers.has(l)).toBe(true);
    }
  });

  it('evaluate/ does no I/O and imports no other stage', () => {
    expect(
      offenders(
        'evaluate',
        (t) =>
          IO.test(t) ||
          ['inputs', 'credentials', 'aws', 'collect', 'audit', 'report', 'publish', 'iac'].includes(t),
      ),
    ).toEqual([]);
  });

  it('report/ only renders: no files, no @actions/core, no AWS SDK, no Octokit, no earlier I/O stage', () => {
    expect(
      offenders(
        'report',
        (t) => IO.test(t) || ['credentials', 'aws', 'collect', 'audit', 'publish', 'iac'].includes(t),
      ),
    ).toEqual([]);
  });

  it('iac/ reads code, never AWS or GitHub: it imports only evaluate/ (and collect/pool) of the stages', () => {
    expect(
      offenders(
        'iac',
        (t) =>
          /^(@actions\/|@aws-sdk\/|@octokit\/|node:child_process|node:http|node:https|node:net)/.test(t) ||
          ['inputs', 'credentials', 'aws', 'audit', 'report', 'publish'].includes(t),
      ),
    ).toEqual([]);
    const collect = imports
      .filter((f) => f.layer === 'iac')
      .flatMap((f) => valueImports(join(ROOT, f.path)).filter((s) => s.includes('/collect/')));
    expect(collect.every((s) => s.endsWith('/collect/pool.js'))).toBe(true);
  });

  it('iac/ is loaded only by audit/iac.ts, with a dynamic import (no other run pays for its parser)', () => {
    const importers = imports.filter((f) => f.layer !== 'iac' && f.targets.includes('iac'));
    expect(importers.map((f) => f.path)).toEqual(['src/audit/iac.ts']);
    expect(readFileSync(join(ROOT, 'src/audit/iac.ts'), 'utf8')).toMatch(
      /await import\('\.\.\/iac\/scan\.js'\)/,
    );
  });

  it('collect/ gathers facts: it imports nothing from evaluate/, audit/, report/ or publish/', () => {
    expect(offenders('collect', (t) => ['evaluate', 'audit', 'report', 'publish'].includes(t))).toEqual([]);
  });

  it('credentials/ and inputs/ import no later stage', () => {
    const later = ['collect', 'evaluate', 'audit', 'report', 'publish'];
    expect(offenders('credentials', (t) => later.includes(t) || t === 'inputs')).toEqual([]);
    expect(offenders('inputs', (t) => [...later, 'credentials', 'aws'].includes(t))).toEqual([]);
  });

  it('audit/ joins collect and evaluate but never publishes', () => {
    expect(offenders('audit', (t) => ['report', 'publish'].includes(t))).toEqual([]);
  });
});
