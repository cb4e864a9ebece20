import type { SnapshotStore } from '../aws/snapshotStore.ts';
import { tableKey } from '../model/keys.ts';
import type { SnapshotRecord } from '../model/records.ts';
import type { SnapshotHeader, SnapshotTrailer } from '../model/snapshotFormat.ts';
import { createSnapshotWriter } from '../model/snapshotWriter.ts';
import { orderedPrefetch } from './orderedPrefetch.ts';
import { type ReadScope, readCatalogInParts, sortRecords } from './readCatalogRecords.ts';
import { readPartitionRecords } from './readPartitionRecords.ts';
import type { RegionSide } from './regionSide.ts';

export interface TakenSnapshot {
  uri: string;
  header: SnapshotHeader;
  trailer: SnapshotTrailer;
  /** Every record but partitions, kept for planning (partitions are re-read from the snapshot per table). */
  records: SnapshotRecord[];
}

/** Snapshot names sort by time: `<region>-<ISO time>.json`. */
export function snapshotName(region: string, capturedAt: string): string {
  return `${region}-${capturedAt.replace(/[:.]/g, '-')}.json`;
}

/**
 * Reads the source Region and streams it into the store: databases, then each table followed by its
 * partitions (read a few tables ahead), then Lake Formation. Nothing larger than one table's partitions
 * is held; the store makes the snapshot visible only when it is complete.
 */
export async function takeSnapshot(
  source: RegionSide,
  scope: ReadScope,
  store: SnapshotStore,
  tool: string,
  now: () => Date = () => new Date(),
  options: { name?: (region: string, capturedAt: string) => string } = {},
): Promise<TakenSnapshot> {
  const capturedAt = now().toISOString();
  const header: SnapshotHeader = {
    schemaVersion: 1,
    format: 'lakemirror.snapshot',
    source: { region: source.region, accountId: source.accountId },
    capturedAt,
    tool,
  };
  const parts = readCatalogInParts(source, scope);
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
    }
    // Lake Formation was read meanwhile (its own rate limit), so this wait is usually short.
    const lakeFormation = sortRecords(await parts.lakeFormation);
    for (const record of lakeFormation) await write(writer.line(record));
    const records: SnapshotRecord[] = [...databases, ...tables, ...lakeFormation];
    await write(writer.end());
    const { uri } = await out.close();
    return { uri, header, trailer: writer.trailer!, records };
  } catch (error) {
    await out.abort();
    throw error;
  }
}

export { tableKey };
