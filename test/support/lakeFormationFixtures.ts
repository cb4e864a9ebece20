import { type LocalCloud, loadLake } from '@lakemirror/localcloud';

export const ACCOUNT = '123456789012';

/** Writes a Glue database with tables straight into the emulator's state (the Glue handlers are not needed). */
export function seedGlue(
  cloud: LocalCloud,
  database: string,
  tables: Record<string, string[]>,
  region = 'us-east-1',
  account = ACCOUNT,
): void {
  const name = database.toLowerCase();
  loadLake(cloud, region, {
    accountId: account,
    databases: [{ Name: name, CatalogId: account }],
    tables: Object.entries(tables).map(([table, columns]) => ({
      database: name,
      table: {
        Name: table,
        DatabaseName: name,
        StorageDescriptor: { Columns: columns.map((c) => ({ Name: c, Type: 'string' })) },
        PartitionKeys: [],
      },
    })),
  });
}

export const role = (name: string, account = ACCOUNT) => `arn:aws:iam::${account}:role/${name}`;
