import { createHash } from 'node:crypto';
import type { LakemirrorConfig } from '../../config/configSchema.ts';
import { stableStringify } from '../../model/stableStringify.ts';
import type { Action } from '../../plan/actions.ts';
import type { BreakerVerdict } from './circuitBreaker.ts';
import { clusterOf, findMassChange, type HeldCluster, type UnitChanges } from './massChange.ts';
import type { TargetUnitPlan } from './planUnit.ts';
import type { ReplayUnit } from './units.ts';

/**
 * What the breaker's judgement depends on: a held item is judged again once any of it changes (a raised
 * threshold, other filters, another target), and left alone while it stays the same.
 */
export function breakerConfigHash(config: LakemirrorConfig): string {
  const { maxChangePercent, deleteMissing } = config.realtime;
  const judged = {
    maxChangePercent,
    deleteMissing,
    filters: config.filters ?? {},
    targets: config.targets.map((t) => t.region),
  };
  return createHash('sha256').update(stableStringify(judged)).digest('hex').slice(0, 16);
}

export type UnitPlans = ReadonlyArray<{ unit: ReplayUnit } & TargetUnitPlan>;

/**
 * One target's plans in the breaker's units: each unit's updates and deletes (partitions one by one, a
 * database delete adding its tables), an action two units planned charged to the first only.
 */
export function unitChanges(plans: UnitPlans): UnitChanges[] {
  const seen = new Set<string>();
  return plans.map(({ unit, actions, cascade, known }) => {
    let changes = cascade;
    for (const action of actions) {
      const id = `${action.kind}|${action.op}|${action.key}`;
      if (action.op === 'create' || seen.has(id)) continue;
      seen.add(id);
      changes += 1;
    }
    return {
      unitId: unit.id,
      cluster: clusterOf(unit.scope),
      changes,
      ...(unit.scope.kind === 'partitions' ? { partitionsKnown: known } : {}),
    };
  });
}

/**
 * Every object of one target in the run's scope: its databases and tables (counted by the caller, only when
 * the plan could trip at all) and the other objects the units read (partitions, grants, tags, filters).
 */
export const knownInScope = (plans: UnitPlans, catalogObjects: number) =>
  catalogObjects + plans.reduce((n, p) => n + Math.max(0, p.known - p.catalogKnown), 0);

export interface UnitsVerdict {
  verdict: BreakerVerdict;
  held: HeldCluster[];
}

/** Judges every target; a cluster held in one target is held in all (a unit applies to all at once). */
export function judgeTargets(
  perTarget: ReadonlyArray<{ target: string; known: number; units: UnitChanges[] }>,
  maxChangePercent: number,
): UnitsVerdict {
  const held = new Map<string, HeldCluster>();
  let verdict: BreakerVerdict = { tripped: false, planned: 0, known: 0, threshold: 0 };
  let best = -1;
  for (const { target, known, units } of perTarget) {
    const found = findMassChange(target, known, units, maxChangePercent);
    for (const cluster of found.held) if (!held.has(cluster.cluster)) held.set(cluster.cluster, cluster);
    // A target that holds something decides the report; else the one closest to its threshold.
    const tripped = found.held.length > 0;
    const score = tripped ? Number.MAX_SAFE_INTEGER / 2 + found.planned : found.planned / found.threshold;
    if (score <= best) continue;
    best = score;
    verdict = { tripped, planned: found.planned, known, threshold: found.threshold, target };
  }
  return { verdict, held: [...held.values()] };
}

/** Held actions by kind, with a few keys each: what the report lists. */
export function heldKinds(
  actions: readonly Action[],
  preHeld: readonly ReplayUnit[],
  firstKeys = 5,
): Array<{ kind: string; count: number; firstKeys: string[] }> {
  const byKind = new Map<string, string[]>();
  const add = (kind: string, key: string) => {
    const keys = byKind.get(kind) ?? [];
    if (!keys.includes(key)) keys.push(key);
    byKind.set(kind, keys);
  };
  for (const action of actions) if (action.op !== 'create') add(action.kind, action.key);
  for (const unit of preHeld) add(unit.scope.kind, unit.id);
  return [...byKind]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, keys]) => ({ kind, count: keys.length, firstKeys: keys.slice(0, firstKeys) }));
}
