import type { AuditRecord } from './auditRecord.ts';

/** Where audit records go (port): a JSON Lines file or directory, or S3 objects per run. */
export interface AuditLog {
  /**
   * Appends records. With `durable` (an intent, before its write goes out) it resolves once they are stored:
   * written and fsynced to a file, or put to S3. Without it an S3 log may hold them for a bounded time first.
   */
  append(records: readonly AuditRecord[], options?: { durable?: boolean }): Promise<void>;
  /** Flushes what is buffered; a run that wrote nothing stores nothing. */
  close(): Promise<void>;
}

/** Reads every stored record back, oldest file first (port). */
export interface AuditSource {
  read(): AsyncIterable<{ record: AuditRecord; where: string }>;
}

/** One record per line; the line is the exact JSON (no pretty printing), so `grep` and `jq` work on it. */
export function auditLine(record: AuditRecord): string {
  return JSON.stringify(record);
}
