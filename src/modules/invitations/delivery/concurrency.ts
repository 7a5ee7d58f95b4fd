/** Bounded concurrency without a dependency: the sends of a batch, at most `limit` at a time. */

/**
 * Calls `fn` for every item with at most `limit` calls in flight and resolves with the results in the
 * order of `items`. `fn` should not throw (delivery turns every failure into an outcome); if it does,
 * the first error rejects the whole call.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const lane = async () => {
    for (;;) {
      const i = next++
      if (i >= items.length) return
      results[i] = await fn(items[i] as T, i)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane))
  return results
}
