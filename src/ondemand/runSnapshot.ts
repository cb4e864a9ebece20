import { track } from '../engine/output.ts';
import type { Runtime } from '../engine/runtime.ts';
import { catalogsScope, runFilter } from '../engine/scope.ts';
import type { SnapshotObserver } from '../engine/snapshotObserver.ts';
import { type TakenSnapshot, takeSnapshot } from '../engine/takeSnapshot.ts';
import type { SnapshotCounts } from '../model/snapshotFormat.ts';
import { countingObserver } from './snapshotProgress.ts';
import { unmatchedFilters } from './unmatchedFilters.ts';

export interface SnapshotResult {
  uri: string;
  capturedAt: string;
  recordCount: number;
  countsByKind: SnapshotCounts;
  contentHash: string;
  durationMs: number;
  apiCalls: number;
}

/** Snapshots the source Region (optionally some databases only) into the configured store. */
export async function runSnapshot(
  runtime: Runtime,
  request: { databases?: string[]; name?: string } = {},
  observer?: SnapshotObserver,
): Promise<SnapshotResult & { taken: TakenSnapshot }> {
  const started = Date.now();
  const source = await runtime.source();
  const before = source.counter.total();
  const phase = `snapshot ${source.region}`;
  runtime.output.phase(phase, `reading the source (account ${source.accountId})`);
  const { config } = runtime;
  const counted = countingObserver(observer);
  const stopTracking = track(runtime.output, phase, counted.gauge);
  const taken = await takeSnapshot(source, {
    scope: {
      filter: runFilter(config, request.databases),
      ...config.replicate,
      ...catalogsScope(config),
      requireNamedDatabases: true,
      ...unmatchedFilters(runtime),
    },
    store: runtime.store,
    tool: runtime.tool,
    now: runtime.now,
    ...(request.name ? { name: () => request.name! } : {}),
    observer: counted.observer,
    signer: runtime.snapshotSigner,
  }).finally(stopTracking);
  runtime.output.info(
    'snapshot.written',
    `snapshot written to ${taken.uri} (${taken.trailer.recordCount} records)`,
  );
  return {
    uri: taken.uri,
    capturedAt: taken.header.capturedAt,
    recordCount: taken.trailer.recordCount,
    countsByKind: taken.trailer.countsByKind,
    contentHash: taken.trailer.contentHash,
    durationMs: Date.now() - started,
    apiCalls: source.counter.total() - before,
    taken,
  };
}
