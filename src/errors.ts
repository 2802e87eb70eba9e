/**
 * The errors this tool throws, and reading what was thrown. Shared by every stage; no I/O.
 *
 * Every error class extends {@link AuditError}: the `message` says what failed; a short `code` to branch
 * on (an AWS error name, or the class's own name), the `step` it failed in (an API operation; null when
 * not tied to one) and what to do about it (`hint`) are fields, never text glued into the message.
 * Callers branch on the class or the code, never on the message. {@link errorMessage} is the text a
 * person reads: the message, then the hint on a line of its own.
 */

/** The fields of an {@link AuditError} besides its message; absent ones default to the class's name and null. */
export interface ErrorFields {
  code?: string;
  step?: string | null;
  hint?: string | null;
  cause?: unknown;
}

/** The base of every error class of this tool. `name` is the class's own name (it survives bundling). */
export class AuditError extends Error {
  /** What went wrong, in a word: an AWS error name (`AccessDenied`), or the class's name. */
  readonly code: string;
  /** The API operation or stage it happened in (`AssumeRole`, `ListAccounts`); null when not tied to one. */
  readonly step: string | null;
  /** What to do about it, for the person reading it; null when there is nothing to say. */
  readonly hint: string | null;

  constructor(name: string, message: string, fields: ErrorFields = {}) {
    super(message, 'cause' in fields ? { cause: fields.cause } : undefined);
    this.name = name;
    this.code = fields.code ?? name;
    this.step = fields.step ?? null;
    this.hint = fields.hint ?? null;
  }
}

/**
 * The text of anything thrown, as a person reads it: an error's message (with the hint of an AuditError
 * on the next line), or the thrown value as text (a string, a number, …).
 */
export function errorMessage(err: unknown): string {
  if (err instanceof AuditError && err.hint) return `${err.message}\n${err.hint}`;
  return err instanceof Error ? err.message : String(err);
}

/** {@link errorMessage} on one line: every run of whitespace (newlines too) one space, trimmed. */
export function oneLineMessage(err: unknown): string {
  return errorMessage(err).replace(/\s+/g, ' ').trim();
}

/** The HTTP status of a GitHub API error (Octokit's `RequestError.status`), or null for anything else. */
export function httpStatus(err: unknown): number | null {
  const s = typeof err === 'object' && err !== null ? (err as { status?: unknown }).status : undefined;
  return typeof s === 'number' ? s : null;
}
