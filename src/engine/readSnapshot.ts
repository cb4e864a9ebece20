import type { SnapshotPin, SnapshotStore } from '../aws/snapshotStore.ts';
import { isLakemirrorError, LakemirrorError } from '../model/errors.ts';
import { LineHasher } from '../model/hash.ts';
import { tableKey } from '../model/keys.ts';
import type { PartitionDigests } from '../model/partitionDigests.ts';
import { partitionLineTable } from '../model/partitionLine.ts';
import type { PartitionRecord, SnapshotRecord } from '../model/records.ts';
import {
  HEADER_HASHED_SINCE,
  HEADER_PREFIX,
  type SnapshotHeader,
  type SnapshotTrailer,
  TRAILER_PREFIX,
} from '../model/snapshotFormat.ts';
import { SnapshotLineParser } from '../model/snapshotParser.ts';
import type { SnapshotSigner } from '../model/snapshotSigner.ts';
import type { Output } from './output.ts';
import type { PartitionGroup } from './sourceSnapshot.ts';

export interface LoadedSnapshot {
  uri: string;
  header: SnapshotHeader;
  trailer: SnapshotTrailer;
  /** Every record but partitions. */
  records: SnapshotRecord[];
  /** The version read: the partitions are streamed from this version only. */
  pin: SnapshotPin;
}

export interface LoadOptions {
  /** Set when config `snapshots.signingKey` is: the snapshot must carry a valid signature of that key. */
  signer?: SnapshotSigner | undefined;
  /** Where the notice about an old schema version goes. */
  output?: Output;
}

/**
 * First pass over a stored snapshot: validates every line, the count, the content hash and (with a signer) the
 * signature, and keeps all records but partitions. A snapshot that fails any check is rejected before anything
 * is applied; the second pass (streamSnapshotPartitions) reads the same version, pinned.
 */
export async function loadSnapshot(
  store: SnapshotStore,
  uri: string,
  options: LoadOptions = {},
): Promise<LoadedSnapshot> {
  try {
    const parser = new SnapshotLineParser();
    const records: SnapshotRecord[] = [];
    const pin: SnapshotPin = {};
    for await (const line of store.readLines(uri, pin)) {
      const record = parser.push(line);
      if (record && record.kind !== 'partition') records.push(record);
    }
    const { header, trailer } = parser.finish();
    if (options.signer) await options.signer.verify(trailer);
    if (header.schemaVersion < HEADER_HASHED_SINCE) {
      options.output?.warn(
        'snapshot.headerNotHashed',
        `snapshot ${uri} has schemaVersion ${header.schemaVersion}: its header (Region, account, time) is not covered by its content hash; take a new snapshot to get one that is`,
      );
    }
    return { uri, header, trailer, records, pin };
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

/**
 * Second pass: the partitions of each table that has any, one table at a time, in snapshot order. `pin`: the
 * version the first pass read (or the writer wrote); a snapshot replaced since is refused, not mixed in.
 * `written`: the digests of a snapshot this run wrote (and so validated): its lines are not validated again;
 * instead each table's lines must hash to what was written before they are handed on, and no table may be
 * missing or added, so a file changed in between is refused before any of the change is used.
 */
export async function* streamSnapshotPartitions(
  store: SnapshotStore,
  uri: string,
  pin: SnapshotPin = {},
  written?: PartitionDigests,
  unparsed?: (tableKey: string) => boolean,
): AsyncGenerator<PartitionGroup> {
  if (written) {
    yield* streamWrittenPartitions(store, uri, pin, written, unparsed ?? (() => false));
    return;
  }
  const parser = new SnapshotLineParser();
  let current: { tableKey: string; partitions: PartitionRecord[] } | undefined;
  for await (const line of store.readLines(uri, pin)) {
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

/**
 * The second pass over a snapshot this run wrote (and so validated line by line): its partition lines are
 * grouped by table without parsing the rest of the file, each group must hash to what was written before it
 * is handed on (the last one only once no table is missing), and a group `unparsed` names is handed on
 * unparsed, as its line count: the caller knows those lines already (their digest matched another file's).
 */
async function* streamWrittenPartitions(
  store: SnapshotStore,
  uri: string,
  pin: SnapshotPin,
  written: PartitionDigests,
  unparsed: (tableKey: string) => boolean,
): AsyncGenerator<PartitionGroup> {
  const check = digestCheck(uri, written);
  // An unparsed table's lines are only hashed and counted, never kept.
  let current:
    | { tableKey: string; unparsed: boolean; lines: string[]; count: number; hasher: LineHasher }
    | undefined;
  const handOn = (group: NonNullable<typeof current>): PartitionGroup => {
    check.group(group.tableKey, group.hasher.digest());
    if (group.unparsed) return { tableKey: group.tableKey, partitions: [], unparsedCount: group.count };
    return { tableKey: group.tableKey, partitions: group.lines.map(parsePartitionLine) };
  };
  for await (const raw of store.readLines(uri, pin)) {
    if (raw.startsWith(HEADER_PREFIX) || raw.startsWith(TRAILER_PREFIX)) continue;
    const line = raw.endsWith(',') ? raw.slice(0, -1) : raw;
    if (line === '') continue;
    const key = partitionLineTable(line) ?? partitionTableOfParsed(line, uri);
    if (key === undefined) continue;
    if (current && current.tableKey !== key) {
      yield handOn(current);
      current = undefined;
    }
    current ??= { tableKey: key, unparsed: unparsed(key), lines: [], count: 0, hasher: new LineHasher() };
    current.count += 1;
    if (!current.unparsed) current.lines.push(line);
    current.hasher.add(line);
  }
  const last = current ? handOn(current) : undefined;
  check.end();
  if (last) yield last;
}

/** The table key of a record line not in the partition shape partitionLineTable reads: parsed to tell. */
function partitionTableOfParsed(line: string, uri: string): string | undefined {
  let record: Partial<PartitionRecord> | null;
  try {
    record = JSON.parse(line) as Partial<PartitionRecord> | null;
  } catch {
    throw changedWhileUsed(uri, 'a record line is no longer JSON');
  }
  if (record?.kind !== 'partition' || !record.databaseName || !record.tableName) return undefined;
  return tableKey(record.databaseName, record.tableName);
}

function parsePartitionLine(line: string): PartitionRecord {
  return JSON.parse(line) as PartitionRecord;
}

/** Compares each table's partition lines, in order, with the digests taken when they were written. */
function changedWhileUsed(uri: string, what: string): LakemirrorError {
  return new LakemirrorError({
    code: 'snapshot.hashMismatch',
    source: 'user',
    object: `snapshot ${uri}`,
    message: `snapshot ${uri} changed while this run was using it: ${what}`,
    fix: 'Leave snapshot files alone while a run uses them, then run again.',
  });
}

function digestCheck(uri: string, written: PartitionDigests) {
  let next = 0;
  const changed = (what: string) => changedWhileUsed(uri, what);
  return {
    group(key: string, digest: string): void {
      const expected = written[next];
      if (!expected || expected[0] !== key)
        throw changed(
          `partitions of table ${key} where ${expected ? `table ${expected[0]}` : 'none'} were written`,
        );
      if (digest !== expected[1]) throw changed(`the partitions of table ${key} differ`);
      next += 1;
    },
    end(): void {
      if (next < written.length) throw changed(`the partitions of table ${written[next]![0]} are missing`);
    },
  };
}
