import type { AuditRecord } from './auditRecord.ts';

/** Where audit records go (port): a JSON Lines file or directory, or one S3 object per run. */
export interface AuditLog {
  /** Appends records; resolves once they are stored (file) or buffered for `close` (S3). */
  append(records: readonly AuditRecord[]): Promise<void>;
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

/** Serialises appends so concurrent batches never interleave inside a line. */
export function serialised(write: (text: string, records: readonly AuditRecord[]) => Promise<void>) {
  let tail: Promise<void> = Promise.resolve();
  return (records: readonly AuditRecord[]): Promise<void> => {
    if (records.length === 0) return tail;
    const text = records.map((r) => `${auditLine(r)}\n`).join('');
    tail = tail.then(() => write(text, records));
    return tail;
  };
}
