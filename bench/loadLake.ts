import { type LakeImage, type LocalCloud, loadLake } from '@lakemirror/localcloud';
import type { GeneratedLake } from './generateLake.ts';
import {
  LAKE_EPOCH,
  partitionsOf,
  storedDatabase,
  storedFunction,
  storedStatistics,
  storedTable,
} from './lakeCatalog.ts';

const LOADER = 'arn:aws:iam::123456789012:role/bench-loader';

/** The generated lake as the emulator's `loadLake` takes it; partitions stay lazy, one table at a time. */
export function lakeImageOf(lake: GeneratedLake): LakeImage {
  return {
    accountId: lake.accountId,
    databases: lake.databases.map((db) => ({ ...storedDatabase(db, lake.accountId), Name: db.name })),
    tables: (function* () {
      for (const table of lake.tables) {
        yield {
          database: table.database,
          table: storedTable(table, lake.accountId),
          partitions: partitionsOf(table, lake.accountId),
          indexes: table.partitionIndexes > 0 ? [{ IndexName: 'by_dt', Keys: ['dt'] }] : [],
          ...(table.statisticsColumns > 0 ? { statistics: storedStatistics(table) } : {}),
        };
      }
    })(),
    functions: lake.functions.map((fn) => ({
      database: fn.database,
      function: { ...storedFunction(fn, lake.accountId), FunctionName: fn.name },
    })),
    lakeFormation: lake.lf,
    modifiedAt: LAKE_EPOCH,
    modifiedBy: LOADER,
  };
}

/**
 * Writes a generated lake straight into one Region's emulator state through the emulator's public loader.
 * Loading is setup, not the measured work: a million partitions load in seconds instead of the ~10,000
 * BatchCreatePartition calls the API would take.
 */
export function loadLakeIntoCloud(
  cloud: Pick<LocalCloud, 'state'>,
  region: string,
  lake: GeneratedLake,
): void {
  loadLake(cloud, region, lakeImageOf(lake));
}
