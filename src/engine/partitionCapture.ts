import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createSnapshotStore } from '../aws/createSnapshotStore.ts';
import type { PartitionDigests } from '../model/partitionDigests.ts';
import { formatTrailerLine, type SnapshotTrailer, TRAILER_PREFIX } from '../model/snapshotFormat.ts';
import type { CatalogFilterSpec } from '../plan/filters.ts';
import type { CatalogReadParts } from './readCatalogRecords.ts';
import { streamSnapshotPartitions } from './readSnapshot.ts';
import type { RegionSide } from './regionSide.ts';
import type { Runtime } from './runtime.ts';
import { safetySnapshotName, safetySnapshotStore } from './safetySnapshot.ts';
import type { PartitionStream } from './sourceSnapshot.ts';
import { takeSnapshot } from './takeSnapshot.ts';

/**
 * A Region's partitions as they were when a run began, read while the other Region is read too (each Region
 * has its own rate limits, so the reads overlap) and kept in a private temporary snapshot file: planning
 * compares against it table by table. A target's capture becomes the safety snapshot when the run turns out
 * to change the target, without a second read; `verify` captures the source the same way.
 */
export interface PartitionCapture {
  /** The captured partitions, one table at a time in key order; a fresh stream on each call. */
  partitions: PartitionStream;
  /** Each table's captured partition lines hashed. */
  partitionDigests: PartitionDigests;
  /** Copies the capture into the snapshot store's `safety/` folder; answers the safety snapshot's URI. */
  keepAsSafetySnapshot(): Promise<string>;
  /** Removes the temporary file. */
  discard(): void;
}

/**
 * Captures `side`'s partitions for the tables among `before` (the Region's records as the run reads them,
 * in parts: the partitions are read as soon as the tables are listed; for a target, tables the early pass
 * creates later have none to capture).
 */
export async function capturePartitions(
  runtime: Runtime,
  side: RegionSide,
  filter: CatalogFilterSpec,
  before: CatalogReadParts,
): Promise<PartitionCapture> {
  const directory = mkdtempSync(join(tmpdir(), 'lakemirror-capture-'));
  const discard = () => rmSync(directory, { recursive: true, force: true });
  const store = createSnapshotStore(directory);
  try {
    const taken = await takeSnapshot(side, {
      scope: { filter, ...runtime.config.replicate },
      store,
      tool: runtime.tool,
      now: runtime.now,
      name: safetySnapshotName,
      parts: before,
    });
    const name = basename(taken.uri);
    const pin = taken.version ? { version: taken.version } : {};
    return {
      partitions: (unparsed) =>
        streamSnapshotPartitions(store, taken.uri, pin, taken.partitionDigests, unparsed),
      partitionDigests: taken.partitionDigests,
      async keepAsSafetySnapshot() {
        // Signed only when kept (config snapshots.signingKey): a capture that stays temporary needs no KMS call.
        const trailer = await signedTrailerLine(runtime, taken.trailer);
        const out = await safetySnapshotStore(runtime).openWriter(name);
        try {
          for await (const line of store.readLines(taken.uri, pin))
            await out.writeLine(trailer && line.startsWith(TRAILER_PREFIX) ? trailer : line);
        } catch (error) {
          await out.abort();
          throw error;
        }
        const { uri } = await out.close();
        runtime.output.info('snapshot.safetyWritten', `safety snapshot of ${side.region} written to ${uri}`);
        return uri;
      },
      discard,
    };
  } catch (error) {
    discard();
    throw error;
  }
}

/** The trailer line with the signature of `snapshots.signingKey`, or undefined when snapshots are unsigned. */
async function signedTrailerLine(runtime: Runtime, trailer: SnapshotTrailer): Promise<string | undefined> {
  const signer = runtime.snapshotSigner;
  if (!signer) return undefined;
  return formatTrailerLine({ ...trailer, signature: await signer.sign(trailer.contentHash) });
}
