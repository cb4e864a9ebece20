import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { LakemirrorError } from '../model/errors.ts';
import { logger, metrics } from './observability.ts';
import { type RunManifest, shardReportUri } from './onDemandContract.ts';
import { getJson, putJson } from './s3Objects.ts';
import type { SyncReport } from './useCases.ts';

interface StoredShardReport {
  target: string;
  database?: string;
  exitCode: number;
  report?: SyncReport;
  error?: { name: string; message: string };
}

/** `failed`: a shard failed or never reported; `changesPending`: a dry run found changes. */
export type RunStatus = 'ok' | 'changesPending' | 'failed';

/**
 * Last task: reads every expected shard report of the run (manifest × targets), writes the run report
 * (`<run>/report.json`) and returns its status, which decides whether the execution fails.
 */
export async function handler(event: { runUri: string; dryRun?: boolean }) {
  const manifest = await getJson<RunManifest>(`${event.runUri}manifest.json`);
  if (!manifest)
    throw new LakemirrorError({
      code: 'handler.manifestMissing',
      source: 'internal',
      object: `${event.runUri}manifest.json`,
      message: `${event.runUri}manifest.json is missing`,
      fix: 'start the run again: its first task writes the manifest, and this run has none',
    });
  const shards = [manifest.catalogShard, ...manifest.databaseShards];
  const expected = shards.flatMap((s) =>
    manifest.targets.map((target) => ({ target, database: s.database })),
  );
  const results = await Promise.all(
    expected.map(async (e) => ({
      ...e,
      stored: await getJson<StoredShardReport>(shardReportUri(event.runUri, e.target, e.database)),
    })),
  );
  const missing = results.filter((r) => !r.stored).map(({ target, database }) => ({ target, database }));
  const failed = results.filter((r) => r.stored && (r.stored.exitCode === 1 || r.stored.exitCode === 3));
  const pending = results.filter((r) => r.stored?.exitCode === 2);
  const status: RunStatus =
    missing.length + failed.length > 0 ? 'failed' : pending.length > 0 ? 'changesPending' : 'ok';
  const reportUri = `${event.runUri}report.json`;
  await putJson(reportUri, {
    kind: 'lakemirror.run',
    runUri: event.runUri,
    dryRun: event.dryRun ?? false,
    status,
    restoredFrom: manifest.restoredFrom,
    shards: results.length,
    failed: failed.map((r) => ({
      target: r.target,
      database: r.database,
      exitCode: r.stored?.exitCode,
      error: r.stored?.error,
      report: shardReportUri(event.runUri, r.target, r.database),
    })),
    missing,
    changesPending: pending.length,
  });
  metrics.addMetric('ShardsApplied', MetricUnit.Count, results.length - missing.length - failed.length);
  metrics.addMetric('ShardsFailed', MetricUnit.Count, missing.length + failed.length);
  metrics.publishStoredMetrics();
  logger.info('run report', { status, reportUri, failed: failed.length, missing: missing.length });
  return { status, reportUri, failed: failed.length + missing.length };
}
