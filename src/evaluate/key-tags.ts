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
import { exemptionLapsed, parseJustification, tagValue } from './exemptions.js';

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

/** The tag whose key is `key` regardless of case, trimmed and cut at IAM's limit; null when absent or blank. */
function keyTag(tags: Readonly<Record<string, string>>, key: string): string | null {
  const value = (tagValue(tags, key) ?? '').slice(0, MAX_TAG_VALUE);
  return value === '' ? null : value;
}

/** A key's description and its own exemption, from its user's tags. */
export function keyTagFacts(opts: KeyTagOptions): KeyTagFacts {
  const id = opts.accessKeyId.trim();
  if (id === '') return { description: null, keyExemption: null };
  const description = keyTag(opts.tags, id);
  const exemptionTag = opts.exemptionTag.trim();
  const value = exemptionTag === '' ? null : keyTag(opts.tags, `${exemptionTag}:${id}`);
  return {
    description,
    keyExemption:
      value === null
        ? null
        : { justification: value, expired: exemptionLapsed(parseJustification(value).expires, opts.asOf) },
  };
}
