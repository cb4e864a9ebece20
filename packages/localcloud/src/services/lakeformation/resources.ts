import { lfInvalid, lfRequired } from './errors.ts';

/** The members of an LF Resource this emulator understands (LFTagExpression is not emulated). */
export const RESOURCE_KINDS = [
  'Catalog',
  'Database',
  'Table',
  'TableWithColumns',
  'DataLocation',
  'DataCellsFilter',
  'LFTag',
  'LFTagPolicy',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export type LfResource = Record<string, any>;

const sorted = (values: unknown): string[] => [...((values as string[] | undefined) ?? [])].sort();
const lower = (value: unknown): string => String(value).toLowerCase();

/** The one kind of resource the request names; Lake Formation refuses none or several. */
export function resourceKind(resource: LfResource | undefined): ResourceKind {
  const present = RESOURCE_KINDS.filter((kind) => resource?.[kind] !== undefined && resource[kind] !== null);
  const extra = Object.keys(resource ?? {}).filter(
    (key) => !RESOURCE_KINDS.includes(key as ResourceKind) && resource?.[key] != null,
  );
  if (extra.length > 0) throw lfInvalid(`Resource type ${extra[0]} is not supported.`);
  if (present.length !== 1) {
    throw lfInvalid(
      `Resource parameter must have exactly 1 resource specified but ${present.length} were provided.`,
    );
  }
  return present[0]!;
}

function tableMember(table: LfResource, catalogId: string): LfResource {
  const database = lower(lfRequired<string>(table, 'DatabaseName'));
  const hasName = table.Name !== undefined && table.Name !== null && table.Name !== '';
  const hasWildcard = table.TableWildcard !== undefined && table.TableWildcard !== null;
  if (!hasName && !hasWildcard) throw lfInvalid('Table name and table wildcard cannot both be empty.');
  if (hasName && hasWildcard) throw lfInvalid('Table name and table wildcard cannot both be present.');
  return hasName
    ? { CatalogId: catalogId, DatabaseName: database, Name: lower(table.Name) }
    : { CatalogId: catalogId, DatabaseName: database, TableWildcard: {} };
}

function columnsMember(table: LfResource, catalogId: string): LfResource {
  const out: LfResource = {
    CatalogId: catalogId,
    DatabaseName: lower(lfRequired<string>(table, 'DatabaseName')),
    Name: lower(lfRequired<string>(table, 'Name')),
  };
  const hasNames = Array.isArray(table.ColumnNames) && table.ColumnNames.length > 0;
  const hasWildcard = table.ColumnWildcard !== undefined && table.ColumnWildcard !== null;
  if (hasNames === hasWildcard) {
    throw lfInvalid('Exactly one of ColumnNames or ColumnWildcard must be specified for TableWithColumns.');
  }
  if (hasNames) out.ColumnNames = sorted(table.ColumnNames);
  else {
    const excluded = sorted(table.ColumnWildcard.ExcludedColumnNames);
    out.ColumnWildcard = excluded.length > 0 ? { ExcludedColumnNames: excluded } : {};
  }
  return out;
}

/** LF-Tag expressions compare as sets: tags sorted by key, values sorted. */
export function normalizeExpression(expression: unknown): Array<{ TagKey: string; TagValues: string[] }> {
  const list = (expression as Array<Record<string, unknown>> | undefined) ?? [];
  if (list.length === 0) throw lfInvalid('Expression must not be empty.');
  return list
    .map((tag) => ({ TagKey: lfRequired<string>(tag, 'TagKey'), TagValues: sorted(tag.TagValues) }))
    .sort((a, b) => a.TagKey.localeCompare(b.TagKey));
}

/**
 * The resource as Lake Formation stores and lists it: CatalogId filled in with the account when absent,
 * database and table names lowercased (Glue lowercases them), set-like lists sorted.
 */
export function normalizeResource(resource: LfResource | undefined, accountId: string): LfResource {
  const kind = resourceKind(resource);
  const member = resource![kind] as LfResource;
  const catalogId = String(member.CatalogId ?? member.TableCatalogId ?? accountId);
  switch (kind) {
    case 'Catalog':
      return { Catalog: member.Id ? { Id: member.Id } : {} };
    case 'Database':
      return { Database: { CatalogId: catalogId, Name: lower(lfRequired<string>(member, 'Name')) } };
    case 'Table':
      return { Table: tableMember(member, catalogId) };
    case 'TableWithColumns':
      return { TableWithColumns: columnsMember(member, catalogId) };
    case 'DataLocation':
      return {
        DataLocation: { CatalogId: catalogId, ResourceArn: lfRequired<string>(member, 'ResourceArn') },
      };
    case 'DataCellsFilter':
      return {
        DataCellsFilter: {
          TableCatalogId: catalogId,
          DatabaseName: lower(lfRequired<string>(member, 'DatabaseName')),
          TableName: lower(lfRequired<string>(member, 'TableName')),
          Name: lfRequired<string>(member, 'Name'),
        },
      };
    case 'LFTag':
      return {
        LFTag: {
          CatalogId: catalogId,
          TagKey: lfRequired<string>(member, 'TagKey'),
          TagValues: sorted(lfRequired<string[]>(member, 'TagValues')),
        },
      };
    case 'LFTagPolicy': {
      const type = lfRequired<string>(member, 'ResourceType');
      if (type !== 'DATABASE' && type !== 'TABLE') {
        throw lfInvalid(
          `Value '${type}' at 'resource.lFTagPolicy.resourceType' failed to satisfy constraint`,
        );
      }
      return {
        LFTagPolicy: {
          CatalogId: catalogId,
          ResourceType: type,
          Expression: normalizeExpression(member.Expression),
        },
      };
    }
  }
}

/** Stable JSON (sorted keys): equal normalized resources have equal keys. */
export function resourceKey(resource: LfResource): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  };
  return JSON.stringify(canonical(resource));
}

/** The ListPermissions ResourceType a stored resource belongs to. */
export function dataLakeResourceType(resource: LfResource): string | undefined {
  if (resource.Catalog) return 'CATALOG';
  if (resource.Database) return 'DATABASE';
  if (resource.Table || resource.TableWithColumns) return 'TABLE';
  if (resource.DataLocation) return 'DATA_LOCATION';
  if (resource.LFTag) return 'LF_TAG';
  if (resource.LFTagPolicy) return `LF_TAG_POLICY_${resource.LFTagPolicy.ResourceType}`;
  return undefined;
}
