import { LakemirrorError } from '../model/errors.ts';
import type { AuditEntry } from './auditEntries.ts';

/** `lakemirror audit` filters; all given ones must match. */
export interface AuditFilter {
  since?: Date;
  runId?: string;
  /** Glob over the object key: `*` any run of characters, `?` one. */
  object?: string;
  /** An AWS operation (`CreateTable`) or an action op (`create`, `update`, `delete`), any case. */
  op?: string;
  failed?: boolean;
}

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `2h`, `30m`, `7d`, `90s` (before `now`) or an ISO 8601 time. */
export function parseSince(text: string, now: Date): Date {
  const relative = /^(\d+)\s*([smhd])$/i.exec(text.trim());
  if (relative) return new Date(now.getTime() - Number(relative[1]) * UNITS[relative[2]!.toLowerCase()]!);
  const time = /^\d{4}-\d{2}-\d{2}/.test(text) ? new Date(text) : new Date(Number.NaN);
  if (!Number.isNaN(time.getTime())) return time;
  throw new LakemirrorError({
    code: 'cli.invalidSince',
    source: 'user',
    message: `--since '${text}' is neither a duration nor an ISO 8601 time`,
    fix: 'use a duration like 30m, 2h or 7d, or a time like 2024-05-01T12:00:00Z',
  });
}

function globPattern(glob: string): RegExp {
  const escaped = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

/** A predicate for the given filter. */
export function auditMatcher(filter: AuditFilter): (record: AuditEntry) => boolean {
  const object = filter.object ? globPattern(filter.object) : undefined;
  const op = filter.op?.toLowerCase();
  return (record) =>
    (!filter.since || new Date(record.time) >= filter.since) &&
    (!filter.runId || record.runId === filter.runId || record.runId.startsWith(filter.runId)) &&
    (!object || object.test(record.object)) &&
    (!op || record.op === op || record.operation.toLowerCase().split('/').includes(op)) &&
    (!filter.failed || record.result === 'error');
}
