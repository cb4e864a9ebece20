/**
 * Group commit: appends that arrive while a flush is running wait for the next one, which takes them all. Each
 * caller's promise resolves once a flush holding its items has succeeded (or rejects with its error), so
 * concurrent write calls share one fsync or one PutObject instead of queueing one each.
 */
export function groupCommit<T>(flush: (items: T[]) => Promise<void>) {
  let pending: T[] = [];
  let waiting: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  let running: Promise<void> | undefined;
  const start = (): void => {
    if (running || pending.length === 0) return;
    const items = pending;
    const waiters = waiting;
    pending = [];
    waiting = [];
    running = flush(items).then(
      () => {
        for (const w of waiters) w.resolve();
      },
      (error: unknown) => {
        for (const w of waiters) w.reject(error);
      },
    );
    void running.finally(() => {
      running = undefined;
      start();
    });
  };
  return {
    /** Queues items; resolves once they are flushed. */
    append(items: readonly T[]): Promise<void> {
      pending.push(...items);
      const done = new Promise<void>((resolve, reject) => waiting.push({ resolve, reject }));
      start();
      return done;
    },
    /** Queues items without waiting; the next flush takes them. */
    add(items: readonly T[]): void {
      pending.push(...items);
    },
    /** Resolves once everything queued so far is flushed (or nothing is queued or running). */
    async settle(): Promise<void> {
      while (running || pending.length > 0) {
        if (pending.length > 0 && !running) await this.append([]);
        else await running?.catch(() => undefined);
      }
    },
  };
}
