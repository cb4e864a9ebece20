import type { Resource } from '@aws-sdk/client-lakeformation';
import fc from 'fast-check';
import { locationArn } from './tinyLake.ts';

export interface TableModel {
  partitioned: boolean;
  partitions: Set<string>;
}

/**
 * Just enough of the source to generate mostly valid ops: which databases, tables, partitions, LF-Tags,
 * filters and locations exist. Grants and tag assignments are not modelled: an invalid one is rejected.
 */
export interface LakeModel {
  databases: Map<string, Map<string, TableModel>>;
  tags: Map<string, Set<string>>;
  /** `db.table.name` */
  filters: Set<string>;
  /** Paths under the bucket, e.g. `db1`. */
  locations: Set<string>;
  /** Ops run so far, and the most a history runs (more are generated, as many turn out invalid). */
  steps: number;
  maxSteps: number;
}

/** The model of `tinyLake()`. */
export function initialModel(maxSteps: number): LakeModel {
  return {
    databases: new Map([
      [
        'db1',
        new Map([
          ['t1', { partitioned: true, partitions: new Set(['1', '2']) }],
          ['t2', { partitioned: false, partitions: new Set<string>() }],
        ]),
      ],
    ]),
    tags: new Map([['domain', new Set(['a', 'b'])]]),
    filters: new Set(['db1.t1.f1']),
    locations: new Set(['db1']),
    steps: 0,
    maxSteps,
  };
}

/** Mostly the first name (which the tiny lake has), sometimes the others; shrinks towards the first. */
export const names = <T extends string>(first: T, ...others: T[]) =>
  fc.oneof(
    { arbitrary: fc.constant(first), weight: 2 },
    ...others.map((o) => ({ arbitrary: fc.constant(o), weight: 1 })),
  );

export const tableOf = (model: LakeModel, db: string, table: string) => model.databases.get(db)?.get(table);

export function dropTable(model: LakeModel, db: string, table: string): void {
  model.databases.get(db)?.delete(table);
  for (const key of model.filters) if (key.startsWith(`${db}.${table}.`)) model.filters.delete(key);
}

/** What a grant or tag assignment is on; `toString` is the compact form the history prints. */
export type Target =
  | { type: 'database'; db: string }
  | { type: 'table'; db: string; table: string }
  | { type: 'tableWildcard'; db: string }
  | { type: 'columns'; db: string; table: string; columns: string[] }
  | { type: 'columnWildcard'; db: string; table: string; excluded: string[] }
  | { type: 'location'; path: string }
  | { type: 'lfTag'; key: string; values: string[] };

export function describeTarget(target: Target): string {
  switch (target.type) {
    case 'database':
      return target.db;
    case 'table':
      return `${target.db}.${target.table}`;
    case 'tableWildcard':
      return `${target.db}.*`;
    case 'columns':
      return `${target.db}.${target.table}[${target.columns.join(',')}]`;
    case 'columnWildcard':
      return `${target.db}.${target.table}[*-${target.excluded.join(',')}]`;
    case 'location':
      return `s3:${target.path}`;
    case 'lfTag':
      return `tag:${target.key}=${target.values.join('|')}`;
  }
}

export function resourceOf(target: Target): Resource {
  switch (target.type) {
    case 'database':
      return { Database: { Name: target.db } };
    case 'table':
      return { Table: { DatabaseName: target.db, Name: target.table } };
    case 'tableWildcard':
      return { Table: { DatabaseName: target.db, TableWildcard: {} } };
    case 'columns':
      return {
        TableWithColumns: { DatabaseName: target.db, Name: target.table, ColumnNames: target.columns },
      };
    case 'columnWildcard':
      return {
        TableWithColumns: {
          DatabaseName: target.db,
          Name: target.table,
          ColumnWildcard: { ExcludedColumnNames: target.excluded },
        },
      };
    case 'location':
      return { DataLocation: { ResourceArn: locationArn(target.path) } };
    case 'lfTag':
      return { LFTag: { TagKey: target.key, TagValues: target.values } };
  }
}

/** Whether the object a target names exists in the model. */
export function targetExists(model: LakeModel, target: Target): boolean {
  switch (target.type) {
    case 'database':
    case 'tableWildcard':
      return model.databases.has(target.db);
    case 'table':
    case 'columns':
    case 'columnWildcard':
      return tableOf(model, target.db, target.table) !== undefined;
    case 'location':
      return model.locations.has(target.path);
    case 'lfTag': {
      const values = model.tags.get(target.key);
      return values !== undefined && target.values.every((v) => values.has(v));
    }
  }
}

/** The permissions Lake Formation accepts on each kind of target. */
export const PERMISSIONS: Record<Target['type'], readonly string[]> = {
  database: ['DESCRIBE', 'ALTER', 'CREATE_TABLE', 'DROP'],
  table: ['SELECT', 'DESCRIBE', 'ALTER', 'INSERT', 'DELETE', 'DROP'],
  tableWildcard: ['SELECT', 'DESCRIBE', 'ALTER', 'INSERT', 'DELETE', 'DROP'],
  columns: ['SELECT'],
  columnWildcard: ['SELECT'],
  location: ['DATA_LOCATION_ACCESS'],
  lfTag: ['DESCRIBE', 'ASSOCIATE'],
};
