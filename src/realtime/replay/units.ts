import type { Resource } from '@aws-sdk/client-lakeformation';
import { canonicalResource } from '../../model/canonical.ts';
import { resourceKey } from '../../model/keys.ts';
import type { LfResource } from '../../model/lfShapes.ts';
import type { ObjectRef } from '../events/objectRef.ts';
import type { EventItem } from '../eventTable/items.ts';

/**
 * What one reconcile re-reads on both sides. Close object refs share a scope: every partition named for one
 * table is one BatchGetPartition; grants on a table and on its columns are one ListPermissions (a Table
 * filter also returns the column grants); tags on a table and on its columns are one GetResourceLFTags.
 */
export type Scope =
  | { kind: 'dataLakeSettings' }
  | { kind: 'database'; database: string }
  | { kind: 'table'; database: string; table: string }
  /** `name` absent: every filter of the table. */
  | { kind: 'dataCellsFilter'; database: string; table: string; name?: string }
  /** `values` undefined: every partition of the table. */
  | { kind: 'partitions'; database: string; table: string; values?: string[][] }
  | { kind: 'location'; resourceArn: string }
  | { kind: 'lfTag'; tagKey: string }
  /** `resource` is a Database or a named Table; a table's scope includes its columns' tags. */
  | { kind: 'lfTagAssignment'; resource: LfResource }
  /** Grants on one resource; on a named Table, also those on its columns (TableWithColumns). */
  | { kind: 'grants'; resource: LfResource }
  /** Every partition index of a table. */
  | { kind: 'partitionIndexes'; database: string; table: string }
  /** Every optimizer of a table. */
  | { kind: 'tableOptimizers'; database: string; table: string }
  /** One function; `name` absent: every function of the database. */
  | { kind: 'function'; database: string; name?: string }
  /** The column statistics of a table, or of one partition (`values`). */
  | { kind: 'columnStatistics'; database: string; table: string; values?: string[] }
  /** Opt-ins on one resource (a Database or a Table). */
  | { kind: 'optIns'; resource: LfResource }
  /** A catalog below the account's default one (its own object: catalogs inside it have events of their own). */
  | { kind: 'glueCatalog'; path: string }
  /**
   * Nothing precise is known: reconcile everything inside the filters — or, with `database`, everything in
   * that database (its tables, partitions, filters, and the grants and tag assignments on them).
   */
  | { kind: 'broad'; database?: string; account?: true };

export type ScopeKind = Scope['kind'];

/** One reconcile and the event items it settles. */
export interface ReplayUnit {
  id: string;
  scope: Scope;
  items: EventItem[];
}

/** Dependency order: parents before children, what grants name before grants, opt-ins after; broad last. */
export const SCOPE_ORDER: readonly ScopeKind[] = [
  'dataLakeSettings',
  'glueCatalog',
  'database',
  'function',
  'table',
  'partitionIndexes',
  'tableOptimizers',
  'dataCellsFilter',
  'partitions',
  'columnStatistics',
  'location',
  'lfTag',
  'lfTagAssignment',
  'grants',
  'optIns',
  'broad',
];

/** A named table stands for its columns too; other resources are kept as they are. */
function tableWide(resource: LfResource): LfResource {
  const columns = resource.TableWithColumns;
  if (columns) {
    const { DatabaseName, Name, CatalogPath } = columns;
    return { Table: { DatabaseName, Name, ...(CatalogPath === undefined ? {} : { CatalogPath }) } };
  }
  return resource;
}

function resourceOf(raw: Record<string, unknown>): LfResource | undefined {
  try {
    const resource = canonicalResource(raw as Resource);
    return Object.keys(resource).length > 0 ? resource : undefined;
  } catch {
    return undefined;
  }
}

