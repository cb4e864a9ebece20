import {
  alreadyExists,
  entityNotFound,
  invalidInput,
  type OperationSpec,
  type RequestContext,
  required,
} from '../../service.ts';
import { compact } from './catalog.ts';
import { findConnection } from './connections.ts';
import { pageOf } from './paging.ts';
import { pageSize } from './validation.ts';

type Input = Record<string, any>;

/**
 * Catalogs under the account's default one (Glue's catalog hierarchy), keyed by their path below it:
 * `fed_pg`, `s3tablescatalog`, `s3tablescatalog/bucket`. The default catalog itself is not stored.
 */
export interface CatalogState {
  catalogs: Record<string, Record<string, any>>;
}

export function catalogStateOf(ctx: RequestContext): CatalogState {
  return ctx.regionState.slice<CatalogState>('glueCatalogs', () => ({ catalogs: {} }));
}

/**
 * Connections Glue reserves for federations it runs itself: S3 Tables and Redshift. A FederatedCatalog may
 * name them without a connection of that name existing in the account.
 */
const RESERVED_CONNECTIONS = new Set(['aws:s3tables', 'aws:redshift']);

/** `account:path` (the multi-level CatalogId every Glue call takes) → the path, checking the account. */
function pathOf(catalogId: string, ctx: RequestContext): string | undefined {
  if (catalogId === ctx.accountId) return undefined;
  const separator = catalogId.indexOf(':');
  const account = separator < 0 ? catalogId : catalogId.slice(0, separator);
  if (account !== ctx.accountId || separator < 0) throw entityNotFound(`Catalog ${catalogId} not found.`);
  return catalogId.slice(separator + 1);
}

function catalogAnswer(
  path: string,
  input: Input,
  ctx: RequestContext,
  created: number,
): Record<string, any> {
  return compact({
    CatalogId: `${ctx.accountId}:${path}`,
    Name: path.slice(path.lastIndexOf('/') + 1),
    ResourceArn: `arn:aws:glue:${ctx.region}:${ctx.accountId}:catalog/${path}`,
    Description: input.Description,
    Parameters: input.Parameters,
    CreateTime: created,
    UpdateTime: ctx.now,
    TargetRedshiftCatalog: input.TargetRedshiftCatalog,
    FederatedCatalog: input.FederatedCatalog,
    CatalogProperties: input.CatalogProperties,
    CreateTableDefaultPermissions: input.CreateTableDefaultPermissions,
    CreateDatabaseDefaultPermissions: input.CreateDatabaseDefaultPermissions,
    AllowFullTableExternalDataAccess: input.AllowFullTableExternalDataAccess,
  });
}

/**
 * A federated catalog must name a connection the account has (or one Glue reserves); a catalog is a
 * federated one, a Redshift-managed one or a plain Glue one, never two of them.
 */
function checkCatalogInput(input: Input, ctx: RequestContext): void {
  const federated = input.FederatedCatalog;
  if (federated && input.TargetRedshiftCatalog)
    throw invalidInput('A catalog cannot be both federated and Redshift-managed.');
  const connection = federated?.ConnectionName;
  if (connection !== undefined && !RESERVED_CONNECTIONS.has(connection) && !findConnection(ctx, connection))
    throw entityNotFound(`Connection ${connection} not found.`);
}

/**
 * CreateCatalog. A `parent/child` name creates a catalog inside an existing one (how the local cloud stands in
 * for the S3 Tables integration, which makes `s3tablescatalog/<bucket>` per table bucket).
 */
function createCatalog(input: Input, ctx: RequestContext): object {
  const path = required<string>(input, 'Name');
  const catalogInput = required<Input>(input, 'CatalogInput');
  const { catalogs } = catalogStateOf(ctx);
  if (catalogs[path]) throw alreadyExists(`Catalog ${path} already exists.`);
  const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : undefined;
  if (parent !== undefined && !catalogs[parent]) throw entityNotFound(`Catalog ${parent} not found.`);
  checkCatalogInput(catalogInput, ctx);
  catalogs[path] = catalogAnswer(path, catalogInput, ctx, ctx.now);
  return {};
}

