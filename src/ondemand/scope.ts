import type { LakemirrorConfig, TargetConfig } from '../config/configSchema.ts';
import type { CatalogFilterSpec } from '../plan/filters.ts';
import type { PlanOptions } from '../plan/plan.ts';

/** The config's filters, narrowed to `databases` when a run is restricted to some databases. */
export function runFilter(config: LakemirrorConfig, databases?: readonly string[]): CatalogFilterSpec {
  const filters = config.filters ?? {};
  if (!databases) return filters as CatalogFilterSpec;
  return {
    ...filters,
    databases: { ...(filters.databases ?? {}), include: [...databases] },
  } as CatalogFilterSpec;
}

/** The plan options for one target: its own s3Mapping wins over the top-level one. */
export function planOptionsFor(
  config: LakemirrorConfig,
  target: TargetConfig,
  filter: CatalogFilterSpec,
  overrides: { deleteMissing?: boolean } = {},
): PlanOptions {
  return {
    deleteMissing: overrides.deleteMissing ?? config.deleteMissing,
    s3Mapping: target.s3Mapping ?? config.s3Mapping ?? {},
    filter,
    catalog: config.replicate.catalog,
    permissions: config.replicate.permissions,
  };
}
