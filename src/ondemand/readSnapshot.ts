import type { SnapshotStore } from '../aws/snapshotStore.ts';
import { isLakemirrorError, LakemirrorError } from '../model/errors.ts';
import { tableKey } from '../model/keys.ts';
import type { PartitionRecord, SnapshotRecord } from '../model/records.ts';
import type { SnapshotHeader, SnapshotTrailer } from '../model/snapshotFormat.ts';
import { SnapshotLineParser } from '../model/snapshotParser.ts';

export interface LoadedSnapshot {
  uri: string;
  header: SnapshotHeader;
  trailer: SnapshotTrailer;
  /** Every record but partitions. */
  records: SnapshotRecord[];
}

/**
 * First pass over a stored snapshot: validates every line, the count and the content hash, and keeps
 * all records but partitions. A snapshot that fails any check is rejected before anything is applied.
 */
export async function loadSnapshot(store: SnapshotStore, uri: string): Promise<LoadedSnapshot> {
  try {
    const parser = new SnapshotLineParser();
    const records: SnapshotRecord[] = [];
    for await (const line of store.readLines(uri)) {
      const record = parser.push(line);
      if (record && record.kind !== 'partition') records.push(record);
    }
    const { header, trailer } = parser.finish();
    return { uri, header, trailer, records };
  } catch (error) {
    throw namingSnapshot(error, uri);
  }
}

/** A snapshot error says which line was wrong; this adds which file, so the user knows what to replace. */
function namingSnapshot(error: unknown, uri: string): unknown {
  if (!isLakemirrorError(error) || !error.code.startsWith('snapshot.') || error.message.includes(uri))
    return error;
  return new LakemirrorError({
    code: error.code,
    source: error.source,
    object: error.object ?? `snapshot ${uri}`,
    message: error.message.replace(/^snapshot\b/, `snapshot ${uri}`),
    ...(error.fix ? { fix: error.fix } : {}),
    cause: error,
  });
}

/** Second pass: the partitions of each table that has any, one table at a time, in snapshot order. */
export async function* streamSnapshotPartitions(
  store: SnapshotStore,
  uri: string,
): AsyncGenerator<{ tableKey: string; partitions: PartitionRecord[] }> {
  const parser = new SnapshotLineParser();
  let current: { tableKey: string; partitions: PartitionRecord[] } | undefined;
  for await (const line of store.readLines(uri)) {
    const record = parser.push(line);
    if (record?.kind !== 'partition') continue;
    const key = tableKey(record.databaseName, record.tableName);
    if (current && current.tableKey !== key) {
      yield current;
      current = undefined;
    }
    current ??= { tableKey: key, partitions: [] };
    current.partitions.push(record);
  }
  parser.finish();
  if (current) yield current;
}
