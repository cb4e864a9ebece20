import { LakemirrorError } from '../model/errors.ts';
import { awsErrorName, classifyAwsError } from './classifyAwsError.ts';
import { type Clock, systemClock } from './clock.ts';
import type { AdaptiveRateLimiter } from './rateLimiter.ts';

/** How `callWithRetry` retries; every field has a production default. */
export interface RetryPolicy {
  /** Throttling is retried until this much time has passed since the first attempt. */
  throttleDeadlineMs: number;
  /** Attempts for transient faults (5xx, InternalServiceException, ConcurrentModificationException). */
  maxTransientAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  clock: Clock;
  /** In [0, 1); injectable for deterministic jitter. */
  random: () => number;
}

/** Describes one call for messages: `what` is the operation, `object` the AWS object concerned. */
export interface CallDescription extends Partial<RetryPolicy> {
  what: string;
  object?: string;
  limiter?: AdaptiveRateLimiter;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  throttleDeadlineMs: 15 * 60_000,
  maxTransientAttempts: 8,
  baseDelayMs: 100,
  maxDelayMs: 20_000,
  clock: systemClock,
  random: Math.random,
};

/**
 * Runs one AWS call with the limiter, exponential backoff with full jitter, and the retry
 * classes of `classifyAwsError`. Errors that are not retried, or still fail, become a
 * `LakemirrorError` coded `aws.<ExceptionName>` naming the object, so reports say what failed.
 */
export async function callWithRetry<T>(fn: () => Promise<T>, call: CallDescription): Promise<T> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...definedOnly(call) };
  const started = policy.clock.now();
  let transientFailures = 0;
  for (let attempt = 0; ; attempt++) {
    await call.limiter?.acquire();
    try {
      const result = await fn();
      call.limiter?.onSuccess();
      return result;
    } catch (error) {
      const kind = classifyAwsError(error);
      if (kind === 'throttling') call.limiter?.onThrottle();
      if (kind === 'transient') transientFailures++;
      const wait = Math.floor(
        policy.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt),
      );
      const elapsed = policy.clock.now() - started;
      const retry =
        (kind === 'throttling' && elapsed + wait < policy.throttleDeadlineMs) ||
        (kind === 'transient' && transientFailures < policy.maxTransientAttempts);
      if (!retry) throw toLakemirrorError(error, call, attempt + 1);
      await policy.clock.sleep(wait);
    }
  }
}

/** Wraps an SDK error as `aws.<ExceptionName>` (source 'aws'); a LakemirrorError passes through. */
export function toLakemirrorError(error: unknown, call: { what: string; object?: string }, attempts = 1) {
  if (error instanceof LakemirrorError) return error;
  const name = awsErrorName(error);
  const detail = error instanceof Error ? error.message : String(error);
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  return new LakemirrorError({
    code: `aws.${name}`,
    source: 'aws',
    message: `${call.what}${call.object ? ` (${call.object})` : ''} failed${tries}: ${name}: ${detail}`,
    ...(call.object === undefined ? {} : { object: call.object }),
    cause: error,
  });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
