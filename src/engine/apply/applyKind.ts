import pLimit from 'p-limit';
import type { RecordKind } from '../../model/records.ts';
import type { Action, ActionOf } from '../../plan/actions.ts';
import { isViewWithSubObjects } from '../../plan/viewRewrite.ts';
import type { RegionSide } from '../regionSide.ts';
import type { ActionResult } from './actionResult.ts';
import { applyCatalogAction } from './applyCatalogActions.ts';
import { applyCatalogObjectAction, isCatalogObjectKind } from './applyCatalogObjects.ts';
import { applyCatalogs } from './applyCatalogs.ts';
import { applyGrantActions, applyLakeFormationAction } from './applyPermissionActions.ts';

/** Every kind but partitions, which are applied table by table. */
export type ObjectKind = Exclude<RecordKind, 'partition'>;

export function isObjectKind(kind: RecordKind): kind is ObjectKind {
  return kind !== 'partition';
}

/**
 * Applies the actions of one kind other than partitions (which go table by table): grants in batches, the
 * rest object by object with bounded concurrency. Shared by on-demand sync and real-time replay.
 */
export async function applyKind(
  target: RegionSide,
  kind: ObjectKind,
  actions: readonly Action[],
): Promise<ActionResult[]> {
  const chosen = actions.filter((a) => a.kind === kind);
  if (chosen.length === 0) return [];
  if (kind === 'grant') return applyGrantActions(target, chosen as ActionOf<'grant'>[]);
  const limit = pLimit(target.concurrency);
  const apply =
    kind === 'database' || kind === 'table'
      ? applyCatalogAction
      : isCatalogObjectKind(kind)
        ? applyCatalogObjectAction
        : applyLakeFormationAction;
  const run = (wave: readonly Action[]) =>
    Promise.all(wave.map((action) => limit(() => apply(target, action))));
  // Catalogs one at a time, in plan order: a parent before its children (after them when deleted).
  if (kind === 'catalog') return applyCatalogs(target, chosen as ActionOf<'catalog'>[]);
  if (kind !== 'table') return run(chosen);
  // Views that name tables wait for every other table of the wave (and, deleted, go before them).
  const isView = (a: Action) => a.kind === 'table' && isViewWithSubObjects((a.desired ?? a.current)!);
  const [first, second] = chosen.every((a) => a.op === 'delete')
    ? [chosen.filter(isView), chosen.filter((a) => !isView(a))]
    : [chosen.filter((a) => !isView(a)), chosen.filter(isView)];
  return [...(await run(first)), ...(await run(second))];
}
