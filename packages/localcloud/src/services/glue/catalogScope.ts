import { entityNotFound, type OperationSpec, type RequestContext } from '../../service.ts';
import { catalogStateOf } from './catalogs.ts';

/**
 * Databases, tables and everything under them in a catalog below the default one: a call whose CatalogId is
 * the multi-level `account:path` of an existing catalog (`123456789012:s3tablescatalog/bucket`) runs against
 * that catalog's own state, kept as the state of the "account" `account:path` in the Region. Lake Formation
 * looks a grant's resource up the same way (existence.ts), so grants on those objects check against it.
 */
export function inNamedCatalogs(operations: Record<string, OperationSpec>): Record<string, OperationSpec> {
  const scoped: Record<string, OperationSpec> = {};
  for (const [name, spec] of Object.entries(operations))
    scoped[name] = {
      ...spec,
      handler: (input, ctx) => {
        const catalogId = input?.CatalogId;
        if (typeof catalogId !== 'string' || !catalogId.startsWith(`${ctx.accountId}:`))
          return spec.handler(input, ctx);
        const path = catalogId.slice(ctx.accountId.length + 1);
        if (!catalogStateOf(ctx).catalogs[path]) throw entityNotFound(`Catalog ${catalogId} not found.`);
        const regionState = ctx.stateOf(catalogId, ctx.region);
        // The dispatcher persists only the caller's own state after a write: this one is marked here.
        if (!spec.readOnly) regionState.dirty = true;
        const inner: RequestContext = { ...ctx, regionState, catalogId };
        return spec.handler(input, inner);
      },
    };
  return scoped;
}
