import { GetDatabasesCommand, GetPartitionsCommand, GetTablesCommand } from '@aws-sdk/client-glue';
import {
  GetResourceLFTagsCommand,
  ListDataCellsFilterCommand,
  ListLFTagsCommand,
  ListPermissionsCommand,
  ListResourcesCommand,
  type Resource,
} from '@aws-sdk/client-lakeformation';
import type { TestClients } from '../../support/localCloud.ts';
import { BUCKET, TARGET_BUCKET } from './tinyLake.ts';

const sorted = (values: readonly string[] | undefined) => [...(values ?? [])].sort();
const DROPPED = new Set(['CatalogId', 'TableCatalogId', 'VersionId']);
const strip = (key: string, value: unknown) => (DROPPED.has(key) ? undefined : value);
const byJson = <T>(items: T[]) => items.map((i) => JSON.stringify(i, strip)).sort();

/**
 * The replicated state of one Region read straight through the SDK, without lakemirror's readers, canonical
 * forms or planner: an oracle independent of the code under test (verify shares the planner, so a planner
 * bug would hide from it). Target bucket names read as the source's.
 */
export async function mirrorState(clients: TestClients): Promise<string> {
  const { glue, lakeFormation: lf } = clients;
  const state: Record<string, unknown> = {};
  const databases = (await glue.send(new GetDatabasesCommand({}))).DatabaseList ?? [];
  const tables: Resource[] = [];
  for (const db of databases) {
    state[`database ${db.Name}`] = [db.Description, db.LocationUri, db.Parameters];
    tables.push({ Database: { Name: db.Name } });
    for (const t of (await glue.send(new GetTablesCommand({ DatabaseName: db.Name }))).TableList ?? []) {
      state[`table ${db.Name}.${t.Name}`] = [
        t.StorageDescriptor?.Columns,
        t.StorageDescriptor?.Location,
        t.PartitionKeys,
        t.Parameters,
        t.TableType,
      ];
      tables.push({ Table: { DatabaseName: db.Name, Name: t.Name } });
      const parts = await glue.send(new GetPartitionsCommand({ DatabaseName: db.Name, TableName: t.Name }));
      state[`partitions ${db.Name}.${t.Name}`] = byJson(
        (parts.Partitions ?? []).map((p) => [p.Values, p.StorageDescriptor?.Location]),
      );
    }
  }
  for (const resource of tables) {
    const tags = await lf.send(
      new GetResourceLFTagsCommand({ Resource: resource, ShowAssignedLFTags: true }),
    );
    state[`tags on ${JSON.stringify(resource)}`] = byJson([
      ...(tags.LFTagOnDatabase ?? []).map((t) => [t.TagKey, sorted(t.TagValues)]),
      ...(tags.LFTagsOnTable ?? []).map((t) => [t.TagKey, sorted(t.TagValues)]),
      ...(tags.LFTagsOnColumns ?? []).map((c) => [
        c.Name,
        byJson((c.LFTags ?? []).map((t) => [t.TagKey, sorted(t.TagValues)])),
      ]),
    ]);
  }
  const grants =
    (await lf.send(new ListPermissionsCommand({ MaxResults: 1000 }))).PrincipalResourcePermissions ?? [];
  state.grants = byJson(
    grants.map((g) => [
      g.Principal?.DataLakePrincipalIdentifier,
      g.Resource,
      sorted(g.Permissions),
      sorted(g.PermissionsWithGrantOption),
    ]),
  );
  state.lfTags = byJson(
    ((await lf.send(new ListLFTagsCommand({}))).LFTags ?? []).map((t) => [t.TagKey, sorted(t.TagValues)]),
  );
  state.filters = byJson((await lf.send(new ListDataCellsFilterCommand({}))).DataCellsFilters ?? []);
  state.locations = byJson(
    ((await lf.send(new ListResourcesCommand({}))).ResourceInfoList ?? []).map((r) => [
      r.ResourceArn,
      r.RoleArn,
    ]),
  );
  // Keys sorted: the two sides list databases and tables in the order they were created.
  const ordered = Object.fromEntries(Object.entries(state).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const json = JSON.stringify(ordered, strip, 1);
  return json.replaceAll(TARGET_BUCKET, BUCKET);
}
