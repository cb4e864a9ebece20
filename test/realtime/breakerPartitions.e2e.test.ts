import {
  BatchCreatePartitionCommand,
  BatchDeletePartitionCommand,
  CreateDatabaseCommand,
  CreateTableCommand,
  GetPartitionsCommand,
} from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayExitCode, runOnce } from '../../src/realtime/index.ts';
import { type RealtimeLake, SOURCE_BUCKET, startRealtimeLake } from './support/realtimeLake.ts';

const s3 = (path: string) => `s3://${SOURCE_BUCKET}/${path}`;
const days = Array.from({ length: 30 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`);

describe('circuit breaker: partitions count one by one', () => {
  let lake: RealtimeLake;
  beforeAll(async () => {
    lake = await startRealtimeLake();
  });
  afterAll(async () => {
    await lake.stop();
  });

  it('deleting most partitions of one table trips it; confirm applies them', async () => {
    const config = await lake.freshConfig();
    const { glue } = lake.source;
    await glue.send(
      new CreateDatabaseCommand({ DatabaseInput: { Name: 'rt_parts', LocationUri: s3('rt_parts') } }),
    );
    await glue.send(
      new CreateTableCommand({
        DatabaseName: 'rt_parts',
        TableInput: {
          Name: 'events',
          PartitionKeys: [{ Name: 'dt', Type: 'string' }],
          StorageDescriptor: { Columns: [{ Name: 'id', Type: 'bigint' }], Location: s3('rt_parts/events') },
        },
      }),
    );
    await glue.send(
      new BatchCreatePartitionCommand({
        DatabaseName: 'rt_parts',
        TableName: 'events',
        PartitionInputList: days.map((dt) => ({
          Values: [dt],
          StorageDescriptor: { Location: s3(`rt_parts/events/dt=${dt}`) },
        })),
      }),
    );
    const created = await runOnce(lake.runtime(config));
    expect(created.replay.circuitBreaker.tripped).toBe(false);
    const targetPartitions = async () =>
      (
        await lake.target.glue.send(
          new GetPartitionsCommand({ DatabaseName: 'rt_parts', TableName: 'events' }),
        )
      ).Partitions ?? [];
    expect(await targetPartitions()).toHaveLength(30);

    await glue.send(
      new BatchDeletePartitionCommand({
        DatabaseName: 'rt_parts',
        TableName: 'events',
        PartitionsToDelete: days.slice(0, 25).map((dt) => ({ Values: [dt] })),
      }),
    );
    const tripped = await runOnce(lake.runtime(config));
    expect(tripped.replay.circuitBreaker).toMatchObject({ tripped: true, planned: 25 });
    expect(tripped.replay.held).toMatchObject([
      { cluster: 'table:rt_parts.events', kinds: [{ kind: 'partition', count: 25 }] },
    ]);
    expect(replayExitCode(tripped.replay)).toBe(2);
    expect(await targetPartitions()).toHaveLength(30);

    const confirmed = await runOnce(lake.runtime(config), { confirm: true });
    expect(confirmed.replay.circuitBreaker).toMatchObject({ tripped: false, exceeded: true });
    expect((await targetPartitions()).map((p) => p.Values?.[0])).toEqual(days.slice(25));
  });
});
