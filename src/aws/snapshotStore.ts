import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { LakemirrorError } from '../model/errors.ts';

/** Streams a snapshot out one line at a time; nothing large is held in memory. */
export interface SnapshotWriter {
  /** Appends one line (it must not contain a newline). */
  writeLine(line: string): Promise<void>;
  /** Makes the snapshot visible atomically and returns where it is and which version of it was written. */
  close(): Promise<{ uri: string; version?: string }>;
  /** Discards a half-written snapshot. */
  abort(): Promise<void>;
}

/**
 * The version of one stored snapshot that all reads of it must see (an opaque text the store made: an S3
 * VersionId or ETag, a file's identity). Empty before the first read, which fills it in; a later read of a
 * snapshot replaced meanwhile fails with `snapshot.changed` instead of mixing two snapshots.
 */
export interface SnapshotPin {
  version?: string;
}

/** A snapshot replaced between two reads of one run. */
export function snapshotChanged(uri: string, cause?: unknown): LakemirrorError {
  return new LakemirrorError({
    code: 'snapshot.changed',
    source: 'user',
    object: `snapshot ${uri}`,
    message: `snapshot ${uri} was replaced while lakemirror was reading it (it is no longer the version read first)`,
    fix: 'make sure nothing rewrites the snapshot during a run, then run again',
    ...(cause === undefined ? {} : { cause }),
  });
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
  /** The lines of one snapshot; with a pin, only of the version pinned (or the one this read pins). */
  readLines(uri: string, pin?: SnapshotPin): AsyncIterable<string>;
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

/** Longer lines are refused: one line is held in memory, so a giant line is a memory attack, not a record. */
export const MAX_LINE_CHARS = 32 * 1024 * 1024;

/**
 * Yields the lines of a byte (or text) stream without buffering the whole stream; `\n` and `\r\n` end a line.
 * A line longer than `maxLineChars` fails with `<what>.malformed` naming the line, before it is all read.
 */
export async function* linesOf(
  stream: Readable,
  options: { maxLineChars?: number; what?: 'snapshot' | 'audit' } = {},
): AsyncGenerator<string> {
  const max = options.maxLineChars ?? MAX_LINE_CHARS;
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let line = 0;
  const emit = (text: string) => {
    line += 1;
    if (text.length > max) throw lineTooLong(options.what ?? 'snapshot', line, max);
    return text.endsWith('\r') ? text.slice(0, -1) : text;
  };
  try {
    for await (const chunk of stream) {
      const text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
      let start = 0;
      let end = text.indexOf('\n');
      while (end !== -1) {
        yield emit(pending + text.slice(start, end));
        pending = '';
        start = end + 1;
        end = text.indexOf('\n', start);
      }
      pending += text.slice(start);
      if (pending.length > max) throw lineTooLong(options.what ?? 'snapshot', line + 1, max);
    }
    pending += decoder.end();
    if (pending !== '') yield emit(pending);
  } finally {
    stream.destroy();
  }
}

function lineTooLong(what: 'snapshot' | 'audit', line: number, max: number): LakemirrorError {
  return new LakemirrorError({
    code: `${what}.malformed`,
    source: 'user',
    message: `${what} line ${line} is longer than ${Math.round(max / 1024 / 1024)} MiB; no ${what} line is that long`,
    fix: `check that the file is a lakemirror ${what} and not another file; take a new one if it is damaged`,
  });
}

/** Newest first; ties broken by name (newest name first) so the order is stable. */
export function newestFirst(a: SnapshotInfo, b: SnapshotInfo): number {
  return b.lastModified.getTime() - a.lastModified.getTime() || b.uri.localeCompare(a.uri);
}
