import { z } from 'zod';
import { LineHasher } from './hash.ts';
import { recordKey } from './keys.ts';
import { describeIssues, rawRecordKey } from './recordIssues.ts';
import { type SnapshotRecord, snapshotRecordSchema } from './records.ts';
import {
  HEADER_HASHED_SINCE,
  HEADER_PREFIX,
  HEADER_SUFFIX,
  READABLE_SCHEMA_VERSIONS,
  type SnapshotCounts,
  type SnapshotHeader,
  type SnapshotTrailer,
  snapshotError,
  snapshotHeaderSchema,
  snapshotTrailerSchema,
  TRAILER_PREFIX,
  TRAILER_SUFFIX,
} from './snapshotFormat.ts';
import { partitionTable, SnapshotOrderChecker } from './snapshotOrder.ts';

/**
 * Reads a snapshot one line at a time, so a reader never holds more than one line: `push` each line (without
 * its newline) and get back the record it holds, if any; `finish` at end of input checks count and hash.
 * Every problem is a LakemirrorError with a `snapshot.*` code naming the line and, when known, the record.
 */
export class SnapshotLineParser {
  readonly #validateRecords: boolean;
  #lineNumber = 0;
  #state: 'header' | 'records' | 'done' = 'header';
  #header: SnapshotHeader | undefined;
  #trailer: SnapshotTrailer | undefined;
  #expectMore = true;
  /** A record line that is not JSON: malformed if more lines follow, a cut-off file if it was the last. */
  #brokenLine: { line: number; message: string } | undefined;
  #recordCount = 0;
  readonly #counts: SnapshotCounts = {};
  readonly #hasher = new LineHasher();
  readonly #order = new SnapshotOrderChecker();
  /** Partition keys of the last table read: its partitions come right after it. */
  #partitionKeys = 0;

  /**
   * `validateRecords: false` skips the schema check of record lines (JSON, order and partition values are still
   * checked): only for a snapshot this run wrote itself, whose partition lines the caller proves unchanged with
   * their PartitionDigests before using them.
   */
  constructor(options: { validateRecords?: boolean } = {}) {
    this.#validateRecords = options.validateRecords ?? true;
  }

  /** The header, once line 1 has been pushed. */
  get header(): SnapshotHeader | undefined {
    return this.#header;
  }

