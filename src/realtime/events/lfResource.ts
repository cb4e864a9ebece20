import { catalogPath } from '../../model/canonicalCatalog.ts';
import type { LfResource } from './objectRef.ts';

/** Members that only name the catalog (the account): dropped, as in the model's canonical form. */
const CATALOG_MEMBERS = new Set(['CatalogId', 'TableCatalogId']);
/** Glue names, which Glue folds to lowercase. */
const GLUE_NAME_MEMBERS = new Set(['DatabaseName', 'TableName']);
const NAMED_GLUE_RESOURCES = new Set(['Database', 'Table', 'TableWithColumns']);
/** Set-like lists, sorted. */
const SET_MEMBERS = new Set(['ColumnNames', 'ExcludedColumnNames', 'TagValues']);

/** `database` → `Database`; CloudTrail's `lFTag`/`lfTag` → `LFTag`. */
function sdkMemberName(name: string): string {
  const upper = name.length === 0 ? name : name[0]!.toUpperCase() + name.slice(1);
  return /^Lf[A-Z]/.test(upper) ? `LF${upper.slice(2)}` : upper;
}

function canonical(value: unknown, parent: string | undefined): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((item) => canonical(item, undefined));
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [rawName, rawMember] of Object.entries(value as Record<string, unknown>)) {
    const name = sdkMemberName(rawName);
    // A multi-level CatalogId (`account:path`) names a catalog below the default one: kept, so the model's
    // canonical form can keep its path (the account is dropped there).
    const multiLevel = name === 'CatalogId' && typeof rawMember === 'string' && rawMember.includes(':');
    if (CATALOG_MEMBERS.has(name) && !multiLevel) continue;
    let member = canonical(rawMember, name);
    if (member === undefined) continue;
    const lowercase =
      GLUE_NAME_MEMBERS.has(name) || (name === 'Name' && NAMED_GLUE_RESOURCES.has(parent ?? ''));
    if (lowercase && typeof member === 'string') member = member.toLowerCase();
    if (SET_MEMBERS.has(name) && Array.isArray(member)) member = [...member].sort();
    out[name] = member;
  }
  return out;
}

/**
 * The LF `Resource` of a CloudTrail document (lowerCamel members) in the SDK's shape, canonical:
 * no CatalogId (but a multi-level one), Glue names lowercased, set-like lists sorted, nulls dropped. Undefined when absent or empty.
 */
export function canonicalLfResource(raw: unknown): LfResource | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const resource = canonical(raw, undefined) as LfResource;
  return Object.keys(resource).length > 0 ? resource : undefined;
}

/** Where a Glue object lives: its database, its table when it names one, its catalog when below the default. */
export interface GlueScope {
  database: string;
  table?: string;
  /** The path of the catalog below the account's default one (from a multi-level CatalogId or CatalogPath). */
  catalog?: string;
}

/** `account:path` or a canonical CatalogPath → the path; undefined for the default catalog. */
function catalogOf(member: Record<string, unknown>): { catalog?: string } {
  const path = member.CatalogPath;
  if (typeof path === 'string') return { catalog: path };
  const catalog = typeof member.CatalogId === 'string' ? catalogPath(member.CatalogId) : undefined;
  return catalog === undefined ? {} : { catalog };
}

/** The Glue database (and table) an LF resource lives in, for filtering; undefined for catalog-wide ones. */
export function glueScopeOf(resource: LfResource): GlueScope | undefined {
  const member = (name: string) => resource[name] as Record<string, unknown> | undefined;
  const database = member('Database');
  if (typeof database?.Name === 'string') return { database: database.Name, ...catalogOf(database) };
  const table = member('Table') ?? member('TableWithColumns');
  if (typeof table?.DatabaseName === 'string') {
    const wildcard = table.TableWildcard !== undefined || typeof table.Name !== 'string';
    const named = wildcard ? {} : { table: table.Name as string };
    return { database: table.DatabaseName, ...named, ...catalogOf(table) };
  }
  const filter = member('DataCellsFilter');
  if (typeof filter?.DatabaseName === 'string' && typeof filter.TableName === 'string')
    return { database: filter.DatabaseName, table: filter.TableName };
  return undefined;
}
