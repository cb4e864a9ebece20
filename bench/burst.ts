import { CreatePartitionCommand, UpdateTableCommand } from '@aws-sdk/client-glue';
import pLimit from 'p-limit';
import type { TableSpec } from './generateLake.ts';
import type { BenchContext } from './harness.ts';
import { partitionAt, storedTable } from './lakeCatalog.ts';
import { glueClient } from './scenarios/scenario.ts';

/** What a burst changed in the source, for its floor and its report. */
export interface Burst {
  changes: number;
  tableUpdates: number;
  partitionAdds: number;
  /** Distinct tables whose definition changed. */
  changedTables: number;
  /** New partitions per partitioned table (aligned with `ctx.shape.partitionsPerTable`). */
  addedPartitionsPerTable: number[];
  /** Epoch ms of the first call's start and the last call's end. */
  startedAtMs: number;
  endedAtMs: number;
}

/** Share of the changes that are UpdateTable calls; the rest add one partition each. */
const UPDATE_SHARE = 0.4;
/** Changes go round-robin over this many tables of each kind, so replay has events to coalesce. */
const TABLES_UPDATED = 50;
const TABLES_GROWN = 60;

/**
 * Bursts made so far in this process. Each burst's parameter values carry its number: a second burst over the
 * same tables must change them again, or its replay would find them already equal and look cheaper.
 */
let burstsMade = 0;

/** The UpdateTable input: the table as generated, with a parameter that changes on every call. */
function updateInput(table: TableSpec, accountId: string, n: string) {
  const { Name, Description, Owner, Retention, StorageDescriptor, PartitionKeys, TableType, Parameters } =
    storedTable(table, accountId);
  return {
    DatabaseName: table.database,
    TableInput: {
      Name,
      Description,
      Owner,
      Retention,
      StorageDescriptor,
      PartitionKeys,
      TableType,
      Parameters: { ...Parameters, bench_burst: n },
    },
  };
}

/**
 * Makes `changes` source changes through the real Glue SDK, as writers in the account would: UpdateTable
 * round-robin over up to 50 tables and CreatePartition (one new day each) round-robin over up to 60
 * partitioned tables, interleaved, 8 at a time. Unmeasured setup; records the new partitions in `ctx.shape`.
 */
export async function makeBurst(ctx: BenchContext, changes: number): Promise<Burst> {
  const { accountId } = ctx.lake;
  const updated = ctx.lake.tables.slice(0, TABLES_UPDATED);
  const partitioned = ctx.lake.tables.filter((t) => t.partitioned);
  const grown = Math.min(TABLES_GROWN, partitioned.length);
  const tableUpdates = Math.round(changes * UPDATE_SHARE);
  const added = partitioned.map(() => 0);
  const glue = glueClient(ctx, ctx.settings.sourceRegion);
  const calls: Array<() => Promise<unknown>> = [];
  const burst = ++burstsMade;
  let updates = 0;
  let adds = 0;
  for (let n = 0; n < changes; n++) {
    // Interleaved: about 2 updates in every 5 changes; each kind round-robin over its own tables.
    const isUpdate =
      Math.floor(((n + 1) * tableUpdates) / changes) > Math.floor((n * tableUpdates) / changes);
    if (isUpdate) {
      const table = updated[updates % updated.length]!;
      const input = updateInput(table, accountId, `${burst}.${updates++}`);
      calls.push(() => glue.send(new UpdateTableCommand(input)));
      continue;
    }
    const i = adds++ % grown;
    const index = ctx.shape.partitionsPerTable[i]! + added[i]!;
    added[i]! += 1;
    const {
      DatabaseName,
      TableName,
      CreationTime: _c,
      CatalogId: _id,
      ...input
    } = partitionAt(partitioned[i]!, accountId, index);
    calls.push(() =>
      glue.send(new CreatePartitionCommand({ DatabaseName, TableName, PartitionInput: input as any })),
    );
  }
  const limit = pLimit(8);
  const startedAtMs = Date.now();
  await ctx.unmeasured(() => Promise.all(calls.map((call) => limit(call))));
  const endedAtMs = Date.now();
  glue.destroy();
  ctx.shape.partitionsPerTable = ctx.shape.partitionsPerTable.map((n, i) => n + (added[i] ?? 0));
  return {
    changes,
    tableUpdates,
    partitionAdds: changes - tableUpdates,
    changedTables: Math.min(updated.length, tableUpdates),
    addedPartitionsPerTable: added,
    startedAtMs,
    endedAtMs,
  };
}
