import type { DatabaseShape, LakeShape } from './floor.ts';
import { buildLakeFormation, type GeneratedLakeFormation } from './generateLakeFormation.ts';
import { LAKE_SIZES, type LakeParams, type LakeSize } from './lakeSizes.ts';
import { deriveSeed, mulberry32, type Random, sample } from './prng.ts';
import { spread, zipfWeights } from './spread.ts';

export interface DatabaseSpec {
  name: string;
  location: string;
  domain: string;
}

/** One table's shape; its columns and partitions are generated from `seed` when needed (never all held). */
export interface TableSpec {
  database: string;
  name: string;
  columns: number;
  partitioned: boolean;
  partitionCount: number;
  location: string;
  seed: number;
  /** Partition indexes on the table (partitioned tables only: every fourth one has one, on `dt`). */
  partitionIndexes: number;
  /** Columns with table statistics (every other table: its first six columns at most). */
  statisticsColumns: number;
}

/** A user-defined function: one per database, its JAR under the database's location. */
export interface FunctionSpec {
  database: string;
  name: string;
  jar: string;
}

/** A synthetic lake: the catalog's shape plus the (small) Lake Formation state, fully determined by the seed. */
export interface GeneratedLake {
  seed: number;
  accountId: string;
  params: LakeParams;
  databases: DatabaseSpec[];
  /** In database order, then name order. */
  tables: TableSpec[];
  functions: FunctionSpec[];
  lf: GeneratedLakeFormation;
}

const DOMAINS = ['sales', 'finance', 'marketing', 'ops', 'hr', 'product', 'risk', 'supply', 'web', 'iot'];
const NOUNS = ['orders', 'events', 'customers', 'sessions', 'payments', 'shipments', 'clicks', 'invoices'];
export const DEFAULT_ACCOUNT = '123456789012';

/** Generates the lake of a preset size (or explicit params) from a seed. Same seed, same lake. */
export function generateLake(
  size: LakeSize | LakeParams,
  seed = 1,
  accountId = DEFAULT_ACCOUNT,
): GeneratedLake {
  const params = typeof size === 'string' ? LAKE_SIZES[size] : size;
  const random = mulberry32(deriveSeed(seed, 'lake'));
  const databases: DatabaseSpec[] = Array.from({ length: params.databases }, (_, i) => {
    const domain = DOMAINS[i % DOMAINS.length]!;
    const name = `${domain}_${String(i).padStart(3, '0')}`;
    return { name, domain, location: `s3://lake-${domain}-${i % 7}/${name}` };
  });
  const perDatabase = spread(
    params.tables,
    databases.map(() => 0.5 + random()),
    params.tables >= params.databases ? 1 : 0,
  );
  const tables: TableSpec[] = [];
  databases.forEach((db, d) => {
    for (let t = 0; t < perDatabase[d]!; t++) {
      const name = `${NOUNS[t % NOUNS.length]}_${String(t).padStart(4, '0')}`;
      tables.push({
        database: db.name,
        name,
        columns: params.columns.min + Math.floor(random() * (params.columns.max - params.columns.min + 1)),
        partitioned: false,
        partitionCount: 0,
        location: `${db.location}/${name}`,
        seed: deriveSeed(seed, 'table', db.name, name),
        partitionIndexes: 0,
        statisticsColumns: 0,
      });
    }
  });
  assignPartitions(tables, params, random);
  assignCatalogObjects(tables);
  return {
    seed,
    accountId,
    params,
    databases,
    tables,
    functions: databases.map((db) => ({
      database: db.name,
      name: 'mask_email',
      jar: `${db.location}/udf/mask.jar`,
    })),
    lf: buildLakeFormation(params, databases, tables, seed),
  };
}

/** Marks a share of tables partitioned and Zipf-spreads the partitions over them in a random rank order. */
function assignPartitions(tables: TableSpec[], params: LakeParams, random: Random): void {
  const count = Math.min(tables.length, Math.round(tables.length * params.partitionedShare));
  if (count === 0) return;
  const ranked = sample(random, tables, count);
  const shares = spread(params.partitions, zipfWeights(count), params.partitions >= count ? 1 : 0);
  ranked.forEach((table, rank) => {
    table.partitioned = true;
    table.partitionCount = shares[rank]!;
  });
}

/**
 * Partition indexes and table statistics, by fixed rules (no draw from the seed's stream, so lakes generated
 * before these existed keep their tables and partitions): modest counts, a few calls per table at most.
 */
function assignCatalogObjects(tables: TableSpec[]): void {
  tables.forEach((table, i) => {
    if (i % 2 === 0) table.statisticsColumns = Math.min(6, table.columns);
  });
  tables
    .filter((t) => t.partitioned)
    .forEach((table, i) => {
      if (i % 4 === 0) table.partitionIndexes = 1;
    });
}

/** Totals that the floor and the reports need, without generating any partition. */
export function lakeTotals(lake: GeneratedLake) {
  const partitioned = lake.tables.filter((t) => t.partitioned);
  return {
    databases: lake.databases.length,
    tables: lake.tables.length,
    partitionedTables: partitioned.length,
    partitions: partitioned.reduce((n, t) => n + t.partitionCount, 0),
    largestTablePartitions: partitioned.reduce((n, t) => Math.max(n, t.partitionCount), 0),
    grants: lake.lf.grants.length,
    lfTags: lake.lf.lfTags.length,
    lfTagAssignments: lake.lf.assignments.length,
    dataCellsFilters: lake.lf.filters.length,
    locations: lake.lf.locations.length,
    partitionIndexes: lake.tables.reduce((n, t) => n + t.partitionIndexes, 0),
    tablesWithStatistics: lake.tables.filter((t) => t.statisticsColumns > 0).length,
    functions: lake.functions.length,
  };
}

/** The lake's shape as the floor sees it. */
export function lakeShape(lake: GeneratedLake): LakeShape {
  return {
    databases: lake.databases.length,
    tablesPerDatabase: lake.databases.map((db) => lake.tables.filter((t) => t.database === db.name).length),
    partitionsPerTable: lake.tables.filter((t) => t.partitioned).map((t) => t.partitionCount),
    grants: lake.lf.grants.length,
    lfTags: lake.lf.lfTags.length,
    lfTagAssignments: lake.lf.assignments.length,
    dataCellsFilters: lake.lf.filters.length,
    locations: lake.lf.locations.length,
    partitionIndexes: lake.tables.reduce((n, t) => n + t.partitionIndexes, 0),
    columnsPerTable: lake.tables.filter((t) => t.columns > 0).map((t) => t.columns),
    statisticsPerTable: lake.tables.filter((t) => t.statisticsColumns > 0).map((t) => t.statisticsColumns),
    functions: lake.functions.length,
  };
}

/** Each database's tables and partitions, in name order (the reconcile's order): for the reconcile's floor. */
export function databaseShapes(lake: GeneratedLake): DatabaseShape[] {
  return lake.databases
    .map((db) => {
      const tables = lake.tables.filter((t) => t.database === db.name);
      return {
        name: db.name,
        tables: tables.length,
        partitionsPerTable: tables.filter((t) => t.partitioned).map((t) => t.partitionCount),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
