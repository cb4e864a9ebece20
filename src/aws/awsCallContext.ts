import pLimit, { type LimitFunction } from 'p-limit';
import { RateLimiterRegistry } from './rateLimiter.ts';
import { callWithRetry, type RetryPolicy } from './retry.ts';

/** What every adapter needs besides its client: where it is, how hard it may push, how it retries. */
export interface AwsCallContextOptions {
  region: string;
  /** Catalog (account) ID to address, for a target catalog in another account. */
  catalogId?: string;
  /** Concurrent requests per adapter (config `concurrency`). Default 8. */
  concurrency?: number;
  /** Shared across adapters so all callers of one service and Region slow down together. */
  limiters?: RateLimiterRegistry;
  retry?: Partial<RetryPolicy>;
}

/** A bound caller: `call(what, object, fn)` runs `fn` through the limiter and the retry policy. */
export interface AwsCallContext {
  region: string;
  catalogId: string | undefined;
  /** Bounds concurrent requests of one adapter. */
  limit: LimitFunction;
  call<T>(what: string, object: string | undefined, fn: () => Promise<T>): Promise<T>;
  retry: Partial<RetryPolicy>;
}

/** Builds the call context of an adapter for `service` (the limiter key, e.g. 'glue'). */
export function createAwsCallContext(service: string, options: AwsCallContextOptions): AwsCallContext {
  const retry = options.retry ?? {};
  const limiters = options.limiters ?? new RateLimiterRegistry(retry.clock ? { clock: retry.clock } : {});
  const limiter = limiters.for(service, options.region);
  return {
    region: options.region,
    catalogId: options.catalogId,
    limit: pLimit(options.concurrency ?? 8),
    retry,
    call: (what, object, fn) =>
      callWithRetry(fn, { ...retry, what, limiter, ...(object === undefined ? {} : { object }) }),
  };
}

/** `{ CatalogId }` when a catalog ID is configured, else nothing (the caller's own catalog). */
export function catalogIdParam(context: AwsCallContext): { CatalogId?: string } {
  return context.catalogId === undefined ? {} : { CatalogId: context.catalogId };
}
