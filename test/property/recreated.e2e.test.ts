import {
  CreateDatabaseCommand,
  CreateTableCommand,
  DeleteDatabaseCommand,
  DeleteTableCommand,
} from '@aws-sdk/client-glue';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../src/ondemand/index.ts';
import { startTestCloud } from '../support/localCloud.ts';
import { drainRealtime, eventItems, expectConverged, syncProblems, unsettled } from './support/syncPoints.ts';
import { BUCKET, freshWorld, tableInput } from './support/tinyLake.ts';

/**
 * Shrunk counterexamples the convergence property found, kept as plain tests: an object deleted and
 * created again under the same name between two real-time rounds. The source lost everything that hung on
 * the old object (partitions, grants, filters, tag assignments, tables); the target must lose it too.
 */
describe('an object deleted and created again', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('[DeleteTable(db1.t1), CreateTable(db1.t1, partitioned)]: the old grants, filter and partitions go', async () => {
    const world = await freshWorld(cloud);
    const { glue } = world.source;
    await glue.send(new DeleteTableCommand({ DatabaseName: 'db1', Name: 't1' }));
    await glue.send(
      new CreateTableCommand({ DatabaseName: 'db1', TableInput: tableInput('db1', 't1', true) }),
    );
    await drainRealtime(world);
    expect(unsettled(await eventItems(world))).toEqual([]);
    await expectConverged(world);
  });

  it('on demand, [DeleteTable(db1.t1), CreateTable(db1.t1)]: the old partitions go with the partition keys', async () => {
    const world = await freshWorld(cloud);
    const { glue } = world.source;
    await glue.send(new DeleteTableCommand({ DatabaseName: 'db1', Name: 't1' }));
    await glue.send(
      new CreateTableCommand({ DatabaseName: 'db1', TableInput: tableInput('db1', 't1', false) }),
    );
    expect(syncProblems(await runSync(world.runtime()))).toEqual([]);
    await expectConverged(world);
  });

  it('[DeleteDatabase(db1), CreateDatabase(db1)]: the old tables and grants go', async () => {
    const world = await freshWorld(cloud);
    const { glue } = world.source;
    await glue.send(new DeleteDatabaseCommand({ Name: 'db1' }));
    await glue.send(
      new CreateDatabaseCommand({
        DatabaseInput: { Name: 'db1', Description: 'v0', LocationUri: `s3://${BUCKET}/db1` },
      }),
    );
    await drainRealtime(world);
    expect(unsettled(await eventItems(world))).toEqual([]);
    await expectConverged(world);
  });
});
