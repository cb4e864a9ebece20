import { LineHasher } from './hash.ts';
import { recordKey, tableKey } from './keys.ts';
import { PartitionDigestCollector, type PartitionDigests } from './partitionDigests.ts';
import { type SnapshotRecord, snapshotRecordSchema } from './records.ts';
import {
  formatHeaderJson,
  formatHeaderLine,
  formatRecordLine,
  formatTrailerLine,
  SNAPSHOT_SCHEMA_VERSION,
  type SnapshotCounts,
  type SnapshotHeader,
  type SnapshotSignature,
  type SnapshotTrailer,
  snapshotError,
} from './snapshotFormat.ts';
import { partitionTable, SnapshotOrderChecker } from './snapshotOrder.ts';

/**
 * Produces snapshot text chunk by chunk. Each call returns zero or more complete lines, each ending in `\n`;
 * write them in order and the result is the snapshot. A record line is returned one call late, because only
 * the next call knows whether it needs the separating comma.
 */
export interface SnapshotWriter {
  /** Validates the record, checks its order, and returns the text to write now. */
  line(record: SnapshotRecord): string;
  /** The content hash of the header and the records written so far (what a signature covers). */
  contentHash(): string;
  /** Returns the remaining text, ending with the trailer line (with the signature, if given). */
  end(signature?: SnapshotSignature): string;
  /** The trailer once `end()` has been called. */
  readonly trailer: SnapshotTrailer | undefined;
  /** Each table's partition lines hashed, for reading them back without validating them again. */
  partitionDigests(): PartitionDigests;
}

/**
 * A writer that counts, hashes and order-checks records as they go, holding only one record line. It always
 * writes the current schema version, whose hash covers the header.
 */
export function createSnapshotWriter(given: SnapshotHeader): SnapshotWriter {
  const header: SnapshotHeader = { ...given, schemaVersion: SNAPSHOT_SCHEMA_VERSION };
  const hasher = new LineHasher();
  hasher.add(formatHeaderJson(header));
  const order = new SnapshotOrderChecker();
  const partitions = new PartitionDigestCollector();
  const countsByKind: SnapshotCounts = {};
  let recordCount = 0;
  let pending: string | undefined;
  let headerText: string | undefined = `${formatHeaderLine(header)}\n`;
  let trailer: SnapshotTrailer | undefined;

  const takeHeader = (): string => {
    const text = headerText ?? '';
    headerText = undefined;
    return text;
  };

  return {
    get trailer() {
      return trailer;
    },
    line(record) {
      if (trailer)
        throw snapshotError('snapshot.malformed', 'record written after end()', { source: 'internal' });
      const valid = validated(record);
      const key = recordKey(valid);
      const problem = order.check(valid.kind, key, partitionTable(valid));
      if (problem) throw snapshotError('snapshot.order', problem, { key, source: 'internal' });
      const text = formatRecordLine(valid);
      hasher.add(text);
      if (valid.kind === 'partition') partitions.add(tableKey(valid.databaseName, valid.tableName), text);
      recordCount += 1;
      countsByKind[record.kind] = (countsByKind[record.kind] ?? 0) + 1;
      const out = takeHeader() + (pending === undefined ? '' : `${pending},\n`);
      pending = text;
      return out;
    },
    contentHash: () => hasher.peek(),
    partitionDigests: () => partitions.digests(),
    end(signature) {
      if (trailer) throw snapshotError('snapshot.malformed', 'end() called twice', { source: 'internal' });
      trailer = {
        recordCount,
        countsByKind,
        contentHash: hasher.digest(),
        ...(signature ? { signature } : {}),
      };
      const out = takeHeader() + (pending === undefined ? '' : `${pending}\n`);
      return `${out}${formatTrailerLine(trailer)}\n`;
    },
  };
}

/** The record as its schema reads it, so the line holds exactly what a reader will accept. */
function validated(record: SnapshotRecord): SnapshotRecord {
  const result = snapshotRecordSchema.safeParse(record);
  if (!result.success) {
    throw snapshotError('snapshot.invalidRecord', result.error.message, {
      key: `${record.kind}`,
      source: 'internal',
      fix: 'Report a bug: lakemirror produced a record its own schema rejects.',
      cause: result.error,
    });
  }
  return result.data;
}
