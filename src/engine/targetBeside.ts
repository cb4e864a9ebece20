import type { TargetConfig } from '../config/configSchema.ts';
import type { SnapshotRecord } from '../model/records.ts';
import type { CatalogFilterSpec } from '../plan/filters.ts';
import { callSummary } from './callSummary.ts';
import { capturePartitions, type PartitionCapture } from './partitionCapture.ts';
import { type CatalogReadParts, readCatalogInParts, recordsOfParts } from './readCatalogRecords.ts';
import type { RegionSide } from './regionSide.ts';
import type { Runtime } from './runtime.ts';
import { catalogsScope } from './scope.ts';
import type { ApiCallSummary } from './syncReport.ts';

/*
 * A target is read beside the source, not after it: its records and its partitions are read while the source
 * is (different Regions, different rate limits), for sync, plan and verify alike.
 */

export interface EarlyTargetRead {
  side: RegionSide;
  /** The side's call counts when it was opened, so the report counts the early read too. */
  before: ApiCallSummary;
  records: Promise<SnapshotRecord[]>;
  /** The same read in its parts: the capture starts on the tables, before Lake Formation is read. */
  parts: CatalogReadParts;
}

export function readTargetEarly(
  runtime: Runtime,
  target: TargetConfig,
  filter: CatalogFilterSpec,
): Promise<EarlyTargetRead> {
  const read = (async () => {
    const side = await runtime.target(target);
    const before = callSummary(side.counter);
    const scope = { filter, ...runtime.config.replicate, ...catalogsScope(runtime.config) };
    const parts = readCatalogInParts(side, scope);
    const records = recordsOfParts(parts, scope);
    records.catch(() => {});
    return { side, before, records, parts };
  })();
  // Awaited (and reported) per target in syncOneTarget; a failing target must not crash the run meanwhile.
  read.catch(() => {});
  return read;
}

/** Starts capturing a target's partitions once its other records are read (see partitionCapture.ts). */
export function captureWhenRead(
  runtime: Runtime,
  read: Promise<EarlyTargetRead>,
  filter: CatalogFilterSpec,
): Promise<PartitionCapture> {
  const capture = read.then(({ side, parts }) => capturePartitions(runtime, side, filter, parts));
  // Awaited (and reported) in syncTarget; a failing target must not crash the run meanwhile.
  capture.catch(() => {});
  return capture;
}

/** Removes the temporary captures once every target is done (or the run failed). */
export async function discardCaptures(captures: Iterable<Promise<PartitionCapture>>): Promise<void> {
  for (const capture of captures) (await capture.catch(() => undefined))?.discard();
}
