import type { LocationRecord } from '../model/records.ts';
import type { ActionOf } from './actions.ts';
import { diffByKey, type KindPlanOptions } from './diffByKey.ts';

/** Registered S3 locations by resource ARN (after S3 remap); a changed role is an update. */
export function planLocations(
  source: readonly LocationRecord[],
  target: readonly LocationRecord[],
  options: KindPlanOptions,
): ActionOf<'location'>[] {
  return diffByKey('location', source, target, options);
}
