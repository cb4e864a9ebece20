import { join } from 'node:path';
import { createSnapshotStore } from '../aws/createSnapshotStore.ts';
import type { SnapshotPin, SnapshotStore } from '../aws/snapshotStore.ts';
import { parseSnapshotUri } from '../config/snapshotUri.ts';
import type { SnapshotRecord } from '../model/records.ts';
import type { CatalogFilterSpec } from '../plan/filters.ts';
import type { RegionSide } from './regionSide.ts';
import type { Runtime } from './runtime.ts';
import { catalogsScope } from './scope.ts';
import { takeSnapshot } from './takeSnapshot.ts';

/** `<region>-pre-sync-<time>.json`: a target's state just before lakemirror changed it. */
export function safetySnapshotName(region: string, capturedAt: string): string {
  return `${region}-pre-sync-${capturedAt.replace(/[:.]/g, '-')}.json`;
}

/**
 * Safety snapshots live in `safety/` under the snapshot store, so `latest()` (the newest *source*
 * snapshot, used by drills) never picks a target's pre-sync state by mistake.
 */
export function safetySnapshotStore(runtime: Runtime): SnapshotStore {
  const uri = runtime.config.snapshots.uri;
  const location = parseSnapshotUri(uri);
  if (location.kind === 'file') return createSnapshotStore(join(location.directory, 'safety'));
  return createSnapshotStore(`s3://${location.bucket}/${location.prefix}safety/`, {
    s3: runtime.clients(runtime.config.source.region).s3,
  });
}

/**
 * Snapshots a target (same format; the header's source is the target Region) in the run's scope, so
 * `lakemirror restore` can put it back as it was. `before`: the target's records (all but partitions) as the
 * sync read them before its first write; the early pass may have created objects since, so those records
 * are kept, and only the partitions of the tables among them are read (the early pass never touches those).
 * Answers the snapshot's URI and the version written, which later reads of it are pinned to.
 */
export async function takeSafetySnapshot(
  runtime: Runtime,
  target: RegionSide,
  filter: CatalogFilterSpec,
  before?: SnapshotRecord[],
): Promise<{ uri: string; pin: SnapshotPin }> {
  runtime.output.phase(`safety snapshot ${target.region}`, 'the target before it changes');
  const taken = await takeSnapshot(target, {
    scope: { filter, ...runtime.config.replicate, ...catalogsScope(runtime.config) },
    store: safetySnapshotStore(runtime),
    tool: runtime.tool,
    now: runtime.now,
    name: safetySnapshotName,
    ...(before ? { known: before } : {}),
    signer: runtime.snapshotSigner,
  });
  runtime.output.info(
    'snapshot.safetyWritten',
    `safety snapshot of ${target.region} written to ${taken.uri}`,
  );
  return { uri: taken.uri, pin: taken.version ? { version: taken.version } : {} };
}
