/**
 * Runs `work` for each item of an async stream with at most `concurrency` in flight. The stream is pulled
 * only when a slot is free, so at most `concurrency` items (e.g. one table's partitions each) wait in memory.
 * The first failure stops pulling and is rethrown once the running work has settled.
 */
export async function forEachConcurrent<T>(
  items: AsyncIterable<T> | Iterable<T>,
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for await (const item of items as AsyncIterable<T>) {
    if (failure) break;
    const task = work(item).then(
      () => {
        running.delete(task);
      },
      (error: unknown) => {
        running.delete(task);
        failure ??= { error };
      },
    );
    running.add(task);
    if (running.size >= Math.max(1, concurrency)) await Promise.race(running);
  }
  await Promise.all(running);
  if (failure) throw failure.error;
}
