import type { LakemirrorConfig } from '../config/configSchema.ts';
import { LakemirrorError } from '../model/errors.ts';

/** Regions tried, in order, for the scratch target on the local cloud. */
export const LOCAL_SCRATCH_CANDIDATES = [
  'us-east-2',
  'us-west-1',
  'eu-west-1',
  'eu-central-1',
  'ap-southeast-2',
];

/**
 * The Region the drill restores into. Never the source or a target. On the local cloud a free Region is
 * picked; on AWS the user must name one, because the drill creates and then deletes objects there.
 */
export function chooseScratchRegion(
  config: LakemirrorConfig,
  explicit: string | undefined,
  local: boolean,
): string {
  const used = new Set([config.source.region, ...config.targets.map((t) => t.region)]);
  if (explicit) {
    if (used.has(explicit)) {
      throw new LakemirrorError({
        code: 'drill.scratchRegionInUse',
        source: 'user',
        message: `--scratch-region ${explicit} is the source or a target of the config; the drill would restore over real data`,
        fix: `pick a Region the config does not use, e.g. --scratch-region ${freeRegion(used) ?? 'us-east-2'}`,
      });
    }
    return explicit;
  }
  if (!local) {
    throw new LakemirrorError({
      code: 'drill.scratchRegionRequired',
      source: 'user',
      message:
        'on AWS the drill restores the latest snapshot into a scratch Region and deletes it afterwards; name that Region explicitly',
      fix: `pass --scratch-region with a Region the config does not use and that holds no Glue databases, e.g. --scratch-region ${freeRegion(used) ?? 'us-east-2'}`,
    });
  }
  const free = freeRegion(used);
  if (!free) {
    throw new LakemirrorError({
      code: 'drill.noScratchRegion',
      source: 'user',
      message: `every candidate scratch Region (${LOCAL_SCRATCH_CANDIDATES.join(', ')}) is used by the config`,
      fix: 'pass --scratch-region with a Region the config does not use',
    });
  }
  return free;
}

function freeRegion(used: ReadonlySet<string>): string | undefined {
  return LOCAL_SCRATCH_CANDIDATES.find((r) => !used.has(r));
}
