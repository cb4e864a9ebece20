import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createSnapshotStore } from '../aws/createSnapshotStore.ts';
import type { SnapshotRecord } from '../model/records.ts';
import type { CatalogFilterSpec } from '../plan/filters.ts';
import { streamSnapshotPartitions } from './readSnapshot.ts';
import type { RegionSide } from './regionSide.ts';
import type { Runtime } from './runtime.ts';
import { safetySnapshotName, safetySnapshotStore } from './safetySnapshot.ts';
import type { PartitionGroups } from './sourceSnapshot.ts';
import { takeSnapshot } from './takeSnapshot.ts';

/**
 * A target's partitions as they were before the run wrote anything, read while the source is still being
 * read (the two Regions' rate limits are separate, so the reads overlap) and kept in a private temporary
 * snapshot file: planning compares against it table by table, and when the run turns out to change the
 * target, it becomes the safety snapshot without a second read.
 */
export interface TargetCapture {
  /** The captured partitions, one table at a time in key order; a fresh stream on each call. */
  partitions(): PartitionGroups;
  /** Copies the capture into the snapshot store's `safety/` folder; answers the safety snapshot's URI. */
  keepAsSafetySnapshot(): Promise<string>;
  /** Removes the temporary file. */
  discard(): void;
}

/**
 * Starts capturing `target`'s partitions for the tables among `before` (the target's records as the run
 * read them before its first write; tables the early pass creates later have none to capture).
 */
export async function captureTarget(
  runtime: Runtime,
  target: RegionSide,
  filter: CatalogFilterSpec,
  before: readonly SnapshotRecord[],
): Promise<TargetCapture> {
  const directory = mkdtempSync(join(tmpdir(), 'lakemirror-target-'));
  const discard = () => rmSync(directory, { recursive: true, force: true });
  const store = createSnapshotStore(directory);
  try {
    const taken = await takeSnapshot(
      target,
      { filter, ...runtime.config.replicate },
      store,
      runtime.tool,
      runtime.now,
      { name: safetySnapshotName, known: before },
    );
    const name = basename(taken.uri);
    return {
      partitions: () => streamSnapshotPartitions(store, taken.uri),
      async keepAsSafetySnapshot() {
        const out = await safetySnapshotStore(runtime).openWriter(name);
        try {
          for await (const line of store.readLines(taken.uri)) await out.writeLine(line);
        } catch (error) {
          await out.abort();
          throw error;
        }
        const { uri } = await out.close();
        runtime.output.info(`safety snapshot of ${target.region} written to ${uri}`);
        return uri;
      },
      discard,
    };
  } catch (error) {
    discard();
    throw error;
  }
}
