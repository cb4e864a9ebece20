/**
 * Interleaves several async iterables, yielding items as soon as any source has one. Used to
 * read GetPartitions segments in parallel while the consumer still sees one stream. If one
 * source fails the merged stream fails; the others are asked to stop.
 */
export async function* mergeAsyncIterables<T>(sources: readonly AsyncIterable<T>[]): AsyncGenerator<T> {
  const iterators = sources.map((source) => source[Symbol.asyncIterator]());
  const pending = new Map<number, Promise<{ index: number; result: IteratorResult<T> }>>();
  const pull = (index: number) => {
    const iterator = iterators[index];
    if (iterator)
      pending.set(
        index,
        iterator.next().then((result) => ({ index, result })),
      );
  };
  for (let index = 0; index < iterators.length; index++) pull(index);
  try {
    while (pending.size > 0) {
      const { index, result } = await Promise.race(pending.values());
      if (result.done) {
        pending.delete(index);
      } else {
        pull(index);
        yield result.value;
      }
    }
  } finally {
    await Promise.allSettled(
      [...pending.keys()].map((index) => iterators[index]?.return?.()).filter((p) => p !== undefined),
    );
  }
}
