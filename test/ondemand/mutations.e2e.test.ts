import {
  BatchCreatePartitionCommand,
  DeleteTableCommand,
  GetPartitionsCommand,
  GetTableCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-glue';
import { RevokePermissionsCommand } from '@aws-sdk/client-lakeformation';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, runSync, runVerify, syncExitCode } from '../../src/ondemand/index.ts';
import { demoConfig, startSeededCloud } from '../support/demoSync.ts';
import { clientsFor, writeCalls } from '../support/localCloud.ts';

const ANALYST = 'arn:aws:iam::123456789012:role/analyst';

describe('on-demand sync after source changes (deleteMissing)', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startSeededCloud();
  });
  afterAll(() => cloud.stop());

  it('plans exactly the changes, applies them, verifies, and then has nothing left to do', async () => {
    const config = demoConfig(cloud, { deleteMissing: true });
    expect(syncExitCode(await runSync(createRuntime(config)))).toBe(0);
    const { glue, lakeFormation } = clientsFor(cloud, 'us-east-1');

    // Prepare: a column type change, five new partitions, a revoked grant, a dropped table.
    const products = (await glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'products' })))
      .Table!;
    const columns = products.StorageDescriptor!.Columns!.map((c, i) =>
      i === 0 ? { ...c, Type: c.Type === 'string' ? 'bigint' : 'string' } : c,
    );
    await glue.send(
      new UpdateTableCommand({
        DatabaseName: 'sales',
        TableInput: {
          Name: 'products',
          StorageDescriptor: { ...products.StorageDescriptor, Columns: columns },
          PartitionKeys: products.PartitionKeys,
          TableType: products.TableType,
          Parameters: products.Parameters,
        },
      }),
    );
    const sample = (
      await glue.send(new GetPartitionsCommand({ DatabaseName: 'sales', TableName: 'orders', MaxResults: 1 }))
    ).Partitions![0]!;
    const added = [1, 2, 3, 4, 5].map((n) => [`2031-01-0${n}`, ...sample.Values!.slice(1)]);
    await glue.send(
      new BatchCreatePartitionCommand({
        DatabaseName: 'sales',
        TableName: 'orders',
        PartitionInputList: added.map((Values) => ({ Values, StorageDescriptor: sample.StorageDescriptor })),
      }),
    );
    await lakeFormation.send(
      new RevokePermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: ANALYST },
        Resource: { Database: { Name: 'sales' } },
        Permissions: ['DESCRIBE'],
      }),
    );
    await glue.send(new DeleteTableCommand({ DatabaseName: 'sales', Name: 'stores' }));

    // Act: plan.
    const planned = await runSync(createRuntime(config), { dryRun: true });
    expect(syncExitCode(planned)).toBe(2);
    const actions = planned.targets[0]!.actions.map((a) => `${a.op} ${a.kind} ${a.key}`);

    // Assess: exactly those changes (and what hangs on the dropped table).
    expect(actions).toContain('update table sales.products');
    for (const values of added)
      expect(actions).toContain(`create partition sales.orders/${JSON.stringify(values)}`);
    expect(
      actions.filter((a) => a.includes('grant') && a.includes(ANALYST) && a.includes('database:sales')),
    ).toHaveLength(1);
    expect(actions).toContain('delete table sales.stores');
    const unexpected = actions.filter(
      (a) =>
        !a.includes('sales.products') &&
        !a.startsWith('create partition sales.orders/["2031') &&
        !(a.startsWith('delete grant') && a.includes(ANALYST)) &&
        !a.includes('stores'),
    );
    expect(unexpected).toEqual([]);
    const updatedTable = planned.targets[0]!.actions.find((a) => a.key === 'sales.products')!;
    expect(updatedTable.changes?.map((c) => c.path)).toEqual(['StorageDescriptor.Columns[0].Type']);

    // Act and assess: apply, verify, and a second sync writes nothing.
    const applied = await runSync(createRuntime(config));
    expect(applied.targets[0]!.failures).toEqual([]);
    expect((await runVerify(createRuntime(config))).inSync).toBe(true);
    cloud.stats.reset();
    await runSync(createRuntime(config));
    expect(writeCalls(cloud, 'us-west-2')).toEqual({});
  });
});