  push(rawLine: string): SnapshotRecord | undefined {
    if (this.#brokenLine) {
      const { line, message } = this.#brokenLine;
      throw snapshotError('snapshot.malformed', message, { line });
    }
    this.#lineNumber += 1;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (this.#state === 'header') {
      this.#header = this.#parseHeader(line);
      this.#state = 'records';
      return undefined;
    }
    if (this.#state === 'done') {
      if (line.trim() !== '') throw this.#error('snapshot.malformed', 'text after the trailer line');
      return undefined;
    }
    if (line.startsWith(TRAILER_PREFIX)) {
      if (!line.endsWith(TRAILER_SUFFIX)) {
        // Incomplete trailer: a cut-off file if nothing follows (finish), malformed if something does (push).
        this.#brokenLine = { line: this.#lineNumber, message: 'the trailer line is incomplete' };
        this.#state = 'done';
        return undefined;
      }
      this.#trailer = this.#parseTrailer(line);
      this.#state = 'done';
      return undefined;
    }
    return this.#parseRecord(line);
  }

  /** Call at end of input: verifies the trailer's count, per-kind counts, and content hash. */
  finish(): { header: SnapshotHeader; trailer: SnapshotTrailer } {
    const header = this.#header;
    const trailer = this.#trailer;
    if (this.#brokenLine) {
      throw snapshotError('snapshot.truncated', `the last line is incomplete (${this.#brokenLine.message})`, {
        line: this.#brokenLine.line,
      });
    }
    if (!header || !trailer) {
      throw snapshotError(
        'snapshot.truncated',
        `the snapshot ends after ${this.#lineNumber} lines without its trailer line (was it cut off while copying or writing?)`,
      );
    }
    if (trailer.recordCount !== this.#recordCount || !sameCounts(trailer.countsByKind, this.#counts)) {
      throw snapshotError(
        'snapshot.hashMismatch',
        `the trailer counts ${trailer.recordCount} records (${JSON.stringify(trailer.countsByKind)}) but the file holds ${this.#recordCount} (${JSON.stringify(this.#counts)})`,
      );
    }
    const actual = this.#hasher.digest();
    if (actual !== trailer.contentHash) {
      throw snapshotError(
        'snapshot.hashMismatch',
        `the records hash to ${actual} but the trailer says ${trailer.contentHash}; the file was changed after it was written`,
      );
    }
    return { header, trailer };
  }

  #parseHeader(line: string): SnapshotHeader {
    if (!line.startsWith(HEADER_PREFIX) || !line.endsWith(HEADER_SUFFIX)) {
      throw this.#error('snapshot.malformed', 'line 1 is not a lakemirror snapshot header');
    }
    const text = line.slice(HEADER_PREFIX.length, -HEADER_SUFFIX.length);
    const json = this.#json(text);
    const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (typeof version !== 'number' || !READABLE_SCHEMA_VERSIONS.includes(version)) {
      throw snapshotError(
        'snapshot.schemaVersion',
        `schemaVersion ${JSON.stringify(version)} is not supported; this lakemirror reads schemaVersion ${READABLE_SCHEMA_VERSIONS.join(' and ')}`,
        {
          line: 1,
          fix: 'Use the lakemirror version that wrote the snapshot, or take a new snapshot with `lakemirror snapshot`.',
        },
      );
    }
    const result = snapshotHeaderSchema.safeParse(json);
    if (!result.success)
      throw this.#error('snapshot.malformed', `bad header: ${z.prettifyError(result.error)}`);
    // The exact bytes of the header, as for records: an edited header changes the hash from version 2 on.
    if (result.data.schemaVersion >= HEADER_HASHED_SINCE) this.#hasher.add(text);
    return result.data;
  }

  #parseTrailer(line: string): SnapshotTrailer {
    if (this.#recordCount > 0 && this.#expectMore) {
      throw this.#error('snapshot.malformed', 'the last record line ends with a comma');
    }
    if (!line.endsWith(TRAILER_SUFFIX)) throw this.#error('snapshot.malformed', 'bad trailer line');
    const json = this.#json(line.slice(TRAILER_PREFIX.length, -TRAILER_SUFFIX.length));
    const result = snapshotTrailerSchema.safeParse(json);
    if (!result.success)
      throw this.#error('snapshot.malformed', `bad trailer: ${z.prettifyError(result.error)}`);
    return result.data;
  }

  #parseRecord(line: string): SnapshotRecord | undefined {
    if (!this.#expectMore)
      throw this.#error('snapshot.malformed', 'the previous record line lacks its comma');
    this.#expectMore = line.endsWith(',');
    const text = this.#expectMore ? line.slice(0, -1) : line;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      this.#brokenLine = { line: this.#lineNumber, message: `not valid JSON: ${(cause as Error).message}` };
      return undefined;
    }
    const record = this.#validateRecords || !isRecordLike(json) ? this.#validRecord(json) : json;
    const key = recordKey(record);
    const problem = this.#order.check(record.kind, key, partitionTable(record));
    if (problem) throw this.#error('snapshot.order', problem, key);
    this.#checkPartitionValues(record, key);
    this.#hasher.add(text);
    this.#recordCount += 1;
    this.#counts[record.kind] = (this.#counts[record.kind] ?? 0) + 1;
    return record;
  }

  #validRecord(json: unknown): SnapshotRecord {
    const result = snapshotRecordSchema.safeParse(json);
    if (result.success) return result.data;
    throw this.#error('snapshot.invalidRecord', describeIssues(result.error), rawRecordKey(json));
  }

  /**
   * A table's partitions follow it (the order check ensures it), so the table's partition key count is known:
   * Glue refuses a partition with another number of values (PartitionInput.Values, one per partition key).
   */
  #checkPartitionValues(record: SnapshotRecord, key: string): void {
    if (record.kind === 'table') {
      this.#partitionKeys = record.input.PartitionKeys?.length ?? 0;
      return;
    }
    if (record.kind !== 'partition' || record.input.Values.length === this.#partitionKeys) return;
    throw this.#error(
      'snapshot.invalidRecord',
      `field input.Values: ${record.input.Values.length} value(s), but table ${record.databaseName}.${record.tableName} has ${this.#partitionKeys} partition key(s) (Glue wants one value per partition key)`,
      key,
    );
  }

  #json(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch (cause) {
      throw snapshotError('snapshot.malformed', `not valid JSON: ${(cause as Error).message}`, {
        line: this.#lineNumber,
        cause,
      });
    }
  }

  #error(code: Parameters<typeof snapshotError>[0], message: string, key?: string) {
    return snapshotError(code, message, { line: this.#lineNumber, ...(key ? { key } : {}) });
  }
}

function sameCounts(a: SnapshotCounts, b: SnapshotCounts): boolean {
  const kinds = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof SnapshotCounts>;
  return [...kinds].every((kind) => (a[kind] ?? 0) === (b[kind] ?? 0));
}

/** Parses a whole snapshot held in memory (tests, small catalogs); big ones go through SnapshotLineParser. */
export function parseSnapshotText(text: string): {
  header: SnapshotHeader;
  records: SnapshotRecord[];
  trailer: SnapshotTrailer;
} {
  const parser = new SnapshotLineParser();
  const records: SnapshotRecord[] = [];
  for (const line of text.split('\n')) {
    const record = parser.push(line);
    if (record) records.push(record);
  }
  return { ...parser.finish(), records };
}

/** Enough of a record's shape to key and order it; the digests prove the rest. */
function isRecordLike(json: unknown): json is SnapshotRecord {
  return typeof json === 'object' && json !== null && typeof (json as { kind?: unknown }).kind === 'string';
}
