import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientsFor, startTestCloud } from '../../../test/support/localCloud.ts';
import { admin } from '../../../test/support/trailEvents.ts';
import type { LocalCloud } from '../src/server.ts';

const settle = (results: PromiseSettledResult<unknown>[]) => ({
  ok: results.filter((r) => r.status === 'fulfilled').length,
  errors: results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).name] : [])),
});

describe('fault injection', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud({ embedded: false });
  });
  afterAll(async () => {
    await cloud.stop();
  });
  beforeEach(async () => {
    await admin(cloud, 'faults', {
      throttleRps: 0,
      faultRate: 0,
      latencyMs: 0,
      jitterMs: 0,
      serviceRps: {},
      operationRps: {},
    });
    await admin(cloud, 'faults', { lookupEventsLimit: true });
    await admin(cloud, 'calls/reset', {});
  });

  it('throttles over throttleRps with the service error, and the SDK retry rides through a burst', async () => {
    expect(await admin(cloud, 'faults', { throttleRps: 2, lookupEventsLimit: false })).toMatchObject({
      throttleRps: 2,
    });
    const once = clientsFor(cloud, 'us-east-1', 'AKIALOCALTEST', { maxAttempts: 1 }).cloudTrail;
    const burst = settle(
      await Promise.allSettled(Array.from({ length: 6 }, () => once.send(new LookupEventsCommand({})))),
    );
    // Two tokens in the bucket; a slow machine may refill a third during the burst.
    expect(burst.ok).toBeGreaterThanOrEqual(2);
    expect(burst.ok).toBeLessThanOrEqual(3);
    expect(new Set(burst.errors)).toEqual(new Set(['ThrottlingException']));
    const sts = clientsFor(cloud, 'us-east-1', 'AKIALOCALTEST', { maxAttempts: 1 }).sts;
    await Promise.allSettled([1, 2, 3].map(() => sts.send(new GetCallerIdentityCommand({}))));
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'Throttling' });

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const patient = clientsFor(cloud, 'us-east-1', 'AKIALOCALTEST', { maxAttempts: 6 }).cloudTrail;
    const retried = settle(
      await Promise.allSettled([1, 2, 3, 4].map(() => patient.send(new LookupEventsCommand({})))),
    );
    expect(retried).toEqual({ ok: 4, errors: [] });
    expect((await admin(cloud, 'calls')).throttled).toBeGreaterThan(4);
  });

  it("keeps LookupEvents' own limit of 2 requests a second per Region", async () => {
    const once = clientsFor(cloud, 'eu-central-1', 'AKIALOCALTEST', { maxAttempts: 1 }).cloudTrail;
    const burst = settle(
      await Promise.allSettled([1, 2, 3, 4, 5].map(() => once.send(new LookupEventsCommand({})))),
    );
    expect(burst.ok).toBeGreaterThanOrEqual(2);
    expect(burst.ok).toBeLessThanOrEqual(3);
    expect(new Set(burst.errors)).toEqual(new Set(['ThrottlingException']));
    // Another Region has its own bucket.
    const elsewhere = clientsFor(cloud, 'eu-north-1', 'AKIALOCALTEST', { maxAttempts: 1 }).cloudTrail;
    await expect(elsewhere.send(new LookupEventsCommand({}))).resolves.toBeDefined();
  });

  it('answers the internal error on faultRate 1 and keeps serving afterwards', async () => {
    await admin(cloud, 'faults', { faultRate: 1 });
    const { cloudTrail, sts } = clientsFor(cloud, 'us-west-2', 'AKIALOCALTEST', { maxAttempts: 1 });
    await expect(cloudTrail.send(new LookupEventsCommand({}))).rejects.toMatchObject({
      name: 'InternalFailure',
      $metadata: { httpStatusCode: 500 },
    });
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 500 },
    });
    expect((await admin(cloud, 'calls')).faulted).toBe(2);
    await admin(cloud, 'faults', { faultRate: 0 });
    await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({
      Account: '123456789012',
    });
  });

  it('adds the configured latency to every call', async () => {
    const { sts } = clientsFor(cloud);
    await admin(cloud, 'faults', { latencyMs: 200 });
    let started = performance.now();
    await sts.send(new GetCallerIdentityCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
    await admin(cloud, 'faults', { latencyMs: 0 });
    started = performance.now();
    await sts.send(new GetCallerIdentityCommand({}));
    expect(performance.now() - started).toBeLessThan(150);
  });

  it('limits one operation on its own with operationRps', async () => {
    await admin(cloud, 'faults', { operationRps: { 'sts:GetCallerIdentity': 1 } });
    const sts = clientsFor(cloud, 'ap-south-1', 'AKIALOCALTEST', { maxAttempts: 1 }).sts;
    const burst = settle(
      await Promise.allSettled([1, 2, 3].map(() => sts.send(new GetCallerIdentityCommand({})))),
    );
    expect(burst).toEqual({ ok: 1, errors: ['Throttling', 'Throttling'] });
  });

  it('limits one service on its own with serviceRps, leaving the others at throttleRps', async () => {
    await admin(cloud, 'faults', { throttleRps: 1, serviceRps: { sts: 3 }, lookupEventsLimit: false });
    const clients = clientsFor(cloud, 'eu-west-3', 'AKIALOCALTEST', { maxAttempts: 1 });
    const sts = settle(
      await Promise.allSettled([1, 2, 3].map(() => clients.sts.send(new GetCallerIdentityCommand({})))),
    );
    expect(sts).toEqual({ ok: 3, errors: [] });
    const trail = settle(
      await Promise.allSettled([1, 2].map(() => clients.cloudTrail.send(new LookupEventsCommand({})))),
    );
    expect(trail).toEqual({ ok: 1, errors: ['ThrottlingException'] });
  });
});
