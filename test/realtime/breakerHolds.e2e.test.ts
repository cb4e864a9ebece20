import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BatchDeleteTableCommand,
  CreateDatabaseCommand,
  CreateTableCommand,
  GetTableCommand,
  paginateGetTables,
  UpdateTableCommand,
} from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LakemirrorConfig } from '../../src/config/configSchema.ts';
import { createRuntime, runSync } from '../../src/ondemand/index.ts';
import type { ReplayReport } from '../../src/realtime/index.ts';
import { cli } from '../support/cli.ts';
import { type RealtimeLake, SOURCE_BUCKET, startRealtimeLake } from './support/realtimeLake.ts';

const names = Array.from({ length: 200 }, (_, i) => `t${String(i).padStart(3, '0')}`);
const tableInput = (database: string, name: string, description?: string) => ({
  Name: name,
  ...(description ? { Description: description } : {}),
  StorageDescriptor: {
    Columns: [{ Name: 'id', Type: 'int' }],
    Location: `s3://${SOURCE_BUCKET}/${database}/${name}`,
  },
});

function writeConfig(config: LakemirrorConfig, name: string): string {
  const file = join(config.snapshots.uri, name);
  writeFileSync(file, JSON.stringify(config));
  return file;
}

/** `realtime run-once` through the CLI; its JSON report's replay part. */
async function runOnce(file: string, ...flags: string[]) {
  const { code, stdout } = await cli(['realtime', 'run-once', '--config', file, '--json', ...flags]);
  return { code, replay: JSON.parse(stdout.split('\n').at(-1)!).replay as ReplayReport };
}

describe('circuit breaker: only the mass change is held', () => {
  let lake: RealtimeLake;
  beforeAll(async () => {
    lake = await startRealtimeLake();
  });
  afterAll(async () => {
    await lake.stop();
  });

  it('deleting 20 of 200 tables is held while an unrelated update replicates; --confirm and a raised threshold release it', async () => {
    const config = await lake.freshConfig({ realtime: { maxChangePercent: 5 } });
    const { glue } = lake.source;
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'rt_mass' } }));
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'rt_other' } }));
    for (const name of names)
      await glue.send(
        new CreateTableCommand({ DatabaseName: 'rt_mass', TableInput: tableInput('rt_mass', name) }),
      );
    await glue.send(
      new CreateTableCommand({ DatabaseName: 'rt_other', TableInput: tableInput('rt_other', 'orders') }),
    );
    await runSync(createRuntime(config));
    await lake.cloud.trail.clear();
    const targetTables = async () => {
      let count = 0;
      for await (const page of paginateGetTables({ client: lake.target.glue }, { DatabaseName: 'rt_mass' }))
        count += page.TableList?.length ?? 0;
      return count;
    };
    const targetDescription = async () =>
      (await lake.target.glue.send(new GetTableCommand({ DatabaseName: 'rt_other', Name: 'orders' }))).Table
        ?.Description;
    expect(await targetTables()).toBe(200);

    await glue.send(
      new BatchDeleteTableCommand({ DatabaseName: 'rt_mass', TablesToDelete: names.slice(0, 20) }),
    );
    await glue.send(
      new UpdateTableCommand({
        DatabaseName: 'rt_other',
        TableInput: tableInput('rt_other', 'orders', 'unrelated change'),
      }),
    );
    const file = writeConfig(config, 'lakemirror-5.json');
    const tripped = await runOnce(file);
    expect(tripped.code).toBe(2);
    expect(tripped.replay.circuitBreaker).toMatchObject({ tripped: true });
    expect(tripped.replay.circuitBreaker.known).toBeGreaterThanOrEqual(200);
    expect(tripped.replay.held).toHaveLength(1);
    const [hold] = tripped.replay.held;
    expect(hold?.cluster).toBe('database:rt_mass');
    expect(hold?.kinds.find((k) => k.kind === 'table')).toMatchObject({
      count: 20,
      firstKeys: ['rt_mass.t000', 'rt_mass.t001', 'rt_mass.t002', 'rt_mass.t003', 'rt_mass.t004'],
    });
    // In the same run: the unrelated update is in the target, the mass delete is not.
    expect(await targetDescription()).toBe('unrelated change');
    expect(await targetTables()).toBe(200);

    // A rerun leaves the held events alone; --confirm applies them.
    expect((await runOnce(file)).replay.events.read).toBe(0);
    expect(await targetTables()).toBe(200);
    const confirmed = await runOnce(file, '--confirm');
    expect(confirmed.code).toBe(0);
    expect(confirmed.replay.events.applied).toBe(tripped.replay.events.held);
    expect(await targetTables()).toBe(180);

    // Another mass delete is held again; raising the threshold re-judges it under the new configuration.
    await glue.send(
      new BatchDeleteTableCommand({ DatabaseName: 'rt_mass', TablesToDelete: names.slice(20, 40) }),
    );
    expect((await runOnce(file)).replay.held.map((h) => h.cluster)).toEqual(['database:rt_mass']);
    expect(await targetTables()).toBe(180);
    const raised = writeConfig(
      { ...config, realtime: { ...config.realtime, maxChangePercent: 100 } },
      'raised.json',
    );
    const released = await runOnce(raised);
    expect(released.code).toBe(0);
    expect(released.replay.held).toEqual([]);
    expect(await targetTables()).toBe(160);
  });
});
