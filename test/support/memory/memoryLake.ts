import type { PartitionInput, TableInput } from '@aws-sdk/client-glue';
import { isWriteOperation } from '../../../src/aws/callCounter.ts';
import type { RegionSide } from '../../../src/engine/regionSide.ts';

export const ANALYST = 'arn:aws:iam::123456789012:role/analyst';

const columns = (...names: string[]) => names.map((Name) => ({ Name, Type: 'string' }));

function tableInput(bucket: string, name: string, partitioned: boolean): TableInput {
  return {
    Name: name,
    TableType: 'EXTERNAL_TABLE',
    Parameters: { classification: 'parquet' },
    StorageDescriptor: { Columns: columns('id', 'amount'), Location: `s3://${bucket}/sales/${name}/` },
    ...(partitioned ? { PartitionKeys: columns('dt') } : {}),
  };
}

/**
 * Seeds a small lake through a side's ports: database `sales` with the partitioned table `orders` (`days`
 * daily partitions) and the tables `products` and `customers`; DESCRIBE on the database and
 * DESCRIBE + SELECT on `sales.orders` for the analyst role.
 */
export async function seedSmallLake(side: RegionSide, bucket: string, days = 30): Promise<void> {
  await side.glueWriter.createDatabase({ Name: 'sales', LocationUri: `s3://${bucket}/sales/` });
  for (const name of ['orders', 'products', 'customers'])
    await side.glueWriter.createTable('sales', tableInput(bucket, name, name === 'orders'));
  const partitions: PartitionInput[] = Array.from({ length: days }, (_, i) => {
    const dt = `2026-01-${String(i + 1).padStart(2, '0')}`;
    return {
      Values: [dt],
      StorageDescriptor: {
        Columns: columns('id', 'amount'),
        Location: `s3://${bucket}/sales/orders/dt=${dt}/`,
      },
    };
  });
  await side.glueWriter.batchCreatePartitions('sales', 'orders', partitions);
  const principal = { DataLakePrincipalIdentifier: ANALYST };
  await side.lakeFormation.batchGrant([
    { Principal: principal, Resource: { Database: { Name: 'sales' } }, Permissions: ['DESCRIBE'] },
    {
      Principal: principal,
      Resource: { Table: { DatabaseName: 'sales', Name: 'orders' } },
      Permissions: ['DESCRIBE', 'SELECT'],
    },
  ]);
}

/** A new unpartitioned table in `sales` (written through the side's catalog writer port). */
export function newTable(side: RegionSide, name: string): Promise<void> {
  return side.glueWriter.createTable('sales', {
    Name: name,
    TableType: 'EXTERNAL_TABLE',
    Parameters: { classification: 'parquet' },
  });
}

/** The side's write calls by operation (`Glue:CreateTable`…) counted since `since` was taken. */
export function writesSince(side: RegionSide, since: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(side.counter.byOperation())
      .map(([op, n]) => [op, n - (since[op] ?? 0)] as const)
      .filter(([op, n]) => n > 0 && isWriteOperation(op.slice(op.indexOf(':') + 1))),
  );
}
