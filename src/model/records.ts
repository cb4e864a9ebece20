import { z } from 'zod';
import { columnStatisticsSchema, functionInputSchema, partitionIndexSchema } from './catalogExtraShapes.ts';
import { catalogInputSchema } from './catalogShapes.ts';
import { databaseInputSchema, partitionInputSchema, tableInputSchema } from './glueInputs.ts';
import { dataCellsFilterSchema, dataLakeSettingsSchema, lfResourceSchema } from './lfShapes.ts';
import { recordLimitIssues } from './recordLimits.ts';
import { TABLE_OPTIMIZER_TYPES, tableOptimizerConfigurationSchema } from './tableOptimizerShapes.ts';

/*
 * Records: one replicated object each, as in docs/design.md. The record envelope is strict so that a typo in a
 * snapshot is reported instead of silently ignored; the Glue payloads inside strip unknown server fields.
 */

const name = z.string().min(1);

export const databaseRecordSchema = z.strictObject({
  kind: z.literal('database'),
  input: databaseInputSchema,
});

/** A table; `databaseName` is kept beside the input because TableInput does not name its database. */
export const tableRecordSchema = z.strictObject({
  kind: z.literal('table'),
  databaseName: name,
  input: tableInputSchema,
});

/** A partition; database and table names are kept beside the input for the same reason as for tables. */
export const partitionRecordSchema = z.strictObject({
  kind: z.literal('partition'),
  databaseName: name,
  tableName: name,
  input: partitionInputSchema,
});

/** One partition index of a table (its status is server-managed and not kept). */
export const partitionIndexRecordSchema = z.strictObject({
  kind: z.literal('partitionIndex'),
  databaseName: name,
  tableName: name,
  index: partitionIndexSchema,
});

/** One optimizer of an Iceberg table: at most one per table and type (compaction, retention, orphan files). */
export const tableOptimizerRecordSchema = z.strictObject({
  kind: z.literal('tableOptimizer'),
  databaseName: name,
  tableName: name,
  type: z.enum(TABLE_OPTIMIZER_TYPES),
  configuration: tableOptimizerConfigurationSchema,
});

/** A user-defined function; it belongs to a database like a table does. */
export const functionRecordSchema = z.strictObject({
  kind: z.literal('function'),
  databaseName: name,
  input: functionInputSchema,
});

/**
 * The column statistics of one table, or of one partition (`partitionValues`), sorted by column name: one
 * record per table or partition, since Glue reads and writes them a batch of columns at a time.
 */
export const columnStatisticsRecordSchema = z.strictObject({
  kind: z.literal('columnStatistics'),
  databaseName: name,
  tableName: name,
  partitionValues: z.array(z.string()).optional(),
  columns: z.array(columnStatisticsSchema).min(1),
});

/** All permissions one principal holds on one resource; both lists are sorted sets. */
export const grantRecordSchema = z.strictObject({
  kind: z.literal('grant'),
  principal: name,
  resource: lfResourceSchema,
  permissions: z.array(z.string()),
  grantable: z.array(z.string()),
});

/** An S3 location registered with Lake Formation. */
export const locationRecordSchema = z.strictObject({
  kind: z.literal('location'),
  resourceArn: name,
  roleArn: z.string().optional(),
  useServiceLinkedRole: z.boolean().optional(),
  hybridAccessEnabled: z.boolean().optional(),
  withFederation: z.boolean().optional(),
});

/** An LF-Tag definition: a key and its allowed values (sorted). */
export const lfTagRecordSchema = z.strictObject({
  kind: z.literal('lfTag'),
  key: name,
  values: z.array(z.string()),
});

/** The LF-Tags assigned directly to one resource (database, table, or columns). */
export const lfTagAssignmentRecordSchema = z.strictObject({
  kind: z.literal('lfTagAssignment'),
  resource: lfResourceSchema,
  tags: z.array(z.strictObject({ key: name, values: z.array(z.string()) })),
});

export const dataCellsFilterRecordSchema = z.strictObject({
  kind: z.literal('dataCellsFilter'),
  filter: dataCellsFilterSchema,
});

