import { LakemirrorError } from '../model/errors.ts';
import type { AuditRecord } from './auditRecord.ts';

/** One line of the audit log; a line that is not an audit record is an error naming the file and line. */
export function parseAuditLine(text: string, where: string): AuditRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw badLine(where, `not JSON (${(cause as Error).message})`, cause);
  }
  const record = value as Partial<AuditRecord> | null;
  if (
    typeof record !== 'object' ||
    record === null ||
    record.schemaVersion !== 1 ||
    typeof record.time !== 'string' ||
    typeof record.object !== 'string' ||
    typeof record.operation !== 'string'
  ) {
    throw badLine(where, 'not a lakemirror audit record (schemaVersion 1 with time, operation and object)');
  }
  return record as AuditRecord;
}

function badLine(where: string, why: string, cause?: unknown): LakemirrorError {
  return new LakemirrorError({
    code: 'audit.malformed',
    source: 'user',
    object: `audit log ${where}`,
    message: `audit log ${where}: ${why}`,
    fix: 'the audit log is append-only JSON Lines written by lakemirror; restore the line from a backup or remove it',
    ...(cause === undefined ? {} : { cause }),
  });
}
