#!/usr/bin/env node
// The inputs of the bundle (dist/), recorded by content: `npm run build` ends with
// `node scripts/build-inputs.mjs`, which writes dist/build-inputs.json (a SHA-256 of every input file and
// one digest over them all); the end-to-end tests (__tests__/helpers/run-dist.ts) compute the same again
// and refuse to run a bundle built from other inputs. By content, not modification times: git writes a
// fresh clone's files in no particular order, so a source file may well be newer than the bundle built
// from it.
//
// Inputs: every file under src/, package-lock.json (the dependencies bundled in, ncc and TypeScript
// themselves), tsconfig.json, and the two fields of package.json the bundle follows (`type`, and
// `scripts.build`, which holds ncc's options). Each file's text is read with CRLF taken as LF (git may
// check text out with CRLF on Windows: see .gitattributes), paths are sorted and written with `/`, and
// nothing of the file system (order, times, modes) goes in: the same tree gives the same file, byte for
// byte, wherever it was built, so CI's `git diff --exit-code dist/` after `npm run build` still holds.
//
//   node scripts/build-inputs.mjs           write dist/build-inputs.json
//   node scripts/build-inputs.mjs --check   exit 1, naming what changed, when dist/ was built from other inputs
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export const BUILD_INPUTS_FILE = 'dist/build-inputs.json';

/** The package.json fields that change what ncc writes; the rest (version, scripts, metadata) does not. */
const PACKAGE_FIELDS = ['type', 'scripts.build'];
const PACKAGE_INPUT = `package.json (${PACKAGE_FIELDS.join(', ')})`;

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/** A file's digest, CRLF read as LF (byte for byte otherwise: latin1 maps each byte to one character). */
function fileDigest(file) {
  return createHash('sha256')
    .update(readFileSync(file, 'latin1').replace(/\r\n/g, '\n'), 'latin1')
    .digest('hex');
}

function filesUnder(root, dir) {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * What the bundle of the tree at `root` is built from: each input's SHA-256 by name (sorted), and one
 * digest over all of them.
 * @param {string} root
 * @returns {{ digest: string, inputs: Record<string, string> }}
 */
export function buildInputs(root) {
  const found = {};
  for (const file of [...filesUnder(root, 'src'), 'package-lock.json', 'tsconfig.json']) {
    found[file] = fileDigest(join(root, file));
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const fields = PACKAGE_FIELDS.map((path) => [
    path,
    path.split('.').reduce((value, key) => value?.[key], pkg) ?? null,
  ]);
  found[PACKAGE_INPUT] = sha256(JSON.stringify(fields));
  const inputs = {};
  for (const name of Object.keys(found).sort()) inputs[name] = found[name];
  const digest = sha256(
    Object.entries(inputs)
      .map(([name, hash]) => `${hash}  ${name}\n`)
      .join(''),
  );
  return { digest, inputs };
}

/** The text of dist/build-inputs.json for the tree at `root`. */
export function buildInputsText(root) {
  const { digest, inputs } = buildInputs(root);
  const record = {
    comment:
      'Written by `npm run build` (scripts/build-inputs.mjs): what this bundle was built from. ' +
      'The end-to-end tests refuse to run it when these inputs changed.',
    algorithm: 'sha256',
    digest,
    inputs,
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}

/**
 * Compares dist/build-inputs.json with the tree at `root`: `null` when the bundle was built from these
 * inputs, else a message naming what changed and what to run.
 * @param {string} root
 * @returns {string | null}
 */
export function staleBuildMessage(root) {
  const file = join(root, BUILD_INPUTS_FILE);
  if (!existsSync(file)) {
    return `${BUILD_INPUTS_FILE} is missing, so it is unknown what dist/ was built from: run \`npm run build\``;
  }
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return `${BUILD_INPUTS_FILE} is not JSON (${e.message}): run \`npm run build\``;
  }
  const now = buildInputs(root);
  if (recorded.digest === now.digest) return null;
  const before = recorded.inputs ?? {};
  const changed = [];
  for (const name of Object.keys(now.inputs)) {
    if (!(name in before)) changed.push(`${name} (added)`);
    else if (before[name] !== now.inputs[name]) changed.push(`${name} (changed)`);
  }
  for (const name of Object.keys(before)) if (!(name in now.inputs)) changed.push(`${name} (removed)`);
  const shown =
    changed.slice(0, 10).join(', ') + (changed.length > 10 ? `, and ${changed.length - 10} more` : '');
  return (
    `dist/ was built from other inputs than this tree's: ${shown || 'the recorded digest differs'}. ` +
    'Run `npm run build` (and commit dist/ with the change)'
  );
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const root = resolve(import.meta.dirname, '..');
  if (process.argv.includes('--check')) {
    const message = staleBuildMessage(root);
    if (message) {
      console.error(message);
      process.exit(1);
    }
    console.log(`dist/ was built from this tree (${BUILD_INPUTS_FILE})`);
  } else {
    writeFileSync(join(root, BUILD_INPUTS_FILE), buildInputsText(root));
    console.log(`${BUILD_INPUTS_FILE}: ${buildInputs(root).digest}`);
  }
}
