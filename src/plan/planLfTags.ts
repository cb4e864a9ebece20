import type { LfTagAssignmentRecord, LfTagRecord } from '../model/records.ts';
import { type ActionOf, diffFields } from './actions.ts';
import type { KindPlanOptions } from './diffByKey.ts';

/** LF-Tag planning needs the target's assignments to know which values are still in use. */
export interface LfTagPlanOptions extends KindPlanOptions {
  /**
   * The target's tag assignments as they will be once this plan's assignment changes are applied (all of
   * them, in the filter or not): a value still assigned then is never removed.
   */
  targetAssignments?: readonly LfTagAssignmentRecord[];
}

/**
 * LF-Tag definitions. Values the source has are added (an `update`). Values only the target has are removed
 * only with deleteMissing and never while the target still assigns them (Lake Formation refuses, and they
 * may be in use): such a removal is a `delete` carrying `desired` = the tag with the values it keeps, so it
 * runs in the delete phase, after revokes and unassignments. A tag key absent from the source is deleted
 * (a `delete` without `desired`) when none of its values stays.
 */
export function planLfTags(
  source: readonly LfTagRecord[],
  target: readonly LfTagRecord[],
  options: LfTagPlanOptions,
): ActionOf<'lfTag'>[] {
  const assigned = assignedValues(options.targetAssignments ?? []);
  const removable = (key: string, value: string) => options.deleteMissing && !assigned.has(`${key}=${value}`);
  const targetByKey = new Map(target.map((tag) => [tag.key, tag]));
  const sourceKeys = new Set(source.map((tag) => tag.key));
  const actions: ActionOf<'lfTag'>[] = [];
  for (const tag of source) {
    const current = targetByKey.get(tag.key);
    if (!current) {
      actions.push({ kind: 'lfTag', op: 'create', key: tag.key, desired: tag });
      continue;
    }
    const added = tag.values.filter((v) => !current.values.includes(v));
    const all = sorted([...current.values, ...added]);
    if (added.length > 0) actions.push(change('update', current, all));
    const kept = all.filter((v) => tag.values.includes(v) || !removable(tag.key, v));
    if (kept.length < all.length) actions.push(change('delete', { ...current, values: all }, kept));
  }
  for (const current of target) {
    if (sourceKeys.has(current.key)) continue;
    const kept = current.values.filter((v) => !removable(current.key, v));
    if (kept.length === 0) {
      actions.push({ kind: 'lfTag', op: 'delete', key: current.key, current });
    } else if (kept.length < current.values.length) {
      actions.push(change('delete', current, kept));
    }
  }
  return actions;
}

function change(op: 'update' | 'delete', current: LfTagRecord, values: string[]): ActionOf<'lfTag'> {
  const desired: LfTagRecord = { ...current, values };
  const changes = diffFields({ values: current.values }, { values });
  return { kind: 'lfTag', op, key: current.key, desired, current, changes };
}

function sorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

function assignedValues(assignments: readonly LfTagAssignmentRecord[]): Set<string> {
  return new Set(
    assignments.flatMap((a) => a.tags.flatMap((tag) => tag.values.map((v) => `${tag.key}=${v}`))),
  );
}
