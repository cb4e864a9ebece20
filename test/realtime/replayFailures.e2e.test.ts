import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BatchCreatePartitionCommand,
  BatchDeleteTableCommand,
  CreateDatabaseCommand,
  CreateTableCommand,
  GetDatabaseCommand,
  GetTablesCommand,
  UpdateDatabaseCommand,
} from '@aws-sdk/client-glue';
import { CreateRoleCommand, DeleteRoleCommand } from '@aws-sdk/client-iam';
import { GrantPermissionsCommand } from '@aws-sdk/client-lakeformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { LakemirrorConfig } from '../../src/config/configSchema.ts';
import type { RegionSide } from '../../src/engine/regionSide.ts';
import { type ErrorCode, LakemirrorError } from '../../src/model/errors.ts';
import { stableStringify } from '../../src/model/stableStringify.ts';
import {
  collectOnce,
  eventTableOf,
  replayExitCode,
  replayOnce,
  replayPending,
  runOnce,
} from '../../src/realtime/index.ts';
import { replayConfigOf } from '../../src/realtime/replay/replayPending.ts';
import {
  type RealtimeLake,
  roleArn,
  SOURCE_BUCKET,
  startRealtimeLake,
  TARGET,
} from './support/realtimeLake.ts';

const WRITE = /^(create|update|delete|batch|register|deregister|add|remove|put)/;

/**
 * Wraps the target side's writer and Lake Formation store: records every write, and throws an internal error
 * (a crash: nothing after it runs, nothing is marked) instead of the write after `limit`.
 */
function recordWrites(log: string[], limit = Number.POSITIVE_INFINITY) {
  return (side: RegionSide): RegionSide => {
    if (side.region !== TARGET) return side;
    let writes = 0;
    const wrap = <T extends object>(adapter: T): T =>
      new Proxy(adapter, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver);
          if (typeof value !== 'function' || typeof prop !== 'string' || !WRITE.test(prop)) return value;
          return (...args: unknown[]) => {
            writes += 1;
            if (writes > limit)
              throw new LakemirrorError({
                code: 'test.crash' as ErrorCode,
                source: 'internal',
                message: 'simulated crash',
              });
            log.push(`${prop} ${stableStringify(args)}`);
            return value.apply(target, args);
          };
        },
      });
    return { ...side, glueWriter: wrap(side.glueWriter), lakeFormation: wrap(side.lakeFormation) };
  };
}

const table = (database: string, name: string, partitioned = false) =>
  new CreateTableCommand({
    DatabaseName: database,
    TableInput: {
      Name: name,
      ...(partitioned ? { PartitionKeys: [{ Name: 'dt', Type: 'string' }] } : {}),
      StorageDescriptor: {
        Columns: [{ Name: 'id', Type: 'int' }],
        Location: `s3://${SOURCE_BUCKET}/${database}/${name}`,
      },
    },
  });

