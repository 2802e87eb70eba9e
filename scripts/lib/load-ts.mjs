// Imports a self-contained TypeScript module (one that imports only node: builtins and packages) from a
// plain Node script: transpiles it with the project's own TypeScript into node_modules/.cache/bench-ts/ and imports that.
// Lets `npm run bench` use the tests' helpers (e.g. __tests__/helpers/aws-proxy.ts) without a copy and
// without a TypeScript runner.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..', '..');

/** @param {string} file a path relative to the repository root */
export async function importTs(file) {
  const source = readFileSync(join(root, file), 'utf8');
  const relative = /^\s*(import|export)\s[^;]*from\s+['"]\.{1,2}\//m.exec(source);
  if (relative)
    throw new Error(`${file} imports a relative module; importTs handles self-contained files only`);
  const { outputText } = ts.transpileModule(source, {
    fileName: file,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: false,
      sourceMap: false,
    },
  });
  // node_modules/.cache: ignored by git, ESLint and Prettier alike.
  const outDir = join(root, 'node_modules', '.cache', 'bench-ts');
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, basename(file).replace(/\.ts$/, '.mjs'));
  writeFileSync(out, outputText);
  return import(pathToFileURL(out).href);
}
