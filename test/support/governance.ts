import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateDatabaseCommand, CreateTableCommand, type TableInput } from '@aws-sdk/client-glue';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import {
  GetDataLakeSettingsCommand,
  GetResourceLFTagsCommand,
  ListDataCellsFilterCommand,
  ListLFTagsCommand,
  ListPermissionsCommand,
  type Resource,
} from '@aws-sdk/client-lakeformation';
import type { LocalCloud } from '@lakemirror/localcloud';
import type { LakemirrorConfig, LakemirrorConfigInput } from '../../src/config/configSchema.ts';
import { validateConfig } from '../../src/config/loadConfig.ts';
import { createRuntime, runSync, type SyncReport } from '../../src/ondemand/index.ts';
import { clientsFor, type TestClients } from './localCloud.ts';

export const TRUST = '{"Version":"2012-10-17","Statement":[]}';

/** A config from us-east-1 to us-west-2 in this cloud with snapshots in a temp dir. */
export function governanceConfig(
  cloud: LocalCloud,
  overrides: Partial<LakemirrorConfigInput> = {},
): LakemirrorConfig {
  return validateConfig({
    source: { region: 'us-east-1' },
    targets: [{ region: 'us-west-2' }],
    snapshots: { uri: mkdtempSync(join(tmpdir(), 'lakemirror-governance-')) },
    audit: { uri: mkdtempSync(join(tmpdir(), 'lakemirror-governance-audit-')) },
    localcloud: { endpoint: cloud.endpoint },
    ...overrides,
  });
}

/** Syncs with a fresh runtime; the run must not fail outright. */
export async function sync(
  cloud: LocalCloud,
  overrides: Partial<LakemirrorConfigInput> = {},
): Promise<SyncReport> {
  return runSync(createRuntime(governanceConfig(cloud, overrides)));
}

/** Creates IAM roles (the account is the one of `clients`' key) and answers their ARNs. */
export async function createRoles(clients: TestClients, names: readonly string[]): Promise<string[]> {
  const arns: string[] = [];
  for (const RoleName of names) {
    const { Role } = await clients.iam.send(
      new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: TRUST }),
    );
    arns.push(Role!.Arn!);
  }
  return arns;
}

const column = (Name: string) => ({ Name, Type: 'string' });

/** A database with plain tables of string columns. */
export async function createTables(
  clients: TestClients,
  database: string,
  tables: Record<string, string[]>,
  extra: Partial<TableInput> = {},
): Promise<void> {
  await clients.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: database } }));
  for (const [Name, columns] of Object.entries(tables)) {
    await createTable(clients, database, Name, columns, extra);
  }
}

export async function createTable(
  clients: TestClients,
  database: string,
  name: string,
  columns: string[],
  extra: Partial<TableInput> = {},
): Promise<void> {
  await clients.glue.send(
    new CreateTableCommand({
      DatabaseName: database,
      TableInput: {
        Name: name,
        TableType: 'EXTERNAL_TABLE',
        StorageDescriptor: { Columns: columns.map(column), Location: `s3://bucket/${database}/${name}/` },
        ...extra,
      },
    }),
  );
}

/** `{ key: values }` of every LF-Tag. */
export async function tagsOf(clients: TestClients): Promise<Record<string, string[]>> {
  const { LFTags } = await clients.lakeFormation.send(new ListLFTagsCommand({}));
  return Object.fromEntries((LFTags ?? []).map((t) => [t.TagKey!, [...(t.TagValues ?? [])].sort()]));
}

/** Directly assigned tags (`ShowAssignedLFTags`) as `key=value` strings, per part of the answer. */
export async function assignedTags(clients: TestClients, resource: Resource) {
  const answer = await clients.lakeFormation.send(
    new GetResourceLFTagsCommand({ Resource: resource, ShowAssignedLFTags: true }),
  );
  const flat = (tags: Array<{ TagKey?: string; TagValues?: string[] }> | undefined) =>
    (tags ?? []).flatMap((t) => (t.TagValues ?? []).map((v) => `${t.TagKey}=${v}`)).sort();
  return {
    database: flat(answer.LFTagOnDatabase),
    table: flat(answer.LFTagsOnTable),
    columns: Object.fromEntries((answer.LFTagsOnColumns ?? []).map((c) => [c.Name!, flat(c.LFTags)])),
  };
}

/** Every grant as `principal|resource JSON|permissions` (CatalogIds dropped), sorted. */
export async function grantsOf(clients: TestClients, principalFilter?: RegExp): Promise<string[]> {
  const { PrincipalResourcePermissions } = await clients.lakeFormation.send(
    new ListPermissionsCommand({ MaxResults: 1000 }),
  );
  return (PrincipalResourcePermissions ?? [])
    .filter((p) => !principalFilter || principalFilter.test(p.Principal?.DataLakePrincipalIdentifier ?? ''))
    .map(
      (p) =>
        `${p.Principal?.DataLakePrincipalIdentifier}|${JSON.stringify(p.Resource, (k, v) =>
          k === 'CatalogId' || k === 'TableCatalogId' ? undefined : v,
        )}|${[...(p.Permissions ?? [])].sort().join(',')}`,
    )
    .sort();
}

export async function filtersOf(clients: TestClients) {
  const { DataCellsFilters } = await clients.lakeFormation.send(new ListDataCellsFilterCommand({}));
  return (DataCellsFilters ?? []).map(({ TableCatalogId: _c, VersionId: _v, ...f }) => f);
}

export async function settingsOf(clients: TestClients) {
  return (await clients.lakeFormation.send(new GetDataLakeSettingsCommand({}))).DataLakeSettings!;
}

export const adminIds = (list: Array<{ DataLakePrincipalIdentifier?: string }> | undefined) =>
  (list ?? []).map((p) => p.DataLakePrincipalIdentifier).sort();

export { clientsFor };
