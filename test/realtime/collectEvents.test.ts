import type { LocalCloud } from '@lakemirror/localcloud';
import type { FinalizeHandler, HandlerExecutionContext } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudTrailEventLog } from '../../src/aws/cloudTrailEventLog.ts';
import { LakemirrorError } from '../../src/model/errors.ts';
import { collectEvents } from '../../src/realtime/collect/collectEvents.ts';
import { clientsFor, startTestCloud } from '../support/localCloud.ts';
import { freshEventTable } from './support/eventTableFixture.ts';
import { createTable, recordEvent } from './support/recordEvents.ts';

const MIN = 60_000;
const config = { sourceRegion: 'us-east-1', sourceAccountId: '123456789012' };

describe('collectEvents against the local cloud (CloudTrail LookupEvents + dynalite)', () => {
  let cloud: LocalCloud;
  /** One source for the file: its token bucket keeps every test under LookupEvents' 2 requests a second. */
  let events: CloudTrailEventLog;
  beforeAll(async () => {
    cloud = await startTestCloud();
    events = new CloudTrailEventLog(clientsFor(cloud).cloudTrail, { region: 'us-east-1' });
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('stages a window once, rejects what is not replicated, and re-reading it stages nothing twice', async () => {
    await cloud.reset();
    const { table } = await freshEventTable(cloud);
    const now = Date.now();
    recordEvent(cloud, {
      service: 'glue',
      operation: 'CreateDatabase',
      input: { DatabaseInput: { Name: 'Sales' } },
      atMs: now - 10 * MIN,
    });
    recordEvent(cloud, createTable('sales', 'orders', now - 9 * MIN));
    recordEvent(cloud, {
      service: 'glue',
      operation: 'BatchCreatePartition',
      input: {
        DatabaseName: 'sales',
        TableName: 'orders',
        PartitionInputList: [{ Values: ['1'] }, { Values: ['2'] }, { Values: ['3'] }],
      },
      atMs: now - 8 * MIN,
    });
    recordEvent(cloud, {
      service: 'lakeformation',
      operation: 'GrantPermissions',
      input: {
        Principal: { DataLakePrincipalIdentifier: 'arn:aws:iam::123456789012:role/analyst' },
        Resource: { Table: { DatabaseName: 'sales', Name: 'orders' } },
        Permissions: ['SELECT'],
      },
      atMs: now - 7 * MIN,
    });
    recordEvent(cloud, {
      ...createTable('sales', 'orders', now - 6 * MIN),
      errorCode: 'AlreadyExistsException',
    });
    recordEvent(cloud, {
      ...createTable('sales', 'x', now - 6 * MIN),
      operation: 'GetTable',
      readOnly: true,
    });
    // Another Region's history is not read at all: LookupEvents is regional.
    recordEvent(cloud, { ...createTable('sales', 'elsewhere', now - 6 * MIN), region: 'eu-west-1' });
    recordEvent(cloud, createTable('sales', 'too_old', now - 61 * MIN));

    const first = await collectEvents({ events, table, config, clock: () => now });
    expect(first).toMatchObject({
      firstRun: true,
      startTime: new Date(now - 60 * MIN).toISOString(),
      endTime: new Date(now).toISOString(),
      pages: 2,
      read: 6,
      staged: 6,
      duplicates: 0,
      rejected: { error: 1, readOnly: 1 },
      checkpoint: { advanced: true, current: new Date(now).toISOString() },
    });
    const pending = await table.queryPending({ limit: 50, now: new Date(now) });
    expect(pending.map((i) => i.objectKey)).toEqual([
      'database:sales',
      'table:sales.orders',
      'partition:sales.orders/["1"]',
      'partition:sales.orders/["2"]',
      'partition:sales.orders/["3"]',
      'permissions:{"Table":{"DatabaseName":"sales","Name":"orders"}}',
    ]);

    const second = await collectEvents({ events, table, config, clock: () => now + MIN });
    expect(second).toMatchObject({
      firstRun: false,
      startTime: new Date(now - 15 * MIN).toISOString(),
      staged: 0,
      duplicates: 6,
      checkpoint: { previous: new Date(now).toISOString(), current: new Date(now + MIN).toISOString() },
    });
    expect(await table.listRecent({ since: new Date(0) })).toHaveLength(6);
  });

  it('stages events that arrive out of order, and hands them out in event-time order', async () => {
    await cloud.reset();
    const { table } = await freshEventTable(cloud);
    const now = Date.now();
    recordEvent(cloud, createTable('sales', 'a', now - 5 * MIN));
    recordEvent(cloud, createTable('sales', 'b', now - 8 * MIN));
    recordEvent(cloud, createTable('sales', 'c', now - 6 * MIN));
    const report = await collectEvents({ events, table, config, clock: () => now });
    expect(report.staged).toBe(3);
    const pending = await table.queryPending({ limit: 10, now: new Date(now) });
    expect(pending.map((i) => i.objectKey)).toEqual(['table:sales.b', 'table:sales.c', 'table:sales.a']);
  });

  it('catches events CloudTrail delivered late through the overlap window (and misses them without)', async () => {
    await cloud.reset();
    const withOverlap = await freshEventTable(cloud);
    const noOverlap = await freshEventTable(cloud);
    cloud.trail.settings.deliveryDelayMs = 2_000;
    try {
      const now = Date.now();
      recordEvent(cloud, createTable('sales', 'early', now - 10 * MIN));
      recordEvent(cloud, createTable('sales', 'late', now - 500));
      const runs = (cfg: object) => [
        collectEvents({
          events,
          table: withOverlap.table,
          config: { ...config, ...cfg, overlapMinutes: 15 },
        }),
        collectEvents({ events, table: noOverlap.table, config: { ...config, ...cfg, overlapMinutes: 0 } }),
      ];
      const [a1, b1] = await Promise.all(runs({}));
      expect([a1!.staged, b1!.staged]).toEqual([1, 1]);
      // Both checkpoints are now past the late event's time; it becomes visible ~1.5 s after it happened.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, now + 1_600 - Date.now())));
      const [a2, b2] = await Promise.all(runs({}));
      expect(a2).toMatchObject({ staged: 1, duplicates: 1 });
      expect(b2).toMatchObject({ staged: 0 });
      const staged = await withOverlap.table.listRecent({ since: new Date(0) });
      expect(staged.map((i) => i.objectKey).sort()).toEqual(['table:sales.early', 'table:sales.late']);
    } finally {
      cloud.trail.settings.deliveryDelayMs = 0;
    }
  });

  it('pages through LookupEvents 50 at a time within the 2 requests a second limit', async () => {
    await cloud.reset();
    const { table } = await freshEventTable(cloud);
    const now = Date.now();
    for (let n = 0; n < 120; n++)
      recordEvent(cloud, createTable('sales', `t${n}`, now - 30 * MIN + n * 1000));
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // let the server's bucket refill
    cloud.stats.reset();
    const started = Date.now();
    const report = await collectEvents({ events, table, config, clock: () => now });
    expect(report).toMatchObject({ read: 120, staged: 120, pages: 4 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    const calls = cloud.stats.snapshot();
    expect(calls.byRegion['us-east-1']?.cloudtrail?.LookupEvents).toBe(4);
    expect(calls.throttled).toBe(0);
    expect(await table.queryPending({ limit: 200, now: new Date(now) })).toHaveLength(120);
  });

  it('keeps only objects inside the filters, counting events filtered out entirely', async () => {
    await cloud.reset();
    const { table } = await freshEventTable(cloud);
    const now = Date.now();
    recordEvent(cloud, createTable('sales', 'orders', now - 3 * MIN));
    recordEvent(cloud, createTable('scratch', 'x', now - 3 * MIN));
    recordEvent(cloud, {
      service: 'glue',
      operation: 'BatchDeleteTable',
      input: { DatabaseName: 'sales', TablesToDelete: ['tmp_a', 'orders'] },
      atMs: now - 2 * MIN,
    });
    recordEvent(cloud, {
      service: 'lakeformation',
      operation: 'CreateLFTag',
      input: { TagKey: 'env', TagValues: ['prod'] },
      atMs: now - MIN,
    });
    const filters = { databases: { exclude: ['scratch'] }, tables: { exclude: ['*.tmp_*'] } };
    const report = await collectEvents({ events, table, config: { ...config, filters }, clock: () => now });
    // A deleted table names five objects (itself, partitions, filters, tag assignments, grants): tmp_a's
    // five are filtered out, orders' five staged under their index in the event's list (5 to 9).
    expect(report).toMatchObject({ read: 4, staged: 7, filteredObjects: 5, rejected: { filtered: 1 } });
    const keys = (await table.listRecent({ since: new Date(0) })).map((i) => `${i.pk} ${i.objectKey}`);
    expect(keys.some((k) => /^EVT#.+#5 table:sales\.orders$/.test(k))).toBe(true);
    expect(keys.some((k) => k.endsWith('lfTag:env'))).toBe(true);
  });

  it('leaves the checkpoint where it was when a DynamoDB write fails; the next run catches up', async () => {
    await cloud.reset();
    const { table, documents } = await freshEventTable(cloud);
    const now = Date.now();
    await collectEvents({ events, table, config, clock: () => now - 20 * MIN });
    const before = await table.readCheckpoint('us-east-1');
    for (let n = 0; n < 5; n++) recordEvent(cloud, createTable('sales', `t${n}`, now - 10 * MIN + n * 1000));

    let puts = 0;
    const failThirdPut =
      (next: FinalizeHandler<any, any>, context: HandlerExecutionContext) => async (args: any) => {
        if (context.commandName === 'PutCommand' || context.commandName === 'PutItemCommand') {
          puts += 1;
          if (puts === 3)
            throw Object.assign(new Error('injected'), { name: 'InternalServerError', $fault: 'server' });
        }
        return next(args);
      };
    documents.middlewareStack.add(failThirdPut as any, { step: 'initialize', name: 'failThirdPut' });
    let failure: unknown;
    try {
      await collectEvents({ events, table, config, clock: () => now });
    } catch (error) {
      failure = error;
    } finally {
      documents.middlewareStack.remove('failThirdPut');
    }
    expect(failure).toBeInstanceOf(LakemirrorError);
    expect((failure as LakemirrorError).code).toBe('collect.writeFailed');
    expect((failure as LakemirrorError).message).toContain('after 4 staged of 5 read');
    expect(await table.readCheckpoint('us-east-1')).toEqual(before);

    const retry = await collectEvents({ events, table, config, clock: () => now + MIN });
    expect(retry).toMatchObject({ staged: 1, duplicates: 4, checkpoint: { advanced: true } });
    expect(retry.startTime).toBe(new Date(Date.parse(before!.checkpointTime) - 15 * MIN).toISOString());
    expect(await table.queryPending({ limit: 10, now: new Date(now + MIN) })).toHaveLength(5);
  });
});
