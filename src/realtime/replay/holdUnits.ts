import pLimit from 'p-limit';
import type { Action } from '../../plan/actions.ts';
import type { EventStore } from '../eventTable/eventStore.ts';
import { heldKinds } from './judgeUnits.ts';
import { heldClusterOf } from './massChange.ts';
import type { ReplayReport } from './replayReport.ts';
import type { ReplayUnit } from './units.ts';

const HOLD_CONCURRENCY = 10;

/** One held cluster of a run: why, its units, and the destructive actions planned for them (if planned). */
export interface Hold {
  cluster: string;
  reason: string;
  units: ReplayUnit[];
  actions: Action[];
  /** Units held without a plan of their own (a held cluster's later events, a broad reconcile). */
  unplanned: ReplayUnit[];
}

/** Groups held units by their cluster; the reason of each cluster comes from `reasons`. */
export function holdsOf(
  units: readonly ReplayUnit[],
  reasons: ReadonlyMap<string, string>,
  actionsOf: (unit: ReplayUnit) => Action[] | undefined,
): Hold[] {
  const holds = new Map<string, Hold>();
  for (const unit of units) {
    const cluster = heldClusterOf(unit.scope, reasons);
    const reason = cluster === undefined ? undefined : reasons.get(cluster);
    if (cluster === undefined || reason === undefined) continue;
    const hold = holds.get(cluster) ?? { cluster, reason, units: [], actions: [], unplanned: [] };
    hold.units.push(unit);
    const actions = actionsOf(unit);
    if (actions) hold.actions.push(...actions);
    else hold.unplanned.push(unit);
    holds.set(cluster, hold);
  }
  return [...holds.values()];
}

/**
 * Marks every item of the held units `held` (with the reason and the configuration it was judged under)
 * and lists the holds in the report: cluster, reason, units, and the held changes by kind.
 */
export async function markHeld(
  table: EventStore,
  holds: readonly Hold[],
  report: ReplayReport,
  options: { config: string; now: Date },
): Promise<void> {
  const limit = pLimit(HOLD_CONCURRENCY);
  for (const hold of holds) {
    const items = hold.units.flatMap((u) => u.items);
    const outcomes = await Promise.all(
      items.map((item) =>
        limit(() =>
          table.markHeld(item, {
            reason: hold.reason,
            config: options.config,
            cluster: hold.cluster,
            at: options.now,
          }),
        ),
      ),
    );
    for (const outcome of outcomes) {
      if (outcome === 'held') report.events.held += 1;
      else report.events.stale += 1;
    }
    report.held.push({
      cluster: hold.cluster,
      reason: hold.reason,
      units: hold.units.length,
      kinds: heldKinds(hold.actions, hold.unplanned),
    });
  }
}
