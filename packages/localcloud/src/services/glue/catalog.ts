import { entityNotFound, type RequestContext, ServiceError } from '../../service.ts';
import { callerArn } from '../sts/sessions.ts';
import { type GlueState, glueStateOf, type StoredDatabase, type StoredTable } from './state.ts';

/**
 * The catalog a call addresses: CatalogId defaults to the caller's account. Another account's catalog is only
 * reachable through a resource policy or a Lake Formation cross-account grant, neither of which the local cloud
 * emulates, so Glue's IAM check refuses it as the real service does for an account that has not shared it.
 */
export function catalogOf(input: { CatalogId?: string } | undefined, ctx: RequestContext): string {
  const catalogId = input?.CatalogId ?? ctx.accountId;
  if (catalogId !== ctx.accountId && catalogId !== ctx.catalogId) {
    throw new ServiceError(
      'AccessDeniedException',
      `User: ${callerArn(ctx)} is not authorized to perform: glue:${ctx.operation} on resource: ` +
        `arn:aws:glue:${ctx.region}:${catalogId}:catalog because no resource-based policy allows the ` +
        `glue:${ctx.operation} action`,
    );
  }
  return catalogId;
}

/** Glue lowercases database and table names ("for Hive compatibility"). */
export const glueName = (name: string): string => name.toLowerCase();

export function glueOf(ctx: RequestContext): GlueState {
  return glueStateOf(ctx.regionState);
}

export function requireDatabase(ctx: RequestContext, name: string): StoredDatabase {
  const stored = glueOf(ctx).databases[glueName(name)];
  if (!stored) throw entityNotFound(`Database ${name} not found.`);
  return stored;
}

export function requireTable(ctx: RequestContext, database: string, table: string): StoredTable {
  const stored = requireDatabase(ctx, database).tables[glueName(table)];
  if (!stored) throw entityNotFound(`Table ${table} not found.`);
  return stored;
}

/**
 * Copies an object without its undefined members, so stored objects are what GetX answers. Copying (rather than
 * `delete`) keeps V8's fast object layout, which matters for a million stored partitions.
 */
export function compact<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}

/** ErrorDetail of a per-item failure in a batch answer. */
export function errorDetail(error: unknown): { ErrorCode: string; ErrorMessage: string } {
  if (error instanceof ServiceError) return { ErrorCode: error.code, ErrorMessage: error.message };
  throw error;
}
