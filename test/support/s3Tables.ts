import { CreateCatalogCommand, CreateDatabaseCommand, CreateTableCommand } from '@aws-sdk/client-glue';
import { ListPermissionsCommand } from '@aws-sdk/client-lakeformation';
import type { TestClients } from './localCloud.ts';

/** The catalog of one S3 table bucket, below `s3tablescatalog`. */
export const TABLE_BUCKET = 's3tablescatalog/analytics';

/** The S3 Tables federation of a Region (the catalog the S3 Tables integration makes). */
export const s3TablesFederation = (region: string, account: string) => ({
  Identifier: `arn:aws:s3tables:${region}:${account}:bucket/*`,
  ConnectionName: 'aws:s3tables',
});

/**
 * What S3 Tables replication and the S3 Tables integration make in a Region: the catalog of a table bucket,
 * a namespace (database `ns`) and its tables, named with the multi-level CatalogId.
 */
export async function tableBucket(
  clients: TestClients,
  region: string,
  account: string,
  tables: readonly string[],
): Promise<void> {
  const CatalogId = `${account}:${TABLE_BUCKET}`;
  await clients.glue.send(
    new CreateCatalogCommand({
      Name: 's3tablescatalog',
      CatalogInput: { FederatedCatalog: s3TablesFederation(region, account) },
    }),
  );
  await clients.glue.send(new CreateCatalogCommand({ Name: TABLE_BUCKET, CatalogInput: {} }));
  await clients.glue.send(new CreateDatabaseCommand({ CatalogId, DatabaseInput: { Name: 'ns' } }));
  for (const Name of tables)
    await clients.glue.send(
      new CreateTableCommand({
        CatalogId,
        DatabaseName: 'ns',
        TableInput: { Name, TableType: 'EXTERNAL_TABLE' },
      }),
    );
}

/** Grants on tables of the table bucket's catalog, as `principal|table|permissions`, read with ListPermissions. */
export async function tableBucketGrants(clients: TestClients, account: string): Promise<string[]> {
  const { PrincipalResourcePermissions } = await clients.lakeFormation.send(
    new ListPermissionsCommand({ MaxResults: 1000 }),
  );
  return (PrincipalResourcePermissions ?? [])
    .filter((p) => p.Resource?.Table?.CatalogId === `${account}:${TABLE_BUCKET}`)
    .map((p) => `${p.Principal?.DataLakePrincipalIdentifier}|${p.Resource!.Table!.Name}|${p.Permissions}`)
    .sort();
}
