import type { RequestContext } from '../../service.ts';
import { findDatabase, findTable } from '../glue/state.ts';
import { lfNotFound } from './errors.ts';
import type { LfResource } from './resources.ts';
import { lakeFormationStateOf } from './state.ts';

/** The Region state holding a catalog: the caller's own, or another account's in the same Region. */
function catalogState(ctx: RequestContext, catalogId: string) {
  return catalogId === ctx.accountId ? ctx.regionState : ctx.stateOf(catalogId, ctx.region);
}

/** Checks that the LF-Tag exists and holds every value named (`*` stands for all values). */
export function checkTagValues(ctx: RequestContext, catalogId: string, key: string, values: string[]): void {
  const tag = lakeFormationStateOf(catalogState(ctx, catalogId)).lfTags[key];
  if (!tag) throw lfNotFound(`Tag key does not exist: ${key}`);
  const missing = values.find((value) => value !== '*' && !tag.TagValues.includes(value));
  if (missing !== undefined) throw lfNotFound(`Tag value does not exist: ${key}=${missing}`);
}

/** A location is registered when it or a parent path is (grants may name a path under a registered one). */
function isRegistered(registered: Record<string, unknown>, arn: string): boolean {
  return Object.keys(registered).some(
    (root) => arn === root || arn.startsWith(`${root.replace(/\/$/, '')}/`),
  );
}

/**
 * Checks that what a normalized resource names exists in this Region, as Lake Formation checks before a grant:
 * the Glue database or table, the registered location, the LF-Tag and its values, the data cells filter.
 * Missing catalog objects answer the generic EntityNotFoundException Lake Formation answers since 2023.
 */
export function checkResourceExists(ctx: RequestContext, resource: LfResource): void {
  const member = Object.values(resource)[0] as LfResource;
  const catalogId = String(member.CatalogId ?? member.TableCatalogId ?? ctx.accountId);
  const region = catalogState(ctx, catalogId);
  if (resource.Database && !findDatabase(region, member.Name)) throw lfNotFound();
  if (resource.Table || resource.TableWithColumns) {
    if (!findDatabase(region, member.DatabaseName)) throw lfNotFound();
    if (member.Name !== undefined && !findTable(region, member.DatabaseName, member.Name)) throw lfNotFound();
  }
  if (resource.DataCellsFilter) {
    const key = `${member.DatabaseName}.${member.TableName}.${member.Name}`;
    if (!lakeFormationStateOf(region).dataCellsFilters[key]) throw lfNotFound();
  }
  if (resource.DataLocation && !isRegistered(lakeFormationStateOf(region).resources, member.ResourceArn)) {
    throw lfNotFound(`Location is not registered with Lake Formation: ${member.ResourceArn}`);
  }
  if (resource.LFTag) checkTagValues(ctx, catalogId, member.TagKey, member.TagValues);
  if (resource.LFTagPolicy) {
    for (const tag of member.Expression as Array<{ TagKey: string; TagValues: string[] }>) {
      checkTagValues(ctx, catalogId, tag.TagKey, tag.TagValues);
    }
  }
}
