import type { AuditRecord } from '../../src/audit/auditRecord.ts';
import { fileAuditSource } from '../../src/audit/fileAuditLog.ts';

/** Every record of a file-based audit log (a `.jsonl` file or a directory of day files), oldest file first. */
export async function readAudit(uri: string): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for await (const { record } of fileAuditSource(uri).read()) records.push(record);
  return records;
}
