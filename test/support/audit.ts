import { type AuditEntry, auditEntries } from '../../src/audit/auditEntries.ts';
import type { AuditRecord } from '../../src/audit/auditRecord.ts';
import { fileAuditSource } from '../../src/audit/fileAuditLog.ts';

/** Every stored line of a file-based audit log (a `.jsonl` file or a directory of day files), oldest first. */
export async function readAuditLines(uri: string): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for await (const { record } of fileAuditSource(uri).read()) records.push(record);
  return records;
}

/** The audit log as `lakemirror audit` lists it: one entry per object written, intents joined to outcomes. */
export async function readAudit(uri: string): Promise<AuditEntry[]> {
  return auditEntries(await readAuditLines(uri));
}