describe('real-time replay: crashes, poison objects and the circuit breaker', () => {
  let lake: RealtimeLake;
  beforeAll(async () => {
    lake = await startRealtimeLake();
  });
  afterAll(async () => {
    await lake.stop();
  });

  it('a crash between collect and replay loses nothing: a new process replays the staged events', async () => {
    const config = await lake.freshConfig();
    await lake.source.glue.send(
      new UpdateDatabaseCommand({
        Name: 'sales',
        DatabaseInput: { Name: 'sales', Description: 'after crash' },
      }),
    );
    const collected = await collectOnce(lake.runtime(config));
    expect(collected.staged).toBe(1);
    const replay = await replayOnce(lake.runtime(config));
    expect(replay.events).toMatchObject({ read: 1, applied: 1 });
    const db = await lake.target.glue.send(new GetDatabaseCommand({ Name: 'sales' }));
    expect(db.Database?.Description).toBe('after crash');
  });

  it('a crash in the middle of replay converges on the rerun, with no write sent twice', async () => {
    const config = await lake.freshConfig();
    const { glue, lakeFormation: lf } = lake.source;
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'crash_db' } }));
    for (const name of ['a', 'b', 'c']) await glue.send(table('crash_db', name, name === 'a'));
    await glue.send(
      new BatchCreatePartitionCommand({
        DatabaseName: 'crash_db',
        TableName: 'a',
        PartitionInputList: ['1', '2'].map((dt) => ({ Values: [dt] })),
      }),
    );
    await lf.send(
      new GrantPermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: roleArn('analyst') },
        Resource: { Database: { Name: 'crash_db' } },
        Permissions: ['DESCRIBE'],
      }),
    );
    const collected = await collectOnce(lake.runtime(config));
    expect(collected.staged).toBe(7);

    const before: string[] = [];
    const crashed = replayOnce(lake.runtime(config, { wrapSide: recordWrites(before, 2) }));
    await expect(crashed).rejects.toThrow('simulated crash');
    expect(before).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 200)); // writes in flight at the crash land
    const events = eventTableOf(lake.runtime(config));
    expect(await events.queryPending({ limit: 100, now: new Date() })).toHaveLength(7);

    const after: string[] = [];
    const rerun = await replayOnce(lake.runtime(config, { wrapSide: recordWrites(after) }));
    expect(rerun.failures).toEqual([]);
    expect(rerun.events).toMatchObject({ read: 7, applied: 7 });
    expect(after.filter((write) => before.includes(write))).toEqual([]);
    // CreateDatabase, 3 CreateTable, BatchCreatePartition, BatchGrant: each sent once over both runs.
    expect(before.length + after.length).toBe(6);
    expect((await lake.verify(config)).inSync).toBe(true);
    expect((await replayOnce(lake.runtime(config))).events.read).toBe(0);
  });

  it('trips the circuit breaker on a mass delete, holds its events, and applies them with --confirm', async () => {
    const config = await lake.freshConfig();
    const { glue } = lake.source;
    const names = Array.from({ length: 22 }, (_, i) => `t${String(i).padStart(2, '0')}`);
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'bulk' } }));
    for (const name of names) await glue.send(table('bulk', name));
    const created = await runOnce(lake.runtime(config));
    expect(created.replay.circuitBreaker.tripped).toBe(false);
    expect(created.replay.events.applied).toBe(23);

    await glue.send(new BatchDeleteTableCommand({ DatabaseName: 'bulk', TablesToDelete: names }));
    const tripped = await runOnce(lake.runtime(config));
    expect(tripped.replay.circuitBreaker).toMatchObject({ tripped: true, planned: 22, threshold: 20 });
    expect(replayExitCode(tripped.replay)).toBe(2);
    expect(tripped.replay.events).toMatchObject({ applied: 0, held: 110 });
    expect(tripped.replay.held.map((h) => h.cluster)).toEqual(['database:bulk']);
    const targetTables = async () =>
      (await lake.target.glue.send(new GetTablesCommand({ DatabaseName: 'bulk' }))).TableList ?? [];
    expect(await targetTables()).toHaveLength(22);

    const file = writeConfig(config);
    const out: string[] = [];
    const host = { out: (line: string) => out.push(line), err: () => {} };
    // Held events wait for --confirm: a plain rerun leaves them alone.
    expect(await main(['node', 'lakemirror', 'realtime', 'replay', '--config', file, '--json'], host)).toBe(
      0,
    );
    expect(JSON.parse(out.at(-1)!).events.read).toBe(0);
    expect(await targetTables()).toHaveLength(22);

    expect(
      await main(['node', 'lakemirror', 'realtime', 'replay', '--config', file, '--confirm'], host),
    ).toBe(0);
    // Each deleted table stages five objects: itself, its partitions, filters, tag assignments and grants.
    expect(out.join('\n')).toMatch(/applied 110, failed 0/);
    expect(await targetTables()).toHaveLength(0);
    expect((await lake.verify(config)).inSync).toBe(true);
  });

  it('a poison object fails after maxAttempts without blocking the others', async () => {
    const config = await lake.freshConfig({ realtime: { maxAttempts: 2 } });
    const { iam } = lake.source;
    await iam.send(new CreateRoleCommand({ RoleName: 'ghost', AssumeRolePolicyDocument: '{}' }));
    await lake.source.lakeFormation.send(
      new GrantPermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: roleArn('ghost') },
        Resource: { Table: { DatabaseName: 'sales', Name: 'stores' } },
        Permissions: ['SELECT'],
      }),
    );
    // The role goes; Lake Formation keeps the grant in the source, and the target refuses the principal.
    await iam.send(new DeleteRoleCommand({ RoleName: 'ghost' }));
    await lake.source.glue.send(
      new UpdateDatabaseCommand({
        Name: 'marketing',
        DatabaseInput: { Name: 'marketing', Description: 'unblocked' },
      }),
    );
    const first = await runOnce(lake.runtime(config));
    expect(first.replay.events).toMatchObject({ read: 2, applied: 1, retried: 1, failed: 0 });
    expect(first.replay.failures).toMatchObject([{ object: 'grants:table:sales.stores', status: 'retry' }]);
    const db = await lake.target.glue.send(new GetDatabaseCommand({ Name: 'marketing' }));
    expect(db.Database?.Description).toBe('unblocked');

    const table = eventTableOf(lake.runtime(config));
    const replay = (at: number) =>
      replayPending({
        runtime: lake.runtime(config),
        table,
        config: replayConfigOf(config),
        clock: () => at,
      });
    expect((await replay(Date.now())).events.read).toBe(0); // backing off
    const last = await replay(Date.now() + 3_600_000);
    expect(last.events).toMatchObject({ read: 1, failed: 1 });
    expect(last.failures).toMatchObject([{ object: 'grants:table:sales.stores', status: 'failed' }]);
    expect(replayExitCode(last)).toBe(3);
    expect((await replay(Date.now() + 7_200_000)).events.read).toBe(0);
    const items = await table.listRecent({ since: new Date(Date.now() - 600_000) });
    expect(items.map((i) => [i.eventName, i.status, i.attempts])).toEqual(
      expect.arrayContaining([
        ['GrantPermissions', 'failed', 2],
        ['UpdateDatabase', 'applied', 0],
      ]),
    );
  });
});

function writeConfig(config: LakemirrorConfig): string {
  const file = join(config.snapshots.uri, 'lakemirror.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}
