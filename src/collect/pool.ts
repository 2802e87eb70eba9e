/**
 * Maps `items` through `fn` with at most `limit` calls in flight, preserving order in the result.
 *
 * Items are started in order. If a call rejects, no further items are started, the calls already
 * running are allowed to settle, and the returned promise rejects with the first error. Callers that
 * want every item to run (the per-account audit) pass an `fn` that never rejects.
 */
export async function mapWithConcurrency<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const workers = Math.max(1, Math.min(Number.isFinite(limit) ? Math.floor(limit) : 1, items.length));
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  let firstError: unknown;

  async function worker(): Promise<void> {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (err) {
        if (!failed) {
          failed = true;
          firstError = err;
        }
      }
    }
  }

  await Promise.all(Array.from({ length: items.length === 0 ? 0 : workers }, () => worker()));
  if (failed) throw firstError;
  return results;
}

/**
 * Like `Promise.all`, but rejects (with the first error, in order) only once every promise has
 * settled: no call of a failed account keeps running after its audit returned.
 */
export async function settleAll<T>(promises: Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

/** `settleAll` for two promises of different types. */
export async function settleBoth<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [ra, rb] = await Promise.allSettled([a, b]);
  if (ra.status === 'rejected') throw ra.reason;
  if (rb.status === 'rejected') throw rb.reason;
  return [ra.value, rb.value];
}
