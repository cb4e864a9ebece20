import type { DatabaseInput, PartitionInput } from '@aws-sdk/client-glue';
import type { DataLakeSettings } from '@aws-sdk/client-lakeformation';
import { DEFAULT_ACCOUNT_ID } from '../accounts.ts';
import { type DemoPermissions, demoPermissions } from './demoPermissions.ts';
import { type DemoTable, demoTables } from './demoTables.ts';
import { partitionStorage } from './storage.ts';

/** The demo lake's Region, bucket and IAM roles (the demo, docs and tests refer to these names). */
export const DEMO_REGION = 'us-east-1';
export const DEMO_BUCKET = 'lakemirror-demo-lake-use1';
export const DEMO_ROLES = ['analyst', 'data-engineer', 'auditor', 'etl-job'] as const;
export type DemoRole = (typeof DEMO_ROLES)[number];
export const DEMO_ADMIN_ROLE: DemoRole = 'data-engineer';
export const DEMO_REGIONS = ['us', 'eu', 'apac'] as const;

/** A trust policy that lets Glue and the account's principals assume a demo role. */
export function demoTrustPolicy(accountId: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'glue.amazonaws.com', AWS: `arn:aws:iam::${accountId}:root` },
        Action: 'sts:AssumeRole',
      },
    ],
  });
}

export interface DemoPartitions {
  databaseName: string;
  tableName: string;
  inputs: PartitionInput[];
}

/** Everything the demo lake holds, as the inputs of the calls that create it. Pure and deterministic. */
export interface DemoLake extends DemoPermissions {
  region: string;
  accountId: string;
  bucket: string;
  roles: Array<{ RoleName: string; AssumeRolePolicyDocument: string }>;
  /** Set before anything else: Lake Formation mode (no IAMAllowedPrincipals defaults). */
  dataLakeSettings: DataLakeSettings;
  databases: DatabaseInput[];
  tables: DemoTable[];
  partitions: DemoPartitions[];
  /** A few S3 objects under the tables' prefixes, so the locations are not empty. */
  objects: Array<{ Key: string; Body: string }>;
}

function days(count: number): string[] {
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

function partitionsOf(table: DemoTable): DemoPartitions | undefined {
  const keys = table.input.PartitionKeys?.map((k) => k.Name!) ?? [];
  const location = table.input.StorageDescriptor?.Location;
  if (keys.length === 0 || !location) return undefined;
  // orders gets 60 days so that one table needs more than one BatchCreatePartition call.
  const dates = days(table.input.Name === 'orders' ? 60 : 30);
  const valueSets = keys.includes('region')
    ? dates.flatMap((dt) => DEMO_REGIONS.map((region) => [dt, region]))
    : dates.map((dt) => [dt]);
  return {
    databaseName: table.databaseName,
    tableName: table.input.Name!,
    inputs: valueSets.map((values) => ({
      Values: values,
      StorageDescriptor: partitionStorage(
        table.input,
        `${location}/${keys.map((key, i) => `${key}=${values[i]}`).join('/')}`,
      ),
      Parameters: { 'lakemirror.demo': 'true' },
    })),
  };
}

function objectsOf(bucket: string, tables: DemoTable[]): Array<{ Key: string; Body: string }> {
  const prefixOf = (t: DemoTable) => t.input.StorageDescriptor?.Location?.replace(`s3://${bucket}/`, '');
  const objects: Array<{ Key: string; Body: string }> = [];
  for (const table of tables) {
    const prefix = prefixOf(table);
    if (!prefix) continue;
    const params = table.input.Parameters ?? {};
    if (params.metadata_location) {
      objects.push({
        Key: params.metadata_location.replace(`s3://${bucket}/`, ''),
        Body: '{"format-version":2}',
      });
    } else if (params['spark.sql.sources.provider'] === 'delta') {
      objects.push({ Key: `${prefix}/_delta_log/00000000000000000000.json`, Body: '{"protocol":{}}\n' });
    } else if (table.input.PartitionKeys?.length) {
      const first = table.input.PartitionKeys.map(
        (k) => `${k.Name}=${k.Name === 'dt' ? '2026-01-01' : 'eu'}`,
      );
      objects.push({ Key: `${prefix}/${first.join('/')}/part-00000.parquet`, Body: 'PAR1 demo' });
    } else {
      objects.push({ Key: `${prefix}/part-00000`, Body: 'demo\n' });
    }
  }
  return objects;
}

/** The demo lake for one account: 4 databases (one a resource link), 21 tables, ~500 partitions, grants. */
export function demoLake(accountId: string = DEFAULT_ACCOUNT_ID): DemoLake {
  const roleArn = (name: string) => `arn:aws:iam::${accountId}:role/${name}`;
  const tables = demoTables(DEMO_BUCKET, accountId);
  return {
    region: DEMO_REGION,
    accountId,
    bucket: DEMO_BUCKET,
    roles: DEMO_ROLES.map((RoleName) => ({ RoleName, AssumeRolePolicyDocument: demoTrustPolicy(accountId) })),
    dataLakeSettings: {
      DataLakeAdmins: [{ DataLakePrincipalIdentifier: roleArn(DEMO_ADMIN_ROLE) }],
      CreateDatabaseDefaultPermissions: [],
      CreateTableDefaultPermissions: [],
    },
    databases: [
      ...['sales', 'marketing', 'finance'].map((name) => ({
        Name: name,
        Description: `Demo ${name} domain`,
        LocationUri: `s3://${DEMO_BUCKET}/${name}`,
        Parameters: { owner: 'lakemirror-demo' },
        CreateTableDefaultPermissions: [],
      })),
      { Name: 'shared_sales', TargetDatabase: { CatalogId: accountId, DatabaseName: 'sales' } },
    ],
    tables,
    partitions: tables.flatMap((table) => partitionsOf(table) ?? []),
    objects: objectsOf(DEMO_BUCKET, tables),
    ...demoPermissions(DEMO_BUCKET, accountId, roleArn),
  };
}
