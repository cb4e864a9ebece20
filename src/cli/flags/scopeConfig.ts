import { isAwsRegion, REGION_EXAMPLES } from '../../config/awsRegion.ts';
import type { LakemirrorConfig } from '../../config/configSchema.ts';
import { LakemirrorError } from '../../model/errors.ts';
import type { CommonFlags } from '../commands/common.ts';

/** `--region` is checked as the config's Regions are, before anything is read. */
export function assertRegionFlag(region: string | undefined): void {
  if (region === undefined || isAwsRegion(region)) return;
  throw new LakemirrorError({
    code: 'flags.region',
    source: 'user',
    object: `--region ${region}`,
    message: `unknown AWS Region '${region}' in --region`,
    fix: `pass a Region code like ${REGION_EXAMPLES}`,
  });
}

/**
 * The config as the common flags narrow it: `--region` replaces the source Region, `--target` keeps only
 * those targets (each must be one), `--database` replaces the database include filter.
 */
export function scopeConfig(config: LakemirrorConfig, flags: CommonFlags): LakemirrorConfig {
  let scoped = config;
  if (flags.region) scoped = { ...scoped, source: { ...scoped.source, region: flags.region } };
  if (flags.target) scoped = { ...scoped, targets: chosenTargets(scoped, flags.target) };
  if (flags.database) {
    const filters = scoped.filters ?? {};
    scoped = {
      ...scoped,
      filters: { ...filters, databases: { ...(filters.databases ?? {}), include: [...flags.database] } },
    } as LakemirrorConfig;
  }
  return scoped;
}

function chosenTargets(config: LakemirrorConfig, regions: readonly string[]): LakemirrorConfig['targets'] {
  const unknown = regions.filter((r) => !config.targets.some((t) => t.region === r));
  if (unknown.length > 0)
    throw new LakemirrorError({
      code: 'config.unknownTarget',
      source: 'user',
      object: `--target ${unknown.join(' ')}`,
      message: `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a target in the config`,
      fix: `use one of: ${config.targets.map((t) => t.region).join(', ')}`,
    });
  return config.targets.filter((t) => regions.includes(t.region));
}
