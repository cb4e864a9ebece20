/** What a synthetic lake is made of. Counts are exact; how they spread over databases and tables is seeded. */
export interface LakeParams {
  databases: number;
  tables: number;
  /** Total partitions over all partitioned tables (Zipf-spread: a few large tables, many small ones). */
  partitions: number;
  /** Share of tables that are partitioned (by dt, region). */
  partitionedShare: number;
  /** Columns per table, uniform in [min, max]. */
  columns: { min: number; max: number };
  /** Lake Formation grants: distinct (principal, resource) entries as ListPermissions lists them. */
  grants: number;
  principals: number;
  /** LF-Tag keys. */
  lfTags: number;
  /** LF-Tag assignment entries (a database, a table or one column, each with 1–2 tags). */
  lfTagAssignments: number;
  dataCellsFilters: number;
  /** Registered S3 locations. */
  locations: number;
}

export type LakeSize = 'tiny' | 'small' | 'large';

/** The benchmark lakes: `tiny` for the smoke test, `small` for a laptop run, `large` for a big catalog. */
export const LAKE_SIZES: Record<LakeSize, LakeParams> = {
  tiny: {
    databases: 2,
    tables: 8,
    partitions: 300,
    partitionedShare: 0.75,
    columns: { min: 4, max: 12 },
    grants: 40,
    principals: 5,
    lfTags: 2,
    lfTagAssignments: 6,
    dataCellsFilters: 2,
    locations: 1,
  },
  small: {
    databases: 10,
    tables: 200,
    partitions: 20_000,
    partitionedShare: 0.7,
    columns: { min: 5, max: 40 },
    grants: 2_000,
    principals: 50,
    lfTags: 5,
    lfTagAssignments: 300,
    dataCellsFilters: 20,
    locations: 3,
  },
  large: {
    databases: 100,
    tables: 10_000,
    partitions: 1_000_000,
    partitionedShare: 0.7,
    columns: { min: 5, max: 40 },
    grants: 20_000,
    principals: 300,
    lfTags: 20,
    lfTagAssignments: 3_000,
    dataCellsFilters: 200,
    locations: 20,
  },
};

export function isLakeSize(value: string): value is LakeSize {
  return value in LAKE_SIZES;
}
