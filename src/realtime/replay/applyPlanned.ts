import pLimit from 'p-limit';
import { type ActionResult, failed } from '../../engine/apply/actionResult.ts';
import { applyKind, type ObjectKind } from '../../engine/apply/applyKind.ts';
import { applyPartitionActions } from '../../engine/apply/applyPartitionActions.ts';
import { applyInDependencyOrder } from '../../engine/apply/applyScheduler.ts';
import type { RegionSide } from '../../engine/regionSide.ts';
import { isLakemirrorError } from '../../model/errors.ts';
import { tableKeyOfPartition } from '../../model/keys.ts';
import { stableStringify } from '../../model/stableStringify.ts';
import type { Action } from '../../plan/actions.ts';
import type { ReplayRun, RunTarget } from './replayRun.ts';
import type { ReplayUnit } from './units.ts';

/** Identical actions planned by two reconciles (e.g. a table's and its partitions') are applied once. */
export function dedupeActions(actions: readonly Action[]): Action[] {
  const seen = new Map<string, Action>();
  for (const action of actions) {
    const { changes: _, ...identity } = action;
    seen.set(stableStringify(identity), action);
  }
  return [...seen.values()];
}

/**
 * Runs one group of writes; a thrown error fails every action of the group instead of the run, except an
 * internal one (a bug, or a test's simulated crash), which stops the run as `attempt` does.
 */
async function guarded(actions: readonly Action[], write: () => Promise<ActionResult[]>) {
  try {
    return await write();
  } catch (error) {
    if (isLakemirrorError(error) && error.source === 'internal') throw error;
    return actions.map((a) => failed(a.kind, a.key, a.op, error));
  }
}

async function applyKindGuarded(target: RegionSide, kind: ObjectKind, actions: readonly Action[]) {
  const chosen = actions.filter((a) => a.kind === kind);
  if (chosen.length === 0) return [];
  return guarded(chosen, () => applyKind(target, kind, chosen));
}

/** Partition actions table by table, tables at once up to the side's concurrency. */
async function applyPartitionsByTable(target: RegionSide, actions: readonly Action[]) {
  const byTable = new Map<string, Action[]>();
  for (const action of actions.filter((a) => a.kind === 'partition')) {
    const table = tableKeyOfPartition(action.key);
    const group = byTable.get(table);
    if (group) group.push(action);
    else byTable.set(table, [action]);
  }
  const limit = pLimit(target.concurrency);
  const perTable = await Promise.all(
    [...byTable].map(([table, group]) =>
      limit(() => guarded(group, () => applyPartitionActions(target, table, group))),
    ),
  );
  return perTable.flat();
}

/**
 * Applies a target's planned actions with the engine's dependency-ordered apply (applyScheduler.ts), the
 * partitions of each table in one phase. Every action gets a result; a failure never stops the others.
 */
export async function applyPlanned(target: RegionSide, actions: readonly Action[]): Promise<ActionResult[]> {
  const unique = dedupeActions(actions);
  const results: ActionResult[] = [];
  await applyInDependencyOrder(target, {
    actions: unique,
    onApplied: (applied) => results.push(...applied),
    applyKindWith: applyKindGuarded,
    partitions: async () => {
      results.push(...(await applyPartitionsByTable(target, unique)));
    },
  });
  return results;
}

/** Applies one target's plans and charges every failed action to each unit that planned it. */
export async function applyForUnits(
  run: ReplayRun,
  target: RunTarget,
  plans: ReadonlyArray<{ unit: ReplayUnit; actions: Action[] }>,
): Promise<void> {
  if (!target.side) return;
  const byAction = new Map<string, ReplayUnit[]>();
  for (const { unit, actions } of plans)
    for (const a of actions) {
      const id = `${a.kind}|${a.key}`;
      const units = byAction.get(id);
      if (units) units.push(unit);
      else byAction.set(id, [unit]);
    }
  const actions = plans.flatMap((p) => p.actions);
  const results = await applyPlanned(target.side, actions);
  run.record(target, results);
  for (const result of results) {
    if (result.ok || result.skipped) continue;
    const why = `${target.config.region}: ${result.kind} ${result.key}: ${result.error?.code}: ${result.error?.message}`;
    for (const unit of byAction.get(`${result.kind}|${result.key}`) ?? []) run.fail(unit, why);
  }
}
