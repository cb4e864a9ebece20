import { join } from 'node:path';
import { createSnapshotStore } from '../aws/createSnapshotStore.ts';
import type { SnapshotStore } from '../aws/snapshotStore.ts';
import type { TargetConfig } from '../config/configSchema.ts';
import { parseSnapshotUri } from '../config/snapshotUri.ts';
import type { Runtime } from '../engine/runtime.ts';
import { LakemirrorError } from '../model/errors.ts';
import { FileLeaseStore } from './fileLeaseStore.ts';
import type { LeaseStore } from './leaseStore.ts';
import { S3LeaseStore } from './s3LeaseStore.ts';

/**
 * Where a target's replication state is kept *in the target Region*, so that failover can read it with the
 * source Region down: the snapshot store's bucket as `s3Mapping` maps it for that target (the bucket the
 * target's data already lives beside), same prefix, through a client of the target Region. A local snapshot
 * directory belongs to no Region: the state is kept there. Answers undefined when the snapshot bucket has no
 * mapping for the target (the caller warns: there is then no copy that survives the source).
 */
export function targetRegionStore(runtime: Runtime, target: TargetConfig): LeaseStore | undefined {
  const location = parseSnapshotUri(runtime.config.snapshots.uri);
  if (location.kind === 'file') return new FileLeaseStore(location.directory);
  const mapping = target.s3Mapping ?? runtime.config.s3Mapping ?? {};
  const bucket = mapping[location.bucket];
  if (!bucket) return undefined;
  const { s3 } = runtime.clients(target.region, target.roleArn ? { roleArn: target.roleArn } : undefined);
  return new S3LeaseStore(s3, bucket, location.prefix);
}

/** As `targetRegionStore`, but refusing when there is none (failover and failback need it). */
export function requireTargetRegionStore(runtime: Runtime, target: TargetConfig): LeaseStore {
  const store = targetRegionStore(runtime, target);
  if (store) return store;
  throw new LakemirrorError({
    code: 'failover.noTargetState',
    source: 'user',
    object: `target ${target.region}`,
    message: `the snapshot bucket of ${runtime.config.snapshots.uri} has no s3Mapping for ${target.region}: no replication state is kept in that Region`,
    fix: `map the snapshot bucket to a bucket in ${target.region} in s3Mapping (or the target's s3Mapping)`,
  });
}

/**
 * Snapshots kept in the target Region (the failover base snapshot): `safety/` beside the local snapshots, or
 * under the mapped bucket's `<prefix>safety/`, read and written through a client of the target Region.
 */
export function targetRegionSnapshotStore(runtime: Runtime, target: TargetConfig): SnapshotStore {
  const location = parseSnapshotUri(runtime.config.snapshots.uri);
  if (location.kind === 'file') return createSnapshotStore(join(location.directory, 'safety'));
  requireTargetRegionStore(runtime, target);
  const mapping = target.s3Mapping ?? runtime.config.s3Mapping ?? {};
  const { s3 } = runtime.clients(target.region, target.roleArn ? { roleArn: target.roleArn } : undefined);
  return createSnapshotStore(`s3://${mapping[location.bucket]}/${location.prefix}safety/`, { s3 });
}
