import type { KindOutcome } from '../engine/syncReport.ts';
import type { Action } from '../plan/actions.ts';
import type { DriftCategory, DriftItem, KindCounts } from '../report/reportTypes.ts';

/**
 * The planner's op is the drift category: verify plans with deletes on, so a `delete` is an object only the
 * target holds, whatever `deleteMissing` says sync does about it.
 */
const CATEGORY = { create: 'missingInTarget', update: 'different', delete: 'onlyInTarget' } as const;

const SUMMARY = { create: 'missing in target', delete: 'only in target', update: '' } as const;

/** One planned action as a drift item; target-only items are `accepted` under `--ignore-target-only`. */
export function driftItem(action: Action, ignoreTargetOnly: boolean): DriftItem {
  const changes = (action.changes ?? []).map((c) => ({ path: c.path, before: c.before, after: c.after }));
  const category: DriftCategory = CATEGORY[action.op];
  const summary =
    action.op === 'update'
      ? `${changes.length} field${changes.length === 1 ? '' : 's'} differ${changes.length === 1 ? 's' : ''}: ${changes
          .slice(0, 3)
          .map((c) => c.path || '(whole object)')
          .join(', ')}${changes.length > 3 ? ', …' : ''}`
      : action.kind === 'grant'
        ? action.op === 'create'
          ? grantSummary(action.desired?.permissions ?? [], action.desired?.grantable ?? [], changes)
          : `${action.current?.permissions.join(', ')} granted only in target`
        : SUMMARY[action.op];
  return {
    kind: action.kind,
    key: action.key,
    op: action.op,
    category,
    ...(category === 'onlyInTarget' && ignoreTargetOnly ? { accepted: true } : {}),
    summary,
    changes,
  };
}

/**
 * Drift items in reading order: what is missing or different first (in plan order), then the target-only
 * objects by kind and key with grants first (a permission still live in the DR Region is a security finding).
 */
export function orderDrift(items: readonly DriftItem[]): DriftItem[] {
  const targetOnly = items.filter((i) => i.category === 'onlyInTarget');
  const rank = (i: DriftItem) => (i.kind === 'grant' ? '0' : `1${i.kind}`);
  targetOnly.sort((a, b) => rank(a).localeCompare(rank(b)) || a.key.localeCompare(b.key));
  return [...items.filter((i) => i.category !== 'onlyInTarget'), ...targetOnly];
}

/**
 * Per kind, the true count on each side: the source holds unchanged + missing + different objects, the
 * target unchanged + different + target-only ones.
 */
export function countsByKind(counts: Partial<Record<string, KindOutcome>>): Record<string, KindCounts> {
  const result: Record<string, KindCounts> = {};
  for (const [kind, outcome] of Object.entries(counts)) {
    if (!outcome) continue;
    const matched = outcome.unchanged + outcome.updated;
    result[kind] = {
      source: matched + outcome.created,
      target: matched + outcome.deleted,
      drifted: outcome.created + outcome.updated + outcome.deleted,
      missingInTarget: outcome.created,
      different: outcome.updated,
      onlyInTarget: outcome.deleted,
    };
  }
  return result;
}

/**
 * What a target lacks of a grant: permissions it does not hold at all, and permissions it holds without the
 * grant option the source gives (said as such: "SELECT not granted" would be wrong while SELECT is granted).
 */
function grantSummary(
  permissions: readonly string[],
  grantable: readonly string[],
  changes: ReadonlyArray<{ path: string; before: unknown }>,
): string {
  const before = changes.find((c) => c.path === 'permissions')?.before;
  const held = new Set(Array.isArray(before) ? (before as string[]) : []);
  const missing = permissions.filter((p) => !held.has(p));
  const optionOnly = grantable.filter((p) => held.has(p));
  return [
    ...(missing.length ? [`${missing.join(', ')} not granted in target`] : []),
    ...(optionOnly.length ? [`${optionOnly.join(', ')} granted in target without the grant option`] : []),
  ].join('; ');
}
