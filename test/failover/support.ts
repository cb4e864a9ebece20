import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateDatabaseCommand, CreateTableCommand } from '@aws-sdk/client-glue';
import { ACCOUNT, type RealtimeLake, SOURCE } from '../realtime/support/realtimeLake.ts';

/** Where a test's reversed config goes: a fresh temporary directory. */
export const reversedPath = () =>
  join(mkdtempSync(join(tmpdir(), 'lakemirror-failover-')), 'lakemirror.reversed.json');

/**
 * Resource links in the source that keep pointing at the source Region once replicated (no
 * resourceLinkMapping): a database link, a table link, and a link to a database the lake does not replicate.
 */
export async function createSourceLinks(lake: RealtimeLake, suffix: string): Promise<void> {
  const { glue } = lake.source;
  await glue.send(
    new CreateDatabaseCommand({
      DatabaseInput: {
        Name: `sales_link_${suffix}`,
        TargetDatabase: { CatalogId: ACCOUNT, DatabaseName: 'sales', Region: SOURCE },
      },
    }),
  );
  await glue.send(
    new CreateDatabaseCommand({
      DatabaseInput: {
        Name: `ghost_link_${suffix}`,
        TargetDatabase: { CatalogId: ACCOUNT, DatabaseName: `not_replicated_${suffix}`, Region: SOURCE },
      },
    }),
  );
  await glue.send(
    new CreateTableCommand({
      DatabaseName: 'sales',
      TableInput: {
        Name: `orders_link_${suffix}`,
        TargetTable: { CatalogId: ACCOUNT, DatabaseName: 'sales', Name: 'orders', Region: SOURCE },
      },
    }),
  );
}
