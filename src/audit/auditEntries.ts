import { partitionKey, splitTableKey } from '../model/keys.ts';
import type { AuditRecord } from './auditRecord.ts';

/**
 * One object a write call touched, as `lakemirror audit` lists it: the call's intent joined with its outcome
 * and expanded to its objects (a batch of partitions to each partition). `unknown`: the intent is stored but
 * no outcome — the run ended (was killed) before the call answered, so the target may or may not have it.
 */
export type AuditEntry = Omit<AuditRecord, 'result' | 'values' | 'objects' | 'failures'> & {
  result: 'ok' | 'error' | 'unknown';
};

/** The keys of the objects a record's call wrote: its partitions, its listed objects, or its one object. */
export function objectsOf(record: AuditRecord): string[] {
  if (record.values) {
    const { databaseName, tableName } = splitTableKey(record.object);
    return record.values.map((values) => partitionKey(databaseName, tableName, values));
  }
  return record.objects ?? [record.object];
}

/** Joins intents with outcomes (by `call`) and expands batch calls; records without `call` pass as they are. */
export function auditEntries(records: readonly AuditRecord[]): AuditEntry[] {
  const outcomes = new Map<string, AuditRecord>();
  for (const record of records)
    if (record.call && record.result !== 'intent') outcomes.set(record.call, record);
  const entries: AuditEntry[] = [];
  for (const record of records) {
    if (record.call && record.result !== 'intent') continue;
    const { values: _v, objects: _o, failures: _f, ...rest } = record;
    if (!record.call) {
      entries.push({ ...rest, result: record.result === 'error' ? 'error' : 'ok' });
      continue;
    }
    const outcome = outcomes.get(record.call);
    const failed = new Map((outcome?.failures ?? []).map((f) => [f.object, f]));
    for (const object of objectsOf(record)) {
      const failure = failed.get(object);
      const base = { ...rest, object, ...(outcome ? { time: outcome.time } : {}) };
      if (!outcome) entries.push({ ...base, result: 'unknown' });
      else if (failure)
        entries.push({
          ...base,
          result: 'error',
          errorCode: failure.errorCode,
          errorMessage: failure.errorMessage,
        });
      else if (outcome.result === 'error' && !outcome.failures)
        entries.push({
          ...base,
          result: 'error',
          ...(outcome.errorCode ? { errorCode: outcome.errorCode } : {}),
          ...(outcome.errorMessage ? { errorMessage: outcome.errorMessage } : {}),
        });
      else entries.push({ ...base, result: 'ok' });
    }
  }
  return entries;
}
