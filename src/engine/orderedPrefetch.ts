/**
 * Runs `load` for items in order with at most `window` loads in flight, yielding results in input order.
 * Reading ahead keeps the API busy while the consumer writes; the window bounds what waits in memory.
 */
export async function* orderedPrefetch<T, R>(
  items: readonly T[],
  window: number,
  load: (item: T) => Promise<R>,
): AsyncGenerator<R> {
  const inFlight: Array<Promise<R>> = [];
  let next = 0;
  const fill = () => {
    while (next < items.length && inFlight.length < Math.max(1, window)) {
      const promise = load(items[next]!);
      // Rejections are observed when awaited below; this stops an unhandled-rejection warning meanwhile.
      promise.catch(() => {});
      inFlight.push(promise);
      next += 1;
    }
  };
  fill();
  while (inFlight.length > 0) {
    const result = await inFlight.shift()!;
    fill();
    yield result;
  }
}
