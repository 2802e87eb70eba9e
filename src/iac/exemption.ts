/**
 * Justified exceptions written in the code (docs/design.md §1's exemptions, at the source): a comment
 * `# iam-initial-access-key-audit: ignore reason="…" expires=YYYY-MM-DD` on the resource (HCL or YAML),
 * or the user's justification tag (`access-key-justification` by default) in the template or the
 * configuration, whose value may end with `expires=YYYY-MM-DD` as the live tag's does. The expiry is kept
 * as written: whether it has passed is decided where the as-of date is known (`applyExemptions` treats
 * a date that is not a real one as passed). Pure.
 */
import { parseJustification } from '../evaluate/exemptions.js';

export interface IacExemption {
  justification: string;
  expires: string | null;
}

const MARKER = /iam-initial-access-key-audit:\s*ignore\b(.*)$/ims;
const REASON = /\breason\s*=\s*"((?:[^"\\]|\\.)*)"/i;
const EXPIRES = /\bexpires\s*=\s*([\w-]+)/i;

/**
 * The exemption in a comment's text: null when the comment is not one, `{ error }` when it is one
 * without a reason (an ignore must say why).
 */
export function parseIgnoreComment(text: string): IacExemption | { error: string } | null {
  const m = MARKER.exec(text);
  if (!m) return null;
  const rest = m[1] ?? '';
  const reason = REASON.exec(rest)?.[1]?.replace(/\\(.)/g, '$1').trim() ?? '';
  if (reason === '') return { error: 'has no reason="…"' };
  const expires = EXPIRES.exec(rest.replace(REASON, ''))?.[1] ?? null;
  return { justification: reason, expires };
}

/** The exemption of a justification tag's value, or null when it is empty. */
export function exemptionFromTag(value: string): IacExemption | null {
  const { text, expires } = parseJustification(value);
  return text === '' && expires === null ? null : { justification: text, expires };
}

/** The value of `tag` in a tag map (keys matched regardless of case, as IAM treats them), or null. */
export function tagValue(tags: ReadonlyMap<string, unknown>, tag: string): string | null {
  const wanted = tag.toLowerCase();
  for (const [k, v] of tags) if (k.toLowerCase() === wanted && typeof v === 'string') return v;
  return null;
}
