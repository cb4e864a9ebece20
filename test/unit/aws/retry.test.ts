import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../src/aws/clock.ts';
import { AdaptiveRateLimiter } from '../../../src/aws/rateLimiter.ts';
import { callWithRetry } from '../../../src/aws/retry.ts';
import { LakemirrorError } from '../../../src/model/errors.ts';
import { awsError } from './fakes/fakeAwsClient.ts';

function failing(errors: Error[], result = 'ok') {
  let calls = 0;
  const fn = async () => {
    const error = errors[calls++];
    if (error) throw error;
    return result;
  };
  return { fn, calls: () => calls };
}

describe('callWithRetry', () => {
  it('retries throttling (including "Rate exceeded" messages) and returns the result', async () => {
    const clock = createFakeClock();
    const { fn, calls } = failing([
      awsError('ThrottlingException'),
      awsError('TooManyRequestsException'),
      awsError('SomeOddName', 'Rate exceeded'),
    ]);
    await expect(callWithRetry(fn, { what: 'GetTables sales', clock, random: () => 0.5 })).resolves.toBe(
      'ok',
    );
    expect(calls()).toBe(4);
    expect(clock.slept).toEqual([50, 100, 200]);
  });

  it('keeps retrying throttling until the deadline, then fails with aws.ThrottlingException', async () => {
    const clock = createFakeClock();
    const fn = async () => {
      throw awsError('ThrottlingException');
    };
    const error = await callWithRetry(fn, {
      what: 'GetTables sales',
      object: 'database sales in us-east-1',
      clock,
      random: () => 0.999,
      throttleDeadlineMs: 60_000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LakemirrorError);
    expect((error as LakemirrorError).code).toBe('aws.ThrottlingException');
    expect(clock.now()).toBeLessThan(60_000);
    expect(clock.slept.length).toBeGreaterThan(8);
  });

  it('retries 5xx, InternalServiceException and ConcurrentModificationException up to 8 attempts', async () => {
    const clock = createFakeClock();
    const ok = failing([
      awsError('InternalServiceException'),
      awsError('Weird', 'x', 503),
      awsError('ConcurrentModificationException'),
    ]);
    await expect(callWithRetry(ok.fn, { what: 'UpdateTable', clock })).resolves.toBe('ok');
    expect(ok.calls()).toBe(4);

    const never = failing(
      Array.from({ length: 20 }, () => awsError('InternalServiceException', 'boom', 500)),
    );
    const error = (await callWithRetry(never.fn, { what: 'UpdateTable', clock }).catch(
      (e: unknown) => e,
    )) as LakemirrorError;
    expect(never.calls()).toBe(8);
    expect(error.code).toBe('aws.InternalServiceException');
    expect(error.message).toContain('after 8 attempts');
  });

  it('throws anything else at once, wrapped with the object named', async () => {
    const { fn, calls } = failing([awsError('AccessDeniedException', 'not allowed')]);
    const error = (await callWithRetry(fn, {
      what: 'CreateTable',
      object: 'table sales.orders in us-west-2',
      clock: createFakeClock(),
    }).catch((e: unknown) => e)) as LakemirrorError;
    expect(calls()).toBe(1);
    expect(error).toMatchObject({
      code: 'aws.AccessDeniedException',
      source: 'aws',
      object: 'table sales.orders in us-west-2',
    });
    expect(error.message).toBe(
      'CreateTable (table sales.orders in us-west-2) failed: AccessDeniedException: not allowed',
    );
    expect((error.cause as Error).name).toBe('AccessDeniedException');
  });

  it('lowers the limiter rate on each throttle and raises it on success', async () => {
    const clock = createFakeClock();
    const limiter = new AdaptiveRateLimiter({ initialRate: 8, maxRate: 8, decreaseFactor: 0.5, clock });
    const { fn } = failing([awsError('ThrottlingException'), awsError('ThrottlingException')]);
    await callWithRetry(fn, { what: 'x', clock, limiter, random: () => 0 });
    expect(limiter.currentRate).toBe(3); // 8 → 4 → 2, then one success: +1 (below the ceiling, 3.8)
  });
});

describe('AdaptiveRateLimiter', () => {
  it('spaces requests at the current rate', async () => {
    const clock = createFakeClock();
    const limiter = new AdaptiveRateLimiter({ initialRate: 2, maxRate: 2, clock });
    for (let i = 0; i < 6; i++) await limiter.acquire();
    // A full bucket (2 tokens) up front, then one per 500 ms.
    expect(clock.now()).toBe(2000);
  });

  it('returns quickly to just under the throttled rate, then only creeps above it', () => {
    const limiter = new AdaptiveRateLimiter({ maxRate: 50, clock: createFakeClock() });
    limiter.onThrottle();
    expect(limiter.currentRate).toBe(35); // 50 × 0.7
    expect(limiter.learnedCeiling).toBe(47.5); // 50 × 0.95
    for (let i = 0; i < 13; i++) limiter.onSuccess();
    expect(limiter.currentRate).toBe(47.5); // +1 a success, stopped at the ceiling
    for (let i = 0; i < 50; i++) limiter.onSuccess();
    expect(limiter.currentRate).toBeCloseTo(48.5, 5); // +0.02 a success above it
    for (let i = 0; i < 1000; i++) limiter.onSuccess();
    expect(limiter.currentRate).toBe(50); // never above maxRate
  });

  it('learns a lower ceiling when throttled again below the last one', () => {
    const limiter = new AdaptiveRateLimiter({ maxRate: 50, clock: createFakeClock() });
    limiter.onThrottle();
    limiter.onThrottle();
    expect(limiter.learnedCeiling).toBeCloseTo(33.25, 5); // 35 × 0.95
    for (let i = 0; i < 100; i++) limiter.onSuccess();
    expect(limiter.currentRate).toBeCloseTo(33.25 + (100 - 9) * 0.02, 5);
  });

  it('never goes below its minimum rate', () => {
    const limiter = new AdaptiveRateLimiter({ initialRate: 1, minRate: 0.5, clock: createFakeClock() });
    for (let i = 0; i < 10; i++) limiter.onThrottle();
    expect(limiter.currentRate).toBe(0.5);
  });
});
