import type { LakemirrorConfig, TargetConfig } from '../config/configSchema.ts';
import type { CatalogFilterSpec } from '../plan/filters.ts';
import type { PlanOptions } from '../plan/plan.ts';
import { protectedPrincipalsFor } from '../plan/protectedPrincipals.ts';

/** What a run knows about one target beyond the config: the accounts of both sides and who it writes as. */
export interface TargetContext {
  deleteMissing?: boolean;
  /** Source and target accounts; when they differ, principals are rewritten with `accountMapping`. */
  accounts?: { sourceAccountId: string; targetAccountId: string };
  /** The identity the target is written as (GetCallerIdentity); always protected. */
  callerArn?: string;
}

/** The catalog part of a read scope: `source.catalogs`, when the config names any. */
export function catalogsScope(config: LakemirrorConfig): { catalogs?: '*' | readonly string[] } {
  return config.source.catalogs ? { catalogs: config.source.catalogs } : {};
}

/** The config's filters, narrowed to `databases` when a run is restricted to some databases. */
export function runFilter(config: LakemirrorConfig, databases?: readonly string[]): CatalogFilterSpec {
  const filters = { ...(config.filters ?? {}), ...catalogsScope(config) };
  if (!databases) return filters as CatalogFilterSpec;
  return {
    ...filters,
    databases: { ...(filters.databases ?? {}), include: [...databases] },
  } as CatalogFilterSpec;
}

/**
 * The plan options for one target: its own s3Mapping wins over the top-level one; the configured protected
 * principals plus the identity lakemirror writes the target as; account and resource-link mappings.
 */
export function planOptionsFor(
  config: LakemirrorConfig,
  target: TargetConfig,
  filter: CatalogFilterSpec,
  overrides: TargetContext = {},
): PlanOptions {
  return {
    deleteMissing: overrides.deleteMissing ?? config.deleteMissing,
    // Only the explicit on-demand setting prunes target-only admins (not real-time's mirror-deletes default).
    pruneAdmins: config.deleteMissing,
    s3Mapping: target.s3Mapping ?? config.s3Mapping ?? {},
    filter,
    catalog: config.replicate.catalog,
    permissions: config.replicate.permissions,
    columnStatistics: config.replicate.columnStatistics,
    ...(config.source.catalogs ? { catalogs: config.source.catalogs } : {}),
    protectedPrincipals: protectedPrincipalsFor(config.protectedPrincipals ?? [], overrides.callerArn),
    ...(overrides.accounts ? { accounts: overrides.accounts } : {}),
    ...(config.accountMapping ? { accountMapping: config.accountMapping } : {}),
    ...(config.resourceLinkMapping ? { resourceLinkMapping: config.resourceLinkMapping } : {}),
    regions: { source: config.source.region, target: target.region },
  };
}
