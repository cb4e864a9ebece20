import type { DatabaseRecord } from '../model/records.ts';
import type { ActionOf } from './actions.ts';
import { diffByKey, type KindPlanOptions } from './diffByKey.ts';

/** Databases by name; resource links (TargetDatabase) are databases like any other. */
export function planDatabases(
  source: readonly DatabaseRecord[],
  target: readonly DatabaseRecord[],
  options: KindPlanOptions,
): ActionOf<'database'>[] {
  return diffByKey('database', source, target, options);
}