/** The scope that reconciles `ref`; an LF resource the model cannot read falls back to a broad reconcile. */
export function scopeOf(ref: ObjectRef): Scope {
  switch (ref.kind) {
    case 'database':
    case 'dataLakeSettings':
    case 'location':
    case 'lfTag':
    case 'table':
    case 'dataCellsFilter':
    case 'partitionIndexes':
    case 'tableOptimizers':
    case 'function':
    case 'columnStatistics':
    case 'glueCatalog':
      return ref;
    case 'partition':
      return { kind: 'partitions', database: ref.database, table: ref.table, values: [ref.values] };
    case 'partitions':
      return { kind: 'partitions', database: ref.database, table: ref.table };
    case 'permissions': {
      const resource = resourceOf(ref.resource);
      return resource ? { kind: 'grants', resource: tableWide(resource) } : { kind: 'broad' };
    }
    case 'lfTagAssignment': {
      const resource = resourceOf(ref.resource);
      const wide = resource && tableWide(resource);
      const taggable = wide?.Database || (wide?.Table && wide.Table.Name !== undefined);
      return wide && taggable ? { kind: 'lfTagAssignment', resource: wide } : { kind: 'broad' };
    }
    case 'optIns': {
      const resource = resourceOf(ref.resource);
      return resource ? { kind: 'optIns', resource } : { kind: 'broad' };
    }
    case 'catalog':
      if (ref.account) return { kind: 'broad', account: true };
      return ref.database === undefined ? { kind: 'broad' } : { kind: 'broad', database: ref.database };
  }
}

/**
 * A scope's identity, readable in reports: `table:sales.orders`, `grants:columns:…` (LF resources by
 * their model key). Partitions are keyed by table, so every partition named for one table merges.
 */
export function scopeId(scope: Scope): string {
  switch (scope.kind) {
    case 'database':
      return `database:${scope.database}`;
    case 'table':
    case 'partitions':
      return `${scope.kind}:${scope.database}.${scope.table}`;
    case 'dataCellsFilter':
      return `dataCellsFilter:${scope.database}.${scope.table}.${scope.name ?? '*'}`;
    case 'location':
      return `location:${scope.resourceArn}`;
    case 'lfTag':
      return `lfTag:${scope.tagKey}`;
    case 'lfTagAssignment':
    case 'grants':
    case 'optIns':
      return `${scope.kind}:${resourceKey(scope.resource)}`;
    case 'broad':
      if (scope.account) return 'broad-account';
      return scope.database === undefined ? 'broad' : `broad:${scope.database}`;
    case 'dataLakeSettings':
      return scope.kind;
    case 'partitionIndexes':
    case 'tableOptimizers':
      return `${scope.kind}:${scope.database}.${scope.table}`;
    case 'function':
      return `function:${scope.database}.${scope.name ?? '*'}`;
    case 'glueCatalog':
      return `glueCatalog:${scope.path}`;
    case 'columnStatistics':
      return `columnStatistics:${scope.database}.${scope.table}${scope.values ? `/${JSON.stringify(scope.values)}` : ''}`;
  }
}

/**
 * What the broad units of a replay reconcile together: undefined for the whole lake (an unscoped broad unit
 * supersedes the scoped ones), else the databases they name, sorted, and whether the objects tied to no
 * database are compared too.
 */
export function broadDatabases(
  units: readonly ReplayUnit[],
): { databases: string[]; account: boolean } | undefined {
  const databases = new Set<string>();
  let account = false;
  for (const { scope } of units) {
    if (scope.kind !== 'broad') continue;
    if (scope.account) account = true;
    else if (scope.database === undefined) return undefined;
    else databases.add(scope.database);
  }
  return { databases: [...databases].sort(), account };
}

function mergeValues(a: string[][] | undefined, b: string[][] | undefined): string[][] | undefined {
  if (!a || !b) return undefined;
  const byKey = new Map([...a, ...b].map((values) => [JSON.stringify(values), values] as const));
  return [...byKey.values()];
}

/**
 * Groups pending items into reconciles, in dependency order (then oldest event first). Items keep
 * their event-time order inside a unit.
 */
export function buildUnits(items: readonly EventItem[]): ReplayUnit[] {
  const units = new Map<string, ReplayUnit>();
  for (const item of items) {
    const scope = scopeOf(item.object);
    const id = scopeId(scope);
    const seen = units.get(id);
    if (!seen) {
      units.set(id, { id, scope, items: [item] });
      continue;
    }
    seen.items.push(item);
    if (seen.scope.kind === 'partitions' && scope.kind === 'partitions') {
      const values = mergeValues(seen.scope.values, scope.values);
      const { kind, database, table } = seen.scope;
      seen.scope = values ? { kind, database, table, values } : { kind, database, table };
    }
  }
  const first = (unit: ReplayUnit) => unit.items[0]?.pendingSort ?? unit.items[0]?.eventTime ?? '';
  return [...units.values()].sort(
    (a, b) =>
      SCOPE_ORDER.indexOf(a.scope.kind) - SCOPE_ORDER.indexOf(b.scope.kind) ||
      first(a).localeCompare(first(b)) ||
      a.id.localeCompare(b.id),
  );
}
