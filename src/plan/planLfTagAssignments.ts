import { resourceKey } from '../model/keys.ts';
import type { LfTagAssignmentRecord } from '../model/records.ts';
import { stableEqual } from '../model/stableStringify.ts';
import { type ActionOf, diffFields } from './actions.ts';
import type { KindPlanOptions } from './diffByKey.ts';

type Tag = LfTagAssignmentRecord['tags'][number];

/**
 * The tags on each resource. The source's value wins for each tag key; tag keys only the target assigns are
 * kept unless deleteMissing. `desired` is the full tag set the resource should end up with, `current` what it
 * has, so the writer can derive what to add and what to remove.
 */
export function planLfTagAssignments(
  source: readonly LfTagAssignmentRecord[],
  target: readonly LfTagAssignmentRecord[],
  options: KindPlanOptions,
): ActionOf<'lfTagAssignment'>[] {
  const targetByKey = new Map(target.map((a) => [resourceKey(a.resource), a]));
  const sourceKeys = new Set<string>();
  const actions: ActionOf<'lfTagAssignment'>[] = [];
  for (const assignment of source) {
    const key = resourceKey(assignment.resource);
    sourceKeys.add(key);
    const current = targetByKey.get(key);
    if (!current) {
      actions.push({ kind: 'lfTagAssignment', op: 'create', key, desired: assignment });
      continue;
    }
    const tags = options.deleteMissing ? assignment.tags : mergeTags(assignment.tags, current.tags);
    const desired: LfTagAssignmentRecord = { ...assignment, tags };
    if (!stableEqual(desired, current)) {
      const changes = diffFields(tagMap(current.tags), tagMap(desired.tags));
      actions.push({ kind: 'lfTagAssignment', op: 'update', key, desired, current, changes });
    }
  }
  if (options.deleteMissing) {
    for (const [key, current] of targetByKey) {
      if (!sourceKeys.has(key)) actions.push({ kind: 'lfTagAssignment', op: 'delete', key, current });
    }
  }
  return actions;
}

function mergeTags(source: readonly Tag[], target: readonly Tag[]): Tag[] {
  const sourceKeys = new Set(source.map((t) => t.key));
  return [...source, ...target.filter((t) => !sourceKeys.has(t.key))].sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
}

/** `{ env: ["prod"] }`, so changes read `env` rather than `tags[0].values`. */
function tagMap(tags: readonly Tag[]): Record<string, string[]> {
  return Object.fromEntries(tags.map((t) => [t.key, t.values]));
}
