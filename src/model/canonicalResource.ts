import type { LFTag, Resource } from '@aws-sdk/client-lakeformation';
import { LakemirrorError } from './errors.ts';
import { compareKeys } from './keys.ts';
import { type LfResource, type LfTagExpression, lfResourceSchema } from './lfShapes.ts';
import { sortedSet } from './prune.ts';

/**
 * Canonical LF Resource: CatalogId dropped (the target catalog is implied by the account), database and table
 * names lowercased, column lists and tag values sorted. Empty wildcards (`TableWildcard: {}`) are kept: they
 * are what makes the resource a wildcard.
 */
export function canonicalResource(resource: Resource): LfResource {
  const canonical = buildResource(resource);
  const result = lfResourceSchema.safeParse(canonical);
  if (result.success) return result.data;
  throw new LakemirrorError({
    code: 'model.invalidResource',
    source: 'aws',
    object: `LF resource ${JSON.stringify(resource)}`,
    message: `Lake Formation returned a resource lakemirror cannot replicate: ${result.error.message}`,
    fix: 'Report a bug with the resource shown; lakemirror supports Catalog, Database, Table, TableWithColumns, DataLocation, LFTag, LFTagPolicy and DataCellsFilter resources.',
    cause: result.error,
  });
}

/**
 * `{ CatalogPath }` for an object of a catalog below the default one (multi-level CatalogId `account:path`):
 * the account is dropped like any CatalogId, the path kept so the object is not taken for a default-catalog one.
 */
function inCatalog(catalogId: string | undefined): { CatalogPath?: string } {
  const separator = catalogId?.indexOf(':') ?? -1;
  return separator < 0 ? {} : { CatalogPath: catalogId!.slice(separator + 1) };
}

function buildResource(resource: Resource): LfResource {
  if (resource.Catalog) return { Catalog: inCatalog(resource.Catalog.Id) };
  if (resource.Database)
    return { Database: { Name: lower(resource.Database.Name), ...inCatalog(resource.Database.CatalogId) } };
  if (resource.Table) {
    const { DatabaseName, Name, TableWildcard, CatalogId } = resource.Table;
    // ListPermissions may report a wildcard with a placeholder Name; the wildcard wins.
    return TableWildcard
      ? { Table: { DatabaseName: lower(DatabaseName), TableWildcard: {}, ...inCatalog(CatalogId) } }
      : { Table: { DatabaseName: lower(DatabaseName), Name: lower(Name), ...inCatalog(CatalogId) } };
  }
  if (resource.TableWithColumns) {
    const { DatabaseName, Name, ColumnNames, ColumnWildcard, CatalogId } = resource.TableWithColumns;
    const excluded = sortedSet(ColumnWildcard?.ExcludedColumnNames);
    return {
      TableWithColumns: {
        ...inCatalog(CatalogId),
        DatabaseName: lower(DatabaseName),
        Name: lower(Name),
        ...(ColumnWildcard
          ? { ColumnWildcard: excluded.length > 0 ? { ExcludedColumnNames: excluded } : {} }
          : { ColumnNames: sortedSet(ColumnNames) }),
      },
    };
  }
  if (resource.DataLocation)
    return { DataLocation: { ResourceArn: resource.DataLocation.ResourceArn ?? '' } };
  if (resource.LFTag) return { LFTag: canonicalTagExpression(resource.LFTag) };
  if (resource.LFTagPolicy) {
    const { ResourceType, Expression } = resource.LFTagPolicy;
    return {
      LFTagPolicy: {
        ResourceType: ResourceType as 'DATABASE' | 'TABLE',
        Expression: (Expression ?? [])
          .map(canonicalTagExpression)
          .sort((a, b) => compareKeys(a.TagKey, b.TagKey)),
      },
    };
  }
  if (resource.DataCellsFilter) {
    const { DatabaseName, TableName, Name } = resource.DataCellsFilter;
    return {
      DataCellsFilter: { DatabaseName: lower(DatabaseName), TableName: lower(TableName), Name: Name ?? '' },
    };
  }
  return {};
}

/** `{TagKey, TagValues}` with sorted values and no CatalogId. */
export function canonicalTagExpression(tag: LFTag): LfTagExpression {
  return { TagKey: tag.TagKey ?? '', TagValues: sortedSet(tag.TagValues) };
}

function lower(name: string | undefined): string {
  return (name ?? '').toLowerCase();
}
