import { GetTableCommand, UpdateTableCommand } from '@aws-sdk/client-glue';
import type { RealtimeLake } from '../realtime/support/realtimeLake.ts';

/** Sets table sales.orders' `owner` parameter in the source through the real SDK. */
export async function setOwner(lake: RealtimeLake, owner: string) {
  const { glue } = lake.source;
  const table = (await glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'orders' }))).Table!;
  await glue.send(
    new UpdateTableCommand({
      DatabaseName: 'sales',
      TableInput: {
        Name: 'orders',
        PartitionKeys: table.PartitionKeys,
        StorageDescriptor: table.StorageDescriptor,
        TableType: table.TableType,
        Parameters: { ...table.Parameters, owner },
      },
    }),
  );
}
