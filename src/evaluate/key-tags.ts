/**
 * A key's own tags (docs/design.md §10), read from its user's IAM tags (the tags `ListUserTags` already returns
 * for the user-wide exemption, so no extra call):
 *
 * - **Description.** The IAM console stores the description typed when a key is made as a user tag whose
 *   key is the access key id (`AKIA…` = `used by the nightly export`). It is shown with the finding; it is
 *   never a justification by itself (anyone who may tag the user writes it, and the console asks for it).
 * - **Per-key exemption.** A tag `EXEMPTION-TAG:ACCESS-KEY-ID` (`access-key-justification:AKIA…`) exempts
 *   that key only, with the same `expires=YYYY-MM-DD` rule as the user-wide tag (evaluate/exemptions.ts).
 *
 * Tag keys are matched regardless of case, as IAM does (it keeps one of `Foo` and `foo`, never both).
 * Pure.
 */
import { expiryEnd, parseJustification } from './exemptions.js';

/** IAM's limit for a tag value; a longer value did not come from IAM and is cut there. */
const MAX_TAG_VALUE = 256;

export interface KeyExemption {
  /** The tag's value as written (trimmed), `expires=` included, as the user-wide exemption keeps it. */
  justification: string;
  /** Its `expires=` day has passed as of `asOf`, or is not a real date: the key is a finding again. */
  expired: boolean;
}

export interface KeyTagFacts {
  /** The console's description of the key; null when there is none (or it is blank). */
  description: string | null;
  /** The key's own exemption tag, when it has one with a non-empty value. */
  keyExemption: KeyExemption | null;
}

export interface KeyTagOptions {
  /** The user's IAM tags (key -> value), as `ListUserTags` returned them. */
  tags: Readonly<Record<string, string>>;
  /** The `exemption-tag` input (default `access-key-justification`). */
  exemptionTag: string;
  accessKeyId: string;
  /** Epoch ms the `expires=` day is compared with (the run's `as-of`). */
  asOf: number;
}

/** The trimmed value of the tag whose key is `key` regardless of case; null when absent or blank. */
function tagValue(tags: Readonly<Record<string, string>>, key: string): string | null {
  const wanted = key.toLowerCase();
  for (const [k, v] of Object.entries(tags)) {
    if (k.toLowerCase() !== wanted) continue;
    const value = (typeof v === 'string' ? v : '').trim().slice(0, MAX_TAG_VALUE);
    return value === '' ? null : value;
  }
  return null;
}

/** Whether an exemption value's `expires=` has passed as of `asOf` (an unreadable date has). */
function isExpired(value: string, asOf: number): boolean {
  const { expires } = parseJustification(value);
  if (expires === null) return false;
  const end = expiryEnd(expires);
  return end === null || asOf >= end;
}

/** A key's description and its own exemption, from its user's tags. */
export function keyTagFacts(opts: KeyTagOptions): KeyTagFacts {
  const id = opts.accessKeyId.trim();
  if (id === '') return { description: null, keyExemption: null };
  const description = tagValue(opts.tags, id);
  const exemptionTag = opts.exemptionTag.trim();
  const value = exemptionTag === '' ? null : tagValue(opts.tags, `${exemptionTag}:${id}`);
  return {
    description,
    keyExemption: value === null ? null : { justification: value, expired: isExpired(value, opts.asOf) },
  };
}