function requireCatalog(input: Input, ctx: RequestContext): { path: string; catalog: Record<string, any> } {
  const path = pathOf(required<string>(input, 'CatalogId'), ctx);
  const catalog = path === undefined ? undefined : catalogStateOf(ctx).catalogs[path];
  if (!catalog || path === undefined) throw entityNotFound(`Catalog ${input.CatalogId} not found.`);
  return { path, catalog };
}

function updateCatalog(input: Input, ctx: RequestContext): object {
  const { path, catalog } = requireCatalog(input, ctx);
  const catalogInput = required<Input>(input, 'CatalogInput');
  checkCatalogInput(catalogInput, ctx);
  catalogStateOf(ctx).catalogs[path] = catalogAnswer(path, catalogInput, ctx, catalog.CreateTime);
  return {};
}

/** DeleteCatalog refuses a catalog that still holds catalogs, as Glue refuses a non-empty hierarchy. */
function deleteCatalog(input: Input, ctx: RequestContext): object {
  const { path } = requireCatalog(input, ctx);
  const { catalogs } = catalogStateOf(ctx);
  if (Object.keys(catalogs).some((other) => other.startsWith(`${path}/`)))
    throw invalidInput(`Catalog ${input.CatalogId} has child catalogs; delete them first.`);
  delete catalogs[path];
  return {};
}

/**
 * GetCatalogs: the children of ParentCatalogId (default: the account's default catalog), or with Recursive
 * the whole hierarchy below it; IncludeRoot adds the default catalog, and only when no other parent is named.
 */
function getCatalogs(input: Input, ctx: RequestContext): object {
  const parentPath = input.ParentCatalogId === undefined ? undefined : pathOf(input.ParentCatalogId, ctx);
  if (parentPath !== undefined && input.IncludeRoot !== undefined)
    throw invalidInput('IncludeRoot can only be used when ParentCatalogId is the account or omitted.');
  const { catalogs } = catalogStateOf(ctx);
  if (parentPath !== undefined && !catalogs[parentPath])
    throw entityNotFound(`Catalog ${input.ParentCatalogId} not found.`);
  const prefix = parentPath === undefined ? '' : `${parentPath}/`;
  const below = (path: string) =>
    path.startsWith(prefix) && (input.Recursive === true || !path.slice(prefix.length).includes('/'));
  const root = input.IncludeRoot === true ? [''] : [];
  const keys = [...root, ...Object.keys(catalogs).filter(below).sort()];
  const page = pageOf(keys, input.NextToken, pageSize(input, 1000), (key) =>
    key === '' ? defaultCatalog(ctx) : catalogs[key],
  );
  return { CatalogList: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
}

function defaultCatalog(ctx: RequestContext): Record<string, any> {
  return {
    CatalogId: ctx.accountId,
    Name: ctx.accountId,
    ResourceArn: `arn:aws:glue:${ctx.region}:${ctx.accountId}:catalog`,
  };
}

function getCatalog(input: Input, ctx: RequestContext): object {
  const catalogId = required<string>(input, 'CatalogId');
  if (catalogId === ctx.accountId) return { Catalog: defaultCatalog(ctx) };
  return { Catalog: requireCatalog(input, ctx).catalog };
}

export const catalogOperations: Record<string, OperationSpec> = {
  CreateCatalog: { handler: createCatalog, readOnly: false },
  UpdateCatalog: { handler: updateCatalog, readOnly: false },
  DeleteCatalog: { handler: deleteCatalog, readOnly: false },
  GetCatalog: { handler: getCatalog, readOnly: true },
  GetCatalogs: { handler: getCatalogs, readOnly: true },
};
