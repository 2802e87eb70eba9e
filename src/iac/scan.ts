/**
 * The iac scan (docs/design.md §11, issue 23 "Stop it at the source"): Terraform (HCL and plan JSON) and
 * CloudFormation (YAML, JSON, SAM, CDK output) users that the same configuration gives both a console
 * login profile and an access key, located at the line that makes the key. Reads only files inside
 * `root` (see files.ts); never evaluates code, never calls the network; what it cannot read or follow
 * becomes a note, never an exception.
 */
import { dirname } from 'node:path/posix';
import type { IacFinding } from './types.js';
import { scanTemplate } from './cloudformation.js';
import { errorMessage } from '../errors.js';
import { MAX_FILE_BYTES, MAX_PLAN_BYTES, ScanFiles } from './files.js';
import { isPlan, scanPlan, type Locator, type PlanJson } from './plan.js';
import { readRoot, scanTerraform, type TerraformReader, type TerraformRoot } from './terraform.js';

export type { IacFinding } from './types.js';

export interface IacScanOptions {
  /** The repository root: every path read is inside it, and findings are relative to it. */
  root: string;
  /** tfvars files (relative to `root`) for every root configuration, after its auto-loaded ones. */
  tfvars?: string[];
  /** The user tag that carries a justification (the action's `exemption-tag`). */
  exemptionTag?: string;
}

export interface IacScanResult {
  findings: IacFinding[];
  /** Files read as Terraform, plans or templates. */
  filesScanned: number;
  /** What the reader must know: a file that could not be read or parsed, a module not followed. */
  notes: string[];
}

const DEFAULT_TAG = 'access-key-justification';

/** Whether a JSON or YAML file's text may be a plan or a template (cheap, before parsing). */
function mayMatter(text: string): boolean {
  return text.includes('AWS::') || (text.includes('"resource_changes"') && text.includes('"format_version"'));
}

/**
 * A JSON or YAML file's text. Over 5 MiB: a plan is read up to 64 MiB; a file that begins like a
 * template is skipped with a note; anything else (a package-lock.json) is skipped without one.
 */
async function readOther(files: ScanFiles, path: string): Promise<string | null> {
  if ((await files.size(path)) <= MAX_FILE_BYTES) return files.read(path);
  const head = await files.head(path);
  if (path.endsWith('.json') && /^\s*\{\s*"format_version"/.test(head))
    return files.read(path, MAX_PLAN_BYTES);
  return /AWSTemplateFormatVersion|"Resources"|^Resources:|AWS::/m.test(head) ? files.read(path) : null;
}

function locator(root: TerraformRoot | null): Locator {
  return (address) => root?.index.get(address) ?? null;
}

/**
 * The root configuration a plan was made from: the plan's own directory, read if not scanned; else
 * the one scanned root where every address of the plan's findings is written.
 */
async function planRoot(
  files: ScanFiles,
  reader: TerraformReader,
  roots: TerraformRoot[],
  plan: PlanJson,
  path: string,
  opts: { tfvars: string[]; exemptionTag: string },
): Promise<TerraformRoot | null> {
  const dir = dirname(path);
  const own = roots.find((r) => r.dir === dir);
  if (own) return own;
  if (await reader.dir(dir)) {
    await reader.walk([dir]);
    return readRoot(files, reader, dir, opts);
  }
  const fits = roots.filter((r) => {
    const found = scanPlan(plan, path, { locate: locator(r), exemptionTag: opts.exemptionTag });
    return found.length > 0 && found.every((f) => f.file !== path);
  });
  return fits.length === 1 ? (fits[0] as TerraformRoot) : null;
}

/** A pattern that names tfvars files (`prod.tfvars`, `env/*.tfvars.json`): values, not code to scan. */
function isTfvarsPattern(pattern: string): boolean {
  return /\.tfvars(\.json)?$/i.test(pattern.trim());
}

/**
 * Scans the files `patterns` match. A pattern naming `.tfvars` / `.tfvars.json` files gives variable
 * values to every Terraform root configuration (after its auto-loaded ones, in the order given), like
 * `-var-file`; tfvars files found inside a scanned directory are not applied (only auto-loaded names are).
 */
export async function scanIac(patterns: string[], opts: IacScanOptions): Promise<IacScanResult> {
  const files = await ScanFiles.open(opts.root);
  const exemptionTag = opts.exemptionTag ?? DEFAULT_TAG;
  const tfvars = await files.match([...(opts.tfvars ?? []), ...patterns.filter(isTfvarsPattern)]);
  const matched = await files.match(patterns.filter((p) => !isTfvarsPattern(p)));
  const tf = matched.filter((f) => f.endsWith('.tf'));
  const { roots, reader } = await scanTerraform(files, tf, { tfvars, exemptionTag });
  const findings = new Map<TerraformRoot | string, IacFinding[]>(roots.map((r) => [r, r.findings]));
  let filesScanned = 0;
  for (const path of matched.filter((f) => /\.(json|ya?ml|template)$/i.test(f))) {
    const text = await readOther(files, path);
    if (text === null || !mayMatter(text)) continue;
    if (path.endsWith('.json') && text.includes('"resource_changes"')) {
      let plan: unknown;
      try {
        plan = JSON.parse(text);
      } catch (err) {
        files.note(`${path}: not valid JSON (${errorMessage(err)}); not read.`);
        continue;
      }
      if (isPlan(plan)) {
        filesScanned++;
        const root = await planRoot(files, reader, roots, plan, path, { tfvars, exemptionTag });
        // the plan is exact for its configuration: it replaces the reading of that configuration's code
        if (root) findings.delete(root);
        findings.set(path, scanPlan(plan, path, { locate: locator(root), exemptionTag }));
        continue;
      }
    }
    let found: IacFinding[] | null;
    try {
      found = scanTemplate(text, path, { exemptionTag, note: (t) => files.note(t) });
    } catch (err) {
      files.note(`${path}: could not be read as a template (${errorMessage(err)}).`);
      continue;
    }
    if (found === null) continue;
    filesScanned++;
    findings.set(path, found);
  }
  filesScanned += reader.read;
  const all = [...findings.values()].flat();
  all.sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.address < b.address ? -1 : 1),
  );
  return { findings: all, filesScanned, notes: files.notes };
}
