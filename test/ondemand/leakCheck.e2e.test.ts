import {
  CreateDatabaseCommand,
  CreateTableCommand,
  GetDatabaseCommand,
  GetTableCommand,
} from '@aws-sdk/client-glue';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SnapshotRecord } from '../../src/model/records.ts';
import { createRuntime, runSync, runVerify, syncExitCode } from '../../src/ondemand/index.ts';
import { demoConfigFile } from '../reliability/support.ts';
import { cli } from '../support/cli.ts';
import { demoConfig, seedDemo } from '../support/demoSync.ts';
import { clientsFor, startTestCloud, sum, writeCalls } from '../support/localCloud.ts';

const SOURCE_BUCKET = 'lakemirror-demo-lake-use1';

/**
 * The test double: a remapper that forgets `Parameters.location` of databases and tables, as the remap of
 * issue 22 did for databases. Sync and verify both go through it; the leak check does not.
 */
vi.mock('../../src/plan/s3Remap.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/plan/s3Remap.ts')>();
  const forget = (before: SnapshotRecord, remapped: SnapshotRecord): SnapshotRecord => {
    if ((before.kind !== 'database' && before.kind !== 'table') || remapped.kind !== before.kind)
      return remapped;
    const location = before.input.Parameters?.location;
    if (location === undefined) return remapped;
    return {
      ...remapped,
      input: { ...remapped.input, Parameters: { ...remapped.input.Parameters, location } },
    } as SnapshotRecord;
  };
  const forgetful: typeof actual.remapRecord = (record, mapping, onUndecided) =>
    forget(record, actual.remapRecord(record, mapping, onUndecided)) as typeof record;
  return { ...actual, remapRecord: forgetful };
});

describe('the leak check, independent of the remapper', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
    await seedDemo(cloud);
    const { glue } = clientsFor(cloud, 'us-east-1');
    await glue.send(
      new CreateDatabaseCommand({
        DatabaseInput: { Name: 'leaky', Parameters: { location: `s3://${SOURCE_BUCKET}/leaky/` } },
      }),
    );
    await glue.send(
      new CreateTableCommand({
        DatabaseName: 'leaky',
        TableInput: { Name: 'events', Parameters: { location: `s3://${SOURCE_BUCKET}/leaky/events/` } },
      }),
    );
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('finds the source bucket the remapper left in a table and a database parameter, though the plan is empty', async () => {
    // Prepare: the forgetful remapper copies the source URIs into the target.
    expect(syncExitCode(await runSync(createRuntime(demoConfig(cloud))))).toBe(0);
    const { glue } = clientsFor(cloud, 'us-west-2');
    const db = (await glue.send(new GetDatabaseCommand({ Name: 'leaky' }))).Database!;
    const table = (await glue.send(new GetTableCommand({ DatabaseName: 'leaky', Name: 'events' }))).Table!;
    expect(db.Parameters?.location).toContain(SOURCE_BUCKET);
    expect(table.Parameters?.location).toContain(SOURCE_BUCKET);

    // Act
    cloud.stats.reset();
    expect(syncExitCode(await runSync(createRuntime(demoConfig(cloud))))).toBe(0);
    const planned = await runVerify(createRuntime(demoConfig(cloud)));
    const files = demoConfigFile(cloud);
    const verified = await cli(['verify', '--config', files.path, '--endpoint', cloud.endpoint]);

    // Assess: the planner sees nothing to do, the leak check names both fields.
    expect(sum(writeCalls(cloud, 'us-west-2'))).toBe(0);
    expect(planned.reports[0]!.drift).toEqual([]);
    expect(planned.reports[0]!.leaks).toEqual([
      expect.objectContaining({ kind: 'database', key: 'leaky', field: 'input.Parameters.location' }),
      expect.objectContaining({ kind: 'table', key: 'leaky.events', field: 'input.Parameters.location' }),
    ]);
    expect(verified.code).toBe(2);
    expect(verified.stdout).toContain('database leaky field input.Parameters.location');
    expect(verified.stdout).toContain('table leaky.events field input.Parameters.location');
  });
});
