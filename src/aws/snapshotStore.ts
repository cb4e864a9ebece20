import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { LakemirrorError } from '../model/errors.ts';

/** Streams a snapshot out one line at a time; nothing large is held in memory. */
export interface SnapshotWriter {
  /** Appends one line (it must not contain a newline). */
  writeLine(line: string): Promise<void>;
  /** Makes the snapshot visible atomically and returns where it is. */
  close(): Promise<{ uri: string }>;
  /** Discards a half-written snapshot. */
  abort(): Promise<void>;
}

/** One stored snapshot. */
export interface SnapshotInfo {
  uri: string;
  lastModified: Date;
  size: number;
}

/**
 * Where snapshots are kept (port). Two adapters: a local directory and an S3 prefix; a snapshot
 * is either completely there or not there at all, never half-written.
 */
export interface SnapshotStore {
  openWriter(name: string): Promise<SnapshotWriter>;
  readLines(uri: string): AsyncIterable<string>;
  /** Newest first. */
  list(): Promise<SnapshotInfo[]>;
  latest(): Promise<SnapshotInfo | undefined>;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/**
 * Rejects names that could escape the store (`../x`, `a/b`, `C:\x`) or hide as dotfiles:
 * snapshot names end up in file paths and S3 keys.
 */
export function assertSnapshotName(name: string): void {
  if (!SAFE_NAME.test(name) || name.includes('..')) {
    throw new LakemirrorError({
      code: 'snapshot.invalidName',
      source: 'internal',
      object: `snapshot ${JSON.stringify(name)}`,
      message: `snapshot name ${JSON.stringify(name)} is not allowed: use letters, digits, '.', '_' and '-' only, no path separators or '..'`,
    });
  }
}

/** Rejects a line that would break the one-record-per-line format. */
export function assertSingleLine(line: string): void {
  if (line.includes('\n') || line.includes('\r')) {
    throw new LakemirrorError({
      code: 'internal.multilineSnapshotLine',
      source: 'internal',
      message: 'a snapshot line must not contain a newline',
    });
  }
}

/** Yields the lines of a byte stream without buffering the whole stream. */
export async function* linesOf(stream: Readable): AsyncGenerator<string> {
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) yield line;
  } finally {
    lines.close();
    stream.destroy();
  }
}

/** Newest first; ties broken by name (newest name first) so the order is stable. */
export function newestFirst(a: SnapshotInfo, b: SnapshotInfo): number {
  return b.lastModified.getTime() - a.lastModified.getTime() || b.uri.localeCompare(a.uri);
}
