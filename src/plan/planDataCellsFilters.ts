import type { DataCellsFilterRecord } from '../model/records.ts';
import type { ActionOf } from './actions.ts';
import { diffByKey, type KindPlanOptions } from './diffByKey.ts';

/** Data cells filters by `db.table.name`; a changed row filter or column list is an update. */
export function planDataCellsFilters(
  source: readonly DataCellsFilterRecord[],
  target: readonly DataCellsFilterRecord[],
  options: KindPlanOptions,
): ActionOf<'dataCellsFilter'>[] {
  return diffByKey('dataCellsFilter', source, target, options);
}
