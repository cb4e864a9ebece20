import { glueScopeOf } from '../events/lfResource.ts';
import { MIN_CHANGES_TO_TRIP } from './circuitBreaker.ts';
import type { Scope } from './units.ts';

/**
 * Where a unit's changes belong when the breaker looks for a mass change: the table for its partitions
 * (a table losing most of its partitions is a mass change of its own), the database for everything tied
 * to one, `account` for account-wide objects, `lake` for a whole-lake reconcile. A pure function of the
 * scope, so a later event on a held cluster can be held without planning it.
 */
export function clusterOf(scope: Scope): string {
  switch (scope.kind) {
    case 'partitions':
      return `table:${scope.database}.${scope.table}`;
    case 'database':
    case 'table':
    case 'dataCellsFilter':
    case 'partitionIndexes':
    case 'tableOptimizers':
    case 'function':
    case 'columnStatistics':
      return `database:${scope.database}`;
    case 'grants':
    case 'optIns':
    case 'lfTagAssignment': {
      const glue = glueScopeOf(scope.resource);
      return glue ? `database:${glue.database}` : 'account';
    }
    case 'broad':
      if (scope.account) return 'account';
      return scope.database === undefined ? 'lake' : `database:${scope.database}`;
    case 'location':
    case 'lfTag':
    case 'dataLakeSettings':
    case 'glueCatalog':
      return 'account';
  }
}

/**
 * The held cluster a unit falls in, if any: its own, or for a table's partitions the table's database (a
 * deleted table's partitions go with the table, which its database's mass change holds).
 */
export function heldClusterOf(scope: Scope, held: { has(cluster: string): boolean }): string | undefined {
  const own = clusterOf(scope);
  if (held.has(own)) return own;
  if (scope.kind === 'partitions' && held.has(`database:${scope.database}`))
    return `database:${scope.database}`;
  return undefined;
}

/** One unit's plan for one target, as the breaker sees it. */
export interface UnitChanges {
  unitId: string;
  cluster: string;
  /** Updates and deletes, partitions one by one. */
  changes: number;
  /** For a partitions unit: the partitions its table holds in the target. */
  partitionsKnown?: number;
}

export interface HeldCluster {
  cluster: string;
  target: string;
  changes: number;
  /** What the changes were judged against: the table's partitions, or every target object in scope. */
  known: number;
  threshold: number;
  reason: string;
}

export interface MassChangeVerdict {
  /** Clusters held, largest first; empty when nothing is a mass change. */
  held: HeldCluster[];
  /** Updates and deletes of the target with the largest share, and what they were judged against. */
  planned: number;
  known: number;
  threshold: number;
  target?: string;
}

export const thresholdOf = (known: number, maxChangePercent: number, min = MIN_CHANGES_TO_TRIP) =>
  Math.max(min, Math.ceil((known * maxChangePercent) / 100));

function sumByCluster(units: readonly UnitChanges[]): Map<string, { changes: number; partitions: number }> {
  const sums = new Map<string, { changes: number; partitions: number }>();
  for (const unit of units) {
    const sum = sums.get(unit.cluster) ?? { changes: 0, partitions: 0 };
    sum.changes += unit.changes;
    sum.partitions += unit.partitionsKnown ?? 0;
    sums.set(unit.cluster, sum);
  }
  return sums;
}

/**
 * Finds the mass change in one target's plan. Pure. Two rules, both over max(min, maxChangePercent % of
 * what is known): a table whose partition changes exceed that share of its partitions is held; then, when
 * the changes left exceed that share of every target object in scope (`known`), the clusters with the
 * most changes are held, one by one, until what is left is under the threshold. Whatever is not held is
 * unrelated to the mass change and goes on replicating.
 */
export function findMassChange(
  target: string,
  known: number,
  units: readonly UnitChanges[],
  maxChangePercent: number,
  min = MIN_CHANGES_TO_TRIP,
): MassChangeVerdict {
  const held: HeldCluster[] = [];
  const sums = sumByCluster(units);
  let total = 0;
  for (const [cluster, sum] of sums) {
    const threshold = thresholdOf(sum.partitions, maxChangePercent, min);
    if (cluster.startsWith('table:') && sum.changes > threshold) {
      const reason = `${sum.changes} partition updates/deletes of ${sum.partitions} in ${target}, more than ${threshold}`;
      held.push({ cluster, target, changes: sum.changes, known: sum.partitions, threshold, reason });
    } else total += sum.changes;
  }
  const threshold = thresholdOf(known, maxChangePercent, min);
  const planned = total + held.reduce((n, h) => n + h.changes, 0);
  const rest = [...sums]
    .filter(([cluster]) => !held.some((h) => h.cluster === cluster))
    .sort(([a, x], [b, y]) => y.changes - x.changes || a.localeCompare(b));
  for (const [cluster, sum] of rest) {
    if (total <= threshold || sum.changes === 0) break;
    const reason = `${planned} updates/deletes planned in ${target} of ${known} objects in scope, more than ${threshold}; ${sum.changes} of them in ${cluster}`;
    held.push({ cluster, target, changes: sum.changes, known, threshold, reason });
    total -= sum.changes;
  }
  return { held, planned, known, threshold, target };
}
