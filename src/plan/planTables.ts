import type { TableRecord } from '../model/records.ts';
import type { ActionOf } from './actions.ts';
import { diffByKey, type KindPlanOptions } from './diffByKey.ts';

/** Tables by `db.table`; resource links (TargetTable) and views are tables like any other. */
export function planTables(
  source: readonly TableRecord[],
  target: readonly TableRecord[],
  options: KindPlanOptions,
): ActionOf<'table'>[] {
  return diffByKey('table', source, target, options);
}
