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

  it('lowers the limiter rate on throttling (once for throttles of one burst)', async () => {
    const clock = createFakeClock();
    const limiter = new AdaptiveRateLimiter({ initialRate: 8, maxRate: 8, decreaseFactor: 0.5, clock });
    const { fn } = failing([awsError('ThrottlingException'), awsError('ThrottlingException')]);
    await callWithRetry(fn, { what: 'x', clock, limiter, random: () => 0 });
    // Nothing accepted yet: the ceiling falls to half the rate (× 0.95), and the second throttle, answered
    // at once, belongs to the same burst; the success only probes above the ceiling (+0.02).
    expect(limiter.learnedCeiling).toBeCloseTo(3.8, 5);
    expect(limiter.currentRate).toBeCloseTo(3.82, 5);
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

  it('learns its ceiling from what the service accepted, returns to it quickly, then only creeps above it', async () => {
    const clock = createFakeClock();
    const limiter = new AdaptiveRateLimiter({ maxRate: 50, clock });
    for (let i = 0; i < 40; i++) {
      await clock.sleep(25);
      limiter.onSuccess();
    }
    limiter.onThrottle();
    expect(limiter.learnedCeiling).toBeCloseTo(38, 5); // 40 accepted in the last second × 0.95
    expect(limiter.currentRate).toBe(35); // 50 × 0.7
    for (let i = 0; i < 3; i++) limiter.onSuccess();
    expect(limiter.currentRate).toBeCloseTo(38, 5); // +1 a success, stopped at the ceiling
    for (let i = 0; i < 50; i++) limiter.onSuccess();
    expect(limiter.currentRate).toBeCloseTo(39, 5); // +0.02 a success above it
    for (let i = 0; i < 1000; i++) limiter.onSuccess();
    expect(limiter.currentRate).toBe(50); // never above maxRate
  });

  it('counts throttles answered right after a decrease once, and a later one again', async () => {
    const clock = createFakeClock();
    const limiter = new AdaptiveRateLimiter({ maxRate: 50, clock });
    limiter.onThrottle();
    limiter.onThrottle();
    limiter.onThrottle();
    expect(limiter.currentRate).toBeCloseTo(23.75, 5); // once: min(50 × 0.7, ceiling 25 × 0.95)
    await clock.sleep(300);
    limiter.onThrottle();
    expect(limiter.currentRate).toBeCloseTo(23.75 * 0.5 * 0.95, 5);
  });

  it('never goes below its minimum rate', () => {
    const limiter = new AdaptiveRateLimiter({ initialRate: 1, minRate: 0.5, clock: createFakeClock() });
    for (let i = 0; i < 10; i++) limiter.onThrottle();
    expect(limiter.currentRate).toBe(0.5);
  });
});
