import { createSnapshotStore } from '../aws/createSnapshotStore.ts';
import { FileSnapshotStore } from '../aws/fileSnapshotStore.ts';
import type { SnapshotStore } from '../aws/snapshotStore.ts';
import { parseSnapshotUri } from '../config/snapshotUri.ts';
import type { Runtime } from './runtime.ts';

/** A store that can read the given snapshot, wherever it is (the config's store, another file, another bucket). */
export function snapshotReaderFor(runtime: Runtime, uri: string): SnapshotStore {
  const location = parseSnapshotUri(uri);
  if (location.kind === 'file') return new FileSnapshotStore('.');
  return createSnapshotStore(`s3://${location.bucket}/`, {
    s3: runtime.clients(runtime.config.source.region).s3,
  });
}
