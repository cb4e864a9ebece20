import { GetTableCommand, type GlueClient, UpdateTableCommand } from '@aws-sdk/client-glue';
import type { RealtimeLake } from '../realtime/support/realtimeLake.ts';

/** Sets table sales.orders' `owner` parameter in the source through the real SDK. */
export function setOwner(lake: RealtimeLake, owner: string): Promise<void> {
  return setOwnerIn(lake.source, owner);
}

/** Sets table sales.orders' `owner` parameter in the Region these clients call. */
export async function setOwnerIn(clients: { glue: GlueClient }, owner: string): Promise<void> {
  const { glue } = clients;
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
