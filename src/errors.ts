/**
 * Reading what was thrown: the message of anything thrown, and the HTTP status of a GitHub (Octokit)
 * request error. Shared by every stage; no I/O.
 */

/** The message of an Error, or the thrown value as text (a string, a number, …). */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The HTTP status of a GitHub API error (Octokit's `RequestError.status`), or null for anything else. */
export function httpStatus(err: unknown): number | null {
  const s = typeof err === 'object' && err !== null ? (err as { status?: unknown }).status : undefined;
  return typeof s === 'number' ? s : null;
}
