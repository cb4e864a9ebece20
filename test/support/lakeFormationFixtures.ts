import type { LocalCloud } from '../../src/localcloud/server.ts';
import { glueStateOf } from '../../src/localcloud/services/glue/state.ts';

export const ACCOUNT = '123456789012';

/** Writes a Glue database with tables straight into the emulator's state (the Glue handlers are not needed). */
export function seedGlue(
  cloud: LocalCloud,
  database: string,
  tables: Record<string, string[]>,
  region = 'us-east-1',
  account = ACCOUNT,
): void {
  const glue = glueStateOf(cloud.state.get(account, region));
  glue.databases[database.toLowerCase()] = {
    database: { Name: database.toLowerCase(), CatalogId: account },
    tables: Object.fromEntries(
      Object.entries(tables).map(([name, columns]) => [
        name,
        {
          table: {
            Name: name,
            DatabaseName: database.toLowerCase(),
            StorageDescriptor: { Columns: columns.map((c) => ({ Name: c, Type: 'string' })) },
            PartitionKeys: [],
          },
          versions: [],
          partitions: {},
        },
      ]),
    ),
  };
}

export const role = (name: string, account = ACCOUNT) => `arn:aws:iam::${account}:role/${name}`;
