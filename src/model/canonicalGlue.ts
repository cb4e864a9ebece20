import type { Database, Partition, Table } from '@aws-sdk/client-glue';
import { z } from 'zod';
import { LakemirrorError } from './errors.ts';
import {
  databaseInputSchema,
  type PrincipalPermissions,
  partitionInputSchema,
  type StorageDescriptorInput,
  tableInputSchema,
} from './glueInputs.ts';
import { compareKeys } from './keys.ts';
import { pruneEmpty, sortedSet } from './prune.ts';
import type { DatabaseRecord, PartitionRecord, TableRecord } from './records.ts';

/*
 * Canonical forms of Glue Get/List answers: the allow-listed input fields only, empties dropped, names
 * lowercased, set-like lists sorted. A GetTable answer then equals the TableInput that created it.
 */

/** Database from GetDatabase(s). */
export function canonicalDatabase(database: Database): DatabaseRecord {
  const input = parseInput(databaseInputSchema, database, `database ${database.Name}`);
  input.Name = input.Name.toLowerCase();
  if (input.CreateTableDefaultPermissions) {
    input.CreateTableDefaultPermissions = canonicalPrincipalPermissions(input.CreateTableDefaultPermissions);
  }
  return { kind: 'database', input: pruneEmpty(input) };
}

/** Table from GetTable(s); resource links (TargetTable) are tables like any other. */
export function canonicalTable(table: Table): TableRecord {
  const object = `table ${table.DatabaseName}.${table.Name}`;
  const databaseName = requireName(table.DatabaseName, 'DatabaseName', object);
  const input = parseInput(tableInputSchema, table, object);
  input.Name = input.Name.toLowerCase();
  if (input.StorageDescriptor) input.StorageDescriptor = canonicalStorageDescriptor(input.StorageDescriptor);
  return { kind: 'table', databaseName: databaseName.toLowerCase(), input: pruneEmpty(input) };
}

/**
 * Partition from GetPartition(s); the values stay in partition-key order. With the table's `partitionKeys`,
 * a partition with another number of values is refused: it could be neither compared nor created.
 */
export function canonicalPartition(
  partition: Partition,
  partitionKeys?: ReadonlyArray<{ Name?: string | undefined }>,
): PartitionRecord {
  const object = `partition ${partition.DatabaseName}.${partition.TableName} ${JSON.stringify(partition.Values)}`;
  const databaseName = requireName(partition.DatabaseName, 'DatabaseName', object);
  const tableName = requireName(partition.TableName, 'TableName', object);
  const input = parseInput(partitionInputSchema, partition, object);
  if (partitionKeys && (input.Values?.length ?? 0) !== partitionKeys.length) {
    throw new LakemirrorError({
      code: 'model.invalidObject',
      source: 'aws',
      object,
      message: `Glue returned ${object} with ${input.Values?.length ?? 0} value(s) for the ${partitionKeys.length} partition key(s) of the table (${partitionKeys.map((k) => k.Name).join(', ')})`,
      fix: `repair or delete the partition in the source (Glue console or DeletePartition), or exclude table ${databaseName}.${tableName} with filters.tables.exclude`,
    });
  }
  if (input.StorageDescriptor) input.StorageDescriptor = canonicalStorageDescriptor(input.StorageDescriptor);
  return {
    kind: 'partition',
    databaseName: databaseName.toLowerCase(),
    tableName: tableName.toLowerCase(),
    input: pruneEmpty(input),
  };
}

/** Drops the `false` defaults Glue reports for flags that were never set. */
function canonicalStorageDescriptor(sd: StorageDescriptorInput): StorageDescriptorInput {
  const { Compressed, StoredAsSubDirectories, ...rest } = sd;
  return {
    ...rest,
    ...(Compressed ? { Compressed } : {}),
    ...(StoredAsSubDirectories ? { StoredAsSubDirectories } : {}),
  };
}

/** Sorted by principal, each with sorted permissions. */
export function canonicalPrincipalPermissions(list: readonly PrincipalPermissions[]): PrincipalPermissions[] {
  return list
    .map((entry) => ({ Principal: entry.Principal, Permissions: sortedSet(entry.Permissions) }))
    .sort((a, b) =>
      compareKeys(a.Principal.DataLakePrincipalIdentifier, b.Principal.DataLakePrincipalIdentifier),
    );
}

function parseInput<S extends z.ZodType>(schema: S, raw: unknown, object: string): z.output<S> {
  const result = schema.safeParse(pruneEmpty(raw));
  if (result.success) return result.data;
  throw new LakemirrorError({
    code: 'model.invalidObject',
    source: 'aws',
    object,
    message: `Glue returned ${object} in a shape lakemirror cannot replicate: ${z.prettifyError(result.error).replace(/\n\s*/g, ' ')}`,
    fix: 'Check the object in the Glue console and repair it, or exclude it with filters; report a bug if it looks valid.',
    cause: result.error,
  });
}

function requireName(name: string | undefined, field: string, object: string): string {
  if (name) return name;
  throw new LakemirrorError({
    code: 'model.invalidObject',
    source: 'aws',
    object,
    message: `Glue returned ${object} without ${field}`,
    fix: 'Check the object in the Glue console; report a bug with the object shown if it looks valid.',
  });
}
