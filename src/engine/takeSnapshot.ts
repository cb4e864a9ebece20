import type { SnapshotStore } from '../aws/snapshotStore.ts';
import { tableKey } from '../model/keys.ts';
import type { PartitionDigests } from '../model/partitionDigests.ts';
import type { SnapshotRecord } from '../model/records.ts';
import {
  SNAPSHOT_SCHEMA_VERSION,
  type SnapshotHeader,
  type SnapshotTrailer,
} from '../model/snapshotFormat.ts';
import type { SnapshotSigner } from '../model/snapshotSigner.ts';
import { createSnapshotWriter } from '../model/snapshotWriter.ts';
import { orderedPrefetch } from './orderedPrefetch.ts';
import {
  type CatalogReadParts,
  type ReadScope,
  readCatalogInParts,
  sortRecords,
} from './readCatalogRecords.ts';
import { readPartitionRecords } from './readPartitionRecords.ts';
import type { RegionSide } from './regionSide.ts';
import type { SnapshotObserver } from './snapshotObserver.ts';

export interface TakenSnapshot {
  uri: string;
  header: SnapshotHeader;
  trailer: SnapshotTrailer;
  /** The version the store wrote: reads of the partitions are pinned to it. */
  version?: string;
  /** Every record but partitions, kept for planning (partitions are re-read from the snapshot per table). */
  records: SnapshotRecord[];
  /** What the partitions were written as: reading them back checks these instead of validating again. */
  partitionDigests: PartitionDigests;
}

/** Snapshot names sort by time: `<region>-<ISO time>.json`. */
export function snapshotName(region: string, capturedAt: string): string {
  return `${region}-${capturedAt.replace(/[:.]/g, '-')}.json`;
}

/** What and where `takeSnapshot` reads and writes. */
export interface TakeSnapshotOptions {
  scope: ReadScope;
  store: SnapshotStore;
  /** The tool and version the header names. */
  tool: string;
  now?: () => Date;
  name?: (region: string, capturedAt: string) => string;
  observer?: SnapshotObserver;
  /** The Region's records but partitions, read already: only the partitions are read. */
  known?: readonly SnapshotRecord[];
  /** The Region's records but partitions, being read by the caller: only the partitions are read here. */
  parts?: CatalogReadParts;
  /** Signs the snapshot (config `snapshots.signingKey`). */
  signer?: SnapshotSigner | undefined;
}

/**
 * Reads the source Region and streams it into the store: databases, then each table followed by its
 * partitions (read a few tables ahead), then Lake Formation. Nothing larger than one table's partitions
 * is held; the store makes the snapshot visible only when it is complete.
 */
export async function takeSnapshot(source: RegionSide, options: TakeSnapshotOptions): Promise<TakenSnapshot> {
  const { scope, store, tool, observer } = options;
  const now = options.now ?? (() => new Date());
  const capturedAt = now().toISOString();
  const header: SnapshotHeader = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    format: 'lakemirror.snapshot',
    source: { region: source.region, accountId: source.accountId },
    capturedAt,
    tool,
  };
  const parts =
    options.parts ??
    (options.known
      ? knownParts(options.known)
      : readCatalogInParts(source, scope, observer && ((records) => observer.assignments(records))));
  if (observer) {
    Promise.all([parts.glue, parts.lakeFormationListed]).then(
      ([glue, listed]) => observer.objects([...glue.databases, ...glue.tables, ...listed]),
      // A failed read fails the snapshot below; the observer is told by the caller.
      () => {},
    );
  }
  const { databases, tables } = await parts.glue;
  const writer = createSnapshotWriter(header);
  const out = await store.openWriter((options.name ?? snapshotName)(source.region, capturedAt));
  const write = async (text: string) => {
    for (const line of text.split('\n')) if (line) await out.writeLine(line);
  };
  try {
    for (const db of databases) await write(writer.line(db));
    const withPartitions = orderedPrefetch(tables, source.concurrency, async (table) => ({
      table,
      partitions:
        scope.catalog && (table.input.PartitionKeys?.length ?? 0) > 0
          ? await readPartitionRecords(
              source,
              table.databaseName,
              table.input.Name,
              table.input.PartitionKeys,
            )
          : [],
    }));
    for await (const { table, partitions } of withPartitions) {
      await write(writer.line(table));
      for (const partition of partitions) await write(writer.line(partition));
      await observer?.tablePartitions(table, partitions);
    }
    // Lake Formation was read meanwhile (its own rate limit), so this wait is usually short.
    const lakeFormation = sortRecords(await parts.lakeFormation);
    for (const record of lakeFormation) await write(writer.line(record));
    const records: SnapshotRecord[] = [...databases, ...tables, ...lakeFormation];
    const signature = options.signer ? await options.signer.sign(writer.contentHash()) : undefined;
    await write(writer.end(signature));
    const { uri, version } = await out.close();
    return {
      uri,
      header,
      trailer: writer.trailer!,
      records,
      partitionDigests: writer.partitionDigests(),
      ...(version ? { version } : {}),
    };
  } catch (error) {
    await out.abort();
    throw error;
  }
}

export { tableKey };

/** Records read earlier, as the parts a fresh read would answer. */
function knownParts(records: readonly SnapshotRecord[]): CatalogReadParts {
  const databases = sortRecords(records.filter((r) => r.kind === 'database'));
  const tables = sortRecords(records.filter((r) => r.kind === 'table'));
  const lakeFormation = records.filter(
    (r) => r.kind !== 'database' && r.kind !== 'table' && r.kind !== 'partition',
  );
  return {
    glue: Promise.resolve({ databases, tables }),
    lakeFormationListed: Promise.resolve(lakeFormation.filter((r) => r.kind !== 'lfTagAssignment')),
    lakeFormation: Promise.resolve(lakeFormation),
  };
}