export const dataLakeSettingsRecordSchema = z.strictObject({
  kind: z.literal('dataLakeSettings'),
  settings: dataLakeSettingsSchema,
});

/**
 * A Lake Formation opt-in: the principal's access to the resource is enforced by Lake Formation permissions
 * (ListLakeFormationOptIns). `condition` is the opt-in's Condition expression, when it has one.
 */
export const optInRecordSchema = z.strictObject({
  kind: z.literal('optIn'),
  principal: name,
  resource: lfResourceSchema,
  condition: z.string().optional(),
});

/**
 * A Glue catalog below the account's default one (`name` is its path there: `fed_pg`,
 * `s3tablescatalog/bucket`), read only when `source.catalogs` names it.
 */
export const catalogRecordSchema = z.strictObject({
  kind: z.literal('catalog'),
  name,
  input: catalogInputSchema,
});

/**
 * Any record; `kind` selects the schema so errors name the right fields. A record must also be within the
 * limits of the Glue and Lake Formation API models (recordLimits.ts): one the API would refuse is refused here.
 */
export const snapshotRecordSchema = z
  .discriminatedUnion('kind', [
    databaseRecordSchema,
    tableRecordSchema,
    partitionRecordSchema,
    grantRecordSchema,
    locationRecordSchema,
    lfTagRecordSchema,
    lfTagAssignmentRecordSchema,
    dataCellsFilterRecordSchema,
    dataLakeSettingsRecordSchema,
    partitionIndexRecordSchema,
    functionRecordSchema,
    columnStatisticsRecordSchema,
    optInRecordSchema,
    catalogRecordSchema,
    tableOptimizerRecordSchema,
  ])
  .superRefine((record, ctx) => {
    for (const { path, message } of recordLimitIssues(record))
      ctx.addIssue({ code: 'custom', path, message });
  });

export type DatabaseRecord = z.infer<typeof databaseRecordSchema>;
export type TableRecord = z.infer<typeof tableRecordSchema>;
export type PartitionRecord = z.infer<typeof partitionRecordSchema>;
export type GrantRecord = z.infer<typeof grantRecordSchema>;
export type LocationRecord = z.infer<typeof locationRecordSchema>;
export type LfTagRecord = z.infer<typeof lfTagRecordSchema>;
export type LfTagAssignmentRecord = z.infer<typeof lfTagAssignmentRecordSchema>;
export type DataCellsFilterRecord = z.infer<typeof dataCellsFilterRecordSchema>;
export type DataLakeSettingsRecord = z.infer<typeof dataLakeSettingsRecordSchema>;
export type PartitionIndexRecord = z.infer<typeof partitionIndexRecordSchema>;
export type FunctionRecord = z.infer<typeof functionRecordSchema>;
export type ColumnStatisticsRecord = z.infer<typeof columnStatisticsRecordSchema>;
export type OptInRecord = z.infer<typeof optInRecordSchema>;
export type CatalogRecord = z.infer<typeof catalogRecordSchema>;
export type TableOptimizerRecord = z.infer<typeof tableOptimizerRecordSchema>;
export type SnapshotRecord = z.infer<typeof snapshotRecordSchema>;
/** The kinds of replicated objects. */
export type RecordKind = SnapshotRecord['kind'];
/** The records of one snapshot (or of a live read of a Region), in any order. */
export type SnapshotRecords = readonly SnapshotRecord[];
/** The record of one kind. */
export type RecordOfKind<K extends RecordKind> = Extract<SnapshotRecord, { kind: K }>;

/** Every kind, in the order of docs/design.md's record table. */
export const RECORD_KINDS = [
  'database',
  'table',
  'partition',
  'grant',
  'location',
  'lfTag',
  'lfTagAssignment',
  'dataCellsFilter',
  'dataLakeSettings',
  'partitionIndex',
  'function',
  'columnStatistics',
  'optIn',
  'catalog',
  'tableOptimizer',
] as const satisfies readonly RecordKind[];
