import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TableInput } from '@aws-sdk/client-glue';
import type { DemoLake, LocalCloud } from '@lakemirror/localcloud';
import { seedDemoLake } from '@lakemirror/localcloud';
import type { LakemirrorConfig } from '../../../src/config/configSchema.ts';
import { validateConfig } from '../../../src/config/loadConfig.ts';
import type { Runtime } from '../../../src/engine/runtime.ts';
import { createRuntime, type RuntimeOptions, runSync, runVerify } from '../../../src/ondemand/index.ts';
import { ensureEventTable } from '../../../src/realtime/index.ts';
import { clientsFor, type TestClients } from '../../support/localCloud.ts';

export const SOURCE = 'us-east-1';
export const TARGET = 'us-west-2';
export const ACCOUNT = '123456789012';
export const BUCKET = 'lakemirror-prop-use1';
export const TARGET_BUCKET = 'lakemirror-prop-usw2';
export const ROLES = ['analyst', 'auditor', 'etl', 'admin'] as const;
export const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
export const locationArn = (path: string) => `arn:aws:s3:::${BUCKET}/${path}`;

/** A table of the tiny lake: `id int, name string`, optionally partitioned by `dt`. */
export function tableInput(database: string, name: string, partitioned: boolean): TableInput {
  return {
    Name: name,
    TableType: 'EXTERNAL_TABLE',
    ...(partitioned ? { PartitionKeys: [{ Name: 'dt', Type: 'string' }] } : {}),
    StorageDescriptor: {
      Columns: [
        { Name: 'id', Type: 'int' },
        { Name: 'name', Type: 'string' },
      ],
      Location: `s3://${BUCKET}/${database}/${name}`,
    },
  };
}

export const partitionInput = (database: string, table: string, dt: string) => ({
  Values: [dt],
  StorageDescriptor: { Location: `s3://${BUCKET}/${database}/${table}/dt=${dt}` },
});

/**
 * The lake every property run starts from: one database with a partitioned and a plain table, an LF-Tag,
 * a filter, a location and a few grants (column grants and grant options included). Small on purpose,
 * so a run costs well under a second.
 */
export function tinyLake(): DemoLake {
  const t1 = tableInput('db1', 't1', true);
  return {
    region: SOURCE,
    accountId: ACCOUNT,
    bucket: BUCKET,
    roles: ROLES.map((RoleName) => ({ RoleName, AssumeRolePolicyDocument: '{"Statement":[]}' })),
    dataLakeSettings: {
      DataLakeAdmins: [{ DataLakePrincipalIdentifier: roleArn('admin') }],
      CreateDatabaseDefaultPermissions: [],
      CreateTableDefaultPermissions: [],
    },
    databases: [{ Name: 'db1', Description: 'v0', LocationUri: `s3://${BUCKET}/db1` }],
    tables: [
      { databaseName: 'db1', input: t1 },
      { databaseName: 'db1', input: tableInput('db1', 't2', false) },
    ],
    partitions: [
      {
        databaseName: 'db1',
        tableName: 't1',
        inputs: ['1', '2'].map((dt) => partitionInput('db1', 't1', dt)),
      },
    ],
    objects: [],
    locations: [{ ResourceArn: locationArn('db1'), UseServiceLinkedRole: true }],
    lfTags: [{ TagKey: 'domain', TagValues: ['a', 'b'] }],
    tagAssignments: [
      { Resource: { Database: { Name: 'db1' } }, LFTags: [{ TagKey: 'domain', TagValues: ['a'] }] },
    ],
    dataCellsFilters: [
      {
        TableCatalogId: ACCOUNT,
        DatabaseName: 'db1',
        TableName: 't1',
        Name: 'f1',
        RowFilter: { FilterExpression: "dt > '1'" },
        ColumnNames: ['id'],
      },
    ],
    grants: [
      {
        Principal: { DataLakePrincipalIdentifier: roleArn('analyst') },
        Resource: { Database: { Name: 'db1' } },
        Permissions: ['DESCRIBE'],
      },
      {
        Principal: { DataLakePrincipalIdentifier: roleArn('analyst') },
        Resource: { Table: { DatabaseName: 'db1', Name: 't1' } },
        Permissions: ['SELECT', 'DESCRIBE'],
        PermissionsWithGrantOption: ['SELECT'],
      },
      {
        Principal: { DataLakePrincipalIdentifier: roleArn('auditor') },
        Resource: { TableWithColumns: { DatabaseName: 'db1', Name: 't2', ColumnNames: ['id'] } },
        Permissions: ['SELECT'],
      },
    ],
  };
}

/** One independent world per property run: a reset cloud, the tiny lake, a synced target, a new event table. */
export interface World {
  cloud: LocalCloud;
  config: LakemirrorConfig;
  /** Real SDK clients of the source Region (the "users" making changes). */
  source: TestClients;
  runtime(options?: RuntimeOptions): Runtime;
  /** verify with deleteMissing, so target-only leftovers count as drift. */
  verify(): ReturnType<typeof runVerify>;
}

let worlds = 0;

/**
 * Forgets everything in the cloud (Glue, Lake Formation, IAM, CloudTrail), seeds the tiny lake, syncs it
 * once and clears the CloudTrail history, so the run's own changes are all a collector sees.
 */
export async function freshWorld(cloud: LocalCloud, options: { synced?: boolean } = {}): Promise<World> {
  await cloud.reset();
  cloud.faults.update({ latencyMs: 0, jitterMs: 0, throttleRps: 0, faultRate: 0 });
  const source = clientsFor(cloud, SOURCE);
  await seedDemoLake(source, tinyLake());
  worlds += 1;
  const config = validateConfig({
    source: { region: SOURCE },
    targets: [{ region: TARGET }],
    s3Mapping: { [BUCKET]: TARGET_BUCKET },
    snapshots: { uri: mkdtempSync(join(tmpdir(), 'lakemirror-property-')) },
    audit: { uri: mkdtempSync(join(tmpdir(), 'lakemirror-property-audit-')) },
    localcloud: { endpoint: cloud.endpoint },
    deleteMissing: true,
    realtime: {
      eventTable: `prop-events-${process.pid}-${worlds}`,
      overlapMinutes: 1,
      lookbackMinutes: 60,
      maxAttempts: 3,
      maxChangePercent: 100,
    },
  });
  const runtime = (options: RuntimeOptions = {}) => createRuntime(config, options);
  await ensureEventTable(runtime());
  if (options.synced !== false) {
    const report = await runSync(runtime());
    const failures = report.targets.flatMap((t) => [...t.failures, ...(t.error ? [t.error] : [])]);
    if (failures.length) throw new Error(`initial sync failed: ${JSON.stringify(failures)}`);
  }
  await cloud.trail.clear();
  cloud.stats.reset();
  return { cloud, config, source, runtime, verify: () => runVerify(runtime()) };
}
