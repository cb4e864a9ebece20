import type { RecordKind, RecordOfKind } from '../model/records.ts';
import { stableEqual } from '../model/stableStringify.ts';

/** grants: `create` = grant, `delete` = revoke. */
export type ActionOp = 'create' | 'update' | 'delete';

/** One changed field of an update, for reports: `StorageDescriptor.Columns[2].Type`, `Parameters.classification`. */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

/**
 * One step of a plan for one record kind. `create` adds `desired`; `update` turns `current` into `desired`;
 * `delete` removes `current`. For grants both carry only the permissions to grant or revoke, not the full set.
 */
export interface ActionOf<K extends RecordKind> {
  kind: K;
  op: ActionOp;
  key: string;
  desired?: RecordOfKind<K>;
  current?: RecordOfKind<K>;
  changes?: FieldChange[];
}

/** Any action; narrowing on `kind` narrows `desired` and `current` too. */
export type Action = { [K in RecordKind]: ActionOf<K> }[RecordKind];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The fields that differ between two payloads. Objects are walked key by key (sorted), arrays of objects index
 * by index (so a changed column type is one change, not a changed column list); arrays of plain values
 * (permissions, values, names) are compared whole.
 */
export function diffFields(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (stableEqual(before, after)) return [];
  if (isObjectArray(before) && isObjectArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => diffFields(before[i], after[i], `${path}[${i}]`)).flat();
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffFields(before[key], after[key], joinPath(path, key)));
  }
  return [{ path, before, after }];
}

function joinPath(path: string, key: string): string {
  if (IDENTIFIER.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isObjectArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0 && value.every(isPlainObject);
}
