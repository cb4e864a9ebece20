import {
  BatchCreatePartitionCommand,
  CreateDatabaseCommand,
  CreateTableCommand,
  type GlueClient,
  UpdateDatabaseCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-glue';
import { CreateRoleCommand, type IAMClient } from '@aws-sdk/client-iam';
import {
  AddLFTagsToResourceCommand,
  CreateDataCellsFilterCommand,
  CreateLFTagCommand,
  GetLFTagCommand,
  GrantPermissionsCommand,
  type LakeFormationClient,
  PutDataLakeSettingsCommand,
  RegisterResourceCommand,
  UpdateDataCellsFilterCommand,
  UpdateLFTagCommand,
} from '@aws-sdk/client-lakeformation';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { chunk } from '../chunk.ts';
import type { DemoLake } from './demoLake.ts';

/** The real SDK clients the seed runs through, all of the demo lake's Region. */
export interface SeedClients {
  glue: GlueClient;
  lakeFormation: LakeFormationClient;
  iam: IAMClient;
  s3: S3Client;
}

/** What one seeding run did, per kind of object: created now, or found already there. */
export interface SeedReport {
  created: Record<string, number>;
  existing: Record<string, number>;
}

/** Error names that mean "it is already there" across Glue, Lake Formation, IAM and S3. */
const EXISTS = new Set([
  'AlreadyExistsException',
  'EntityAlreadyExistsException',
  'BucketAlreadyOwnedByYou',
  'BucketAlreadyExists',
]);

/** Glue accepts at most 100 partitions per BatchCreatePartition call. */
export const PARTITION_BATCH = 100;

/**
 * Creates the demo lake through the real SDK clients. Idempotent: what exists is left (or updated back to
 * the description), so a second run converges instead of failing. Data lake settings go first so that
 * databases and tables are created in Lake Formation mode, without IAMAllowedPrincipals grants.
 */
export async function seedDemoLake(clients: SeedClients, lake: DemoLake): Promise<SeedReport> {
  const report: SeedReport = { created: {}, existing: {} };
  const count = (kind: string, outcome: keyof SeedReport, n = 1) => {
    report[outcome][kind] = (report[outcome][kind] ?? 0) + n;
  };
  const ensure = async (kind: string, create: () => Promise<unknown>, onExists?: () => Promise<unknown>) => {
    try {
      await create();
      count(kind, 'created');
    } catch (error) {
      if (!EXISTS.has((error as Error).name)) throw error;
      await onExists?.();
      count(kind, 'existing');
    }
  };
  const { glue, lakeFormation: lf, iam, s3 } = clients;

  for (const role of lake.roles) await ensure('role', () => iam.send(new CreateRoleCommand(role)));
  await lf.send(new PutDataLakeSettingsCommand({ DataLakeSettings: lake.dataLakeSettings }));
  count('dataLakeSettings', 'created');

  await ensure('bucket', () => s3.send(new CreateBucketCommand({ Bucket: lake.bucket })));
  for (const object of lake.objects) {
    await s3.send(new PutObjectCommand({ Bucket: lake.bucket, ...object }));
    count('object', 'created');
  }

  for (const tag of lake.lfTags) {
    await ensure(
      'lfTag',
      () => lf.send(new CreateLFTagCommand(tag)),
      async () => {
        const current = await lf.send(new GetLFTagCommand({ TagKey: tag.TagKey }));
        const missing = tag.TagValues.filter((v) => !current.TagValues?.includes(v));
        if (missing.length)
          await lf.send(new UpdateLFTagCommand({ TagKey: tag.TagKey, TagValuesToAdd: missing }));
      },
    );
  }

  for (const database of lake.databases) {
    await ensure(
      'database',
      () => glue.send(new CreateDatabaseCommand({ DatabaseInput: database })),
      () => glue.send(new UpdateDatabaseCommand({ Name: database.Name, DatabaseInput: database })),
    );
  }
  for (const { databaseName, input } of lake.tables) {
    await ensure(
      'table',
      () => glue.send(new CreateTableCommand({ DatabaseName: databaseName, TableInput: input })),
      () =>
        glue.send(
          new UpdateTableCommand({ DatabaseName: databaseName, TableInput: input, SkipArchive: true }),
        ),
    );
  }
  for (const { databaseName, tableName, inputs } of lake.partitions) {
    for (const batch of chunk(inputs, PARTITION_BATCH)) {
      const answer = await glue.send(
        new BatchCreatePartitionCommand({
          DatabaseName: databaseName,
          TableName: tableName,
          PartitionInputList: batch,
        }),
      );
      const errors = answer.Errors ?? [];
      const failed = errors.filter((e) => e.ErrorDetail?.ErrorCode !== 'AlreadyExistsException');
      if (failed.length) {
        const first = failed[0]!.ErrorDetail;
        throw new Error(
          `BatchCreatePartition ${databaseName}.${tableName}: ${first?.ErrorCode}: ${first?.ErrorMessage}`,
        );
      }
      count('partition', 'existing', errors.length);
      count('partition', 'created', batch.length - errors.length);
    }
  }

  for (const location of lake.locations)
    await ensure('location', () => lf.send(new RegisterResourceCommand(location)));
  for (const filter of lake.dataCellsFilters) {
    await ensure(
      'dataCellsFilter',
      () => lf.send(new CreateDataCellsFilterCommand({ TableData: filter })),
      () => lf.send(new UpdateDataCellsFilterCommand({ TableData: filter })),
    );
  }
  for (const assignment of lake.tagAssignments) {
    const answer = await lf.send(new AddLFTagsToResourceCommand(assignment));
    if (answer.Failures?.length) {
      throw new Error(`AddLFTagsToResource: ${JSON.stringify(answer.Failures[0]?.Error)}`);
    }
    count('lfTagAssignment', 'created');
  }
  // Granting what is already granted is a no-op in Lake Formation, so grants need no existence check.
  for (const grant of lake.grants) {
    await lf.send(new GrantPermissionsCommand(grant));
    count('grant', 'created');
  }
  return report;
}
