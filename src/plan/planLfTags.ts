import type { LfTagAssignmentRecord, LfTagRecord } from '../model/records.ts';
import { stableEqual } from '../model/stableStringify.ts';
import { type ActionOf, diffFields } from './actions.ts';
import type { KindPlanOptions } from './diffByKey.ts';

/** LF-Tag planning needs the target's assignments to know which values are still in use. */
export interface LfTagPlanOptions extends KindPlanOptions {
  /** The target's current tag assignments: a value still assigned there is never removed. */
  targetAssignments?: readonly LfTagAssignmentRecord[];
}

/**
 * LF-Tag definitions. Values the source has are added. Values only the target has are removed only with
 * deleteMissing, and not while the target still assigns them (Lake Formation would strip them from resources);
 * they go on a later run, once the assignments are gone. A tag key absent from the source is deleted under
 * the same rules.
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
    const kept = current.values.filter((v) => !tag.values.includes(v) && !removable(tag.key, v));
    const desired: LfTagRecord = { ...tag, values: [...new Set([...tag.values, ...kept])].sort() };
    if (!stableEqual(desired, current)) {
      const changes = diffFields({ values: current.values }, { values: desired.values });
      actions.push({ kind: 'lfTag', op: 'update', key: tag.key, desired, current, changes });
    }
  }
  for (const current of target) {
    if (sourceKeys.has(current.key)) continue;
    const kept = current.values.filter((v) => !removable(current.key, v));
    if (kept.length === 0) {
      actions.push({ kind: 'lfTag', op: 'delete', key: current.key, current });
    } else if (kept.length < current.values.length) {
      const desired: LfTagRecord = { ...current, values: kept };
      const changes = diffFields({ values: current.values }, { values: kept });
      actions.push({ kind: 'lfTag', op: 'update', key: current.key, desired, current, changes });
    }
  }
  return actions;
}

function assignedValues(assignments: readonly LfTagAssignmentRecord[]): Set<string> {
  return new Set(
    assignments.flatMap((a) => a.tags.flatMap((tag) => tag.values.map((v) => `${tag.key}=${v}`))),
  );
}
