import type { TargetConfig } from '../config/configSchema.ts';
import { capturePartitions, type PartitionCapture } from '../engine/partitionCapture.ts';
import { readCatalogInParts, recordsOfParts } from '../engine/readCatalogRecords.ts';
import type { Runtime } from '../engine/runtime.ts';
import { catalogsScope, planOptionsFor, runFilter } from '../engine/scope.ts';
import type { PartitionGroups, SourceRecords } from '../engine/sourceSnapshot.ts';
import {
  captureWhenRead,
  discardCaptures,
  type EarlyTargetRead,
  readTargetEarly,
} from '../engine/targetBeside.ts';
import type { DriftReport } from '../report/reportTypes.ts';
import { countsByKind, driftItem, orderDrift } from './driftReport.ts';
import { syncTarget } from './syncTarget.ts';
import { targetLeakCollector } from './targetLeaks.ts';
import { unmatchedFilters } from './unmatchedFilters.ts';

export interface VerifyRequest {
  targets?: string[];
  /** Accept objects only the target holds (still listed, as accepted); default config `verify.ignoreTargetOnly`. */
  ignoreTargetOnly?: boolean;
}

export interface VerifyResult {
  inSync: boolean;
  reports: DriftReport[];
}

/**
 * `verify`: compares each target with the live source through the same planner as `sync` (drift is exactly
 * what sync would do) and describes every drifted object with the fields that differ. Deletes are always
 * planned here: an object only the target holds is drift whatever `deleteMissing` makes sync do about it,
 * unless the run accepts target-only objects (`ignoreTargetOnly`, config `verify.ignoreTargetOnly`).
 */
export async function runVerify(runtime: Runtime, request: VerifyRequest = {}): Promise<VerifyResult> {
  const { config } = runtime;
  const ignoreTargetOnly = request.ignoreTargetOnly ?? config.verify.ignoreTargetOnly;
  const filter = runFilter(config);
  const targets = config.targets.filter((t) => !request.targets || request.targets.includes(t.region));
  // Each target (records and partitions) is read beside the source: different Regions, different limits.
  // Verify only reads: through each target's read-only role when it has one (the deployed function may
  // assume no other).
  const reads = targets.map((target) =>
    readTargetEarly(
      runtime,
      target.readOnlyRoleArn ? { ...target, roleArn: target.readOnlyRoleArn } : target,
      filter,
    ),
  );
  const captures = reads.map((read) => captureWhenRead(runtime, read, filter));
  let sourceCapture: Promise<PartitionCapture> | undefined;
  try {
    const source = await runtime.source();
    runtime.output.phase('verify', `reading the source ${source.region} and the targets`);
    const scope = {
      filter,
      ...config.replicate,
      ...catalogsScope(config),
      requireNamedDatabases: true,
      ...unmatchedFilters(runtime),
    };
    const parts = readCatalogInParts(source, scope);
    // The source's partitions go to a temporary capture too, so that both Regions are read at once and every
    // target is compared with one read of the source.
    const captured = capturePartitions(runtime, source, filter, parts);
    captured.catch(() => {});
    sourceCapture = captured;
    const records: SourceRecords = {
      records: await recordsOfParts(parts, scope),
      partitions: () => partitionsOf(captured),
    };
    const reports: DriftReport[] = [];
    for (const [i, target] of targets.entries())
      reports.push(
        await verifyTarget(runtime, {
          target,
          source: records,
          filter,
          sourceAccountId: source.accountId,
          read: reads[i]!,
          capture: captures[i]!,
          ignoreTargetOnly,
        }),
      );
    return { inSync: reports.every((r) => r.inSync), reports };
  } finally {
    await discardCaptures(sourceCapture ? [...captures, sourceCapture] : captures);
  }
}

async function* partitionsOf(capture: Promise<PartitionCapture>): PartitionGroups {
  yield* (await capture).partitions();
}

/** One target of a verify run: the source read once, the target read beside it. */
interface TargetToVerify {
  target: TargetConfig;
  source: SourceRecords;
  filter: ReturnType<typeof runFilter>;
  sourceAccountId: string;
  read: Promise<EarlyTargetRead>;
  capture: Promise<PartitionCapture>;
  /** `verify --ignore-target-only`: objects only the target holds are not drift. */
  ignoreTargetOnly: boolean;
}

async function verifyTarget(runtime: Runtime, toVerify: TargetToVerify): Promise<DriftReport> {
  const { target, source, filter, sourceAccountId, read, capture, ignoreTargetOnly } = toVerify;
  const { side, records } = await read;
  const planned = planOptionsFor(runtime.config, target, filter, {
    deleteMissing: true,
    accounts: { sourceAccountId, targetAccountId: side.accountId },
    ...(side.callerArn ? { callerArn: side.callerArn } : {}),
  });
  // Connections are never read: a missing federated catalog on one is reported skipped, not drift.
  const plan = { ...planned, connectionCatalogsUnknown: true };
  const leakCheck = targetLeakCollector(side, plan, {
    region: runtime.config.source.region,
    accountId: sourceAccountId,
  });
  const result = await syncTarget(side, source, {
    targetRead: records,
    capture,
    plan,
    maxDeletes: Number.MAX_SAFE_INTEGER,
    dryRun: true,
    output: runtime.output,
    observeTargetPartitions: leakCheck.observePartitions,
  });
  const leaks = leakCheck.findings(await records);
  const counts = countsByKind(result.counts);
  const drift = orderDrift(result.actions.map((action) => driftItem(action, ignoreTargetOnly)));
  const pending = Object.values(counts).reduce(
    (n, c) => n + c.missingInTarget + c.different + (ignoreTargetOnly ? 0 : c.onlyInTarget),
    0,
  );
  return {
    schemaVersion: 1,
    kind: 'lakemirror.drift',
    generatedAt: runtime.now().toISOString(),
    source: { region: runtime.config.source.region, accountId: sourceAccountId },
    target: { region: side.region, accountId: side.accountId },
    inSync: pending === 0 && leaks.length === 0,
    targetOnlyAccepted: ignoreTargetOnly,
    countsByKind: counts,
    drift,
    leaks,
    ...(result.skipped ? { skipped: result.skipped } : {}),
  };
}
