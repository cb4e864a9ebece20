import type { LakemirrorConfig } from '../src/config/configSchema.ts';
import { loadConfigSync } from '../src/config/loadConfig.ts';
import { parseSnapshotUri } from '../src/config/snapshotUri.ts';

/** Where the deployed functions keep snapshots when the config names a local directory. */
export const DEFAULT_SNAPSHOT_PREFIX = 'lakemirror/snapshots/';

/**
 * Reads and validates the config at synth time, synchronously (CDK apps build their stacks in one
 * pass). A bad config fails `cdk synth` with the same message the CLI prints.
 */
export function readDeployConfig(path: string): LakemirrorConfig {
  return loadConfigSync(path);
}

/** The snapshot bucket the stacks create: the one named in `snapshots.uri`, or a generated one. */
export function snapshotLocation(config: LakemirrorConfig): { bucketName?: string; prefix: string } {
  const location = parseSnapshotUri(config.snapshots.uri);
  if (location.kind === 's3') return { bucketName: location.bucket, prefix: location.prefix };
  return { prefix: DEFAULT_SNAPSHOT_PREFIX };
}

/**
 * The config the functions read at run time: the validated file with what only makes sense on a
 * laptop removed (named profiles, the local emulator) and `snapshots.uri` pointing at the deployed
 * bucket. Everything else, the Regions above all, is exactly what the file says.
 */
export function deployedConfig(config: LakemirrorConfig, snapshotUri: string): LakemirrorConfig {
  const { localcloud: _localcloud, ...rest } = config;
  const { profile: _sourceProfile, ...source } = config.source;
  return {
    ...rest,
    source,
    targets: config.targets.map(({ profile: _profile, ...target }) => target),
    snapshots: { ...config.snapshots, uri: snapshotUri },
  };
}

/** What `deployedConfig` drops, for a synth-time note. */
export function droppedForDeploy(config: LakemirrorConfig): string[] {
  const dropped: string[] = [];
  if (config.localcloud) dropped.push('localcloud');
  if (config.source.profile) dropped.push('source.profile');
  config.targets.forEach((t, i) => {
    if (t.profile) dropped.push(`targets[${i}].profile`);
  });
  return dropped;
}
