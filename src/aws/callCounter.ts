const WRITE_PREFIX =
  /^(Create|Update|Delete|Batch(Create|Update|Delete|Grant|Revoke)|Grant|Revoke|Register|Deregister|Put|Add|Remove)/;

/** True for operations that change state (used to report read/write API budgets). */
export function isWriteOperation(operation: string): boolean {
  return WRITE_PREFIX.test(operation);
}

/** Counts of attempted AWS API requests, shared by every client of one run. */
export interface ApiCallCounter {
  /** Records one attempted request of `service:operation`. */
  record(service: string, operation: string): void;
  total(): number;
  /** Keys are `Service:Operation`, e.g. `Glue:GetTables`. */
  byOperation(): Record<string, number>;
  reads(): number;
  writes(): number;
}

/** An empty counter. */
export function createApiCallCounter(): ApiCallCounter {
  const counts = new Map<string, number>();
  const sum = (predicate: (operation: string) => boolean) => {
    let n = 0;
    for (const [key, count] of counts) if (predicate(key.slice(key.indexOf(':') + 1))) n += count;
    return n;
  };
  return {
    record(service, operation) {
      const key = `${service}:${operation}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    total: () => sum(() => true),
    byOperation: () => Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b))),
    reads: () => sum((operation) => !isWriteOperation(operation)),
    writes: () => sum(isWriteOperation),
  };
}

/** The part of an SDK v3 client this needs. */
interface HasMiddlewareStack {
  middlewareStack: { add(middleware: any, options: any): void };
}

/**
 * Adds a middleware that records every *attempted* request. It sits in the `deserialize` step,
 * which the SDK's retry middleware (finalizeRequest) re-enters on each retry, so a call retried
 * twice counts three times: each retry is a real request against the API quota.
 */
export function attachCallCounter(
  client: HasMiddlewareStack,
  service: string,
  counter: ApiCallCounter,
): void {
  client.middlewareStack.add(
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
      async (args: unknown) => {
        counter.record(service, (context.commandName ?? 'Unknown').replace(/Command$/, ''));
        return next(args);
      },
    { step: 'deserialize', name: 'lakemirrorCallCounter', priority: 'low', override: true },
  );
}
