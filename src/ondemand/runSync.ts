import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditLog } from '../audit/auditLog.ts';
import { createSnapshotStore } from '../aws/createSnapshotStore.ts';
import type { SnapshotPin, SnapshotStore } from '../aws/snapshotStore.ts';
import type { TargetConfig } from '../config/configSchema.ts';
import { callSummary } from '../engine/callSummary.ts';
import { type EarlyApply, type EarlyApplyResult, startEarlyApply } from '../engine/early/earlyApply.ts';
import { holdTargets } from '../engine/holdTargets.ts';
import { track } from '../engine/output.ts';
import type { PartitionCapture } from '../engine/partitionCapture.ts';
import { streamSnapshotPartitions } from '../engine/readSnapshot.ts';
import type { RegionSide } from '../engine/regionSide.ts';
import type { Runtime } from '../engine/runtime.ts';
import { planOptionsFor, runFilter } from '../engine/scope.ts';
import { fanOut } from '../engine/snapshotObserver.ts';
import { snapshotReaderFor } from '../engine/snapshotReader.ts';
import type { SourceRecords } from '../engine/sourceSnapshot.ts';
import type { ApiCallSummary, SyncReport, TargetReport } from '../engine/syncReport.ts';
import {
  captureWhenRead,
  discardCaptures,
  type EarlyTargetRead,
  readTargetEarly,
} from '../engine/targetBeside.ts';
import { auditedSide, openRunAuditLog, targetGuards } from '../engine/targetGuards.ts';
import { assertNotStale, readAppliedState, recordAppliedState } from '../lease/appliedState.ts';
import { recordReplicationState } from '../lease/replicationState.ts';
import { isLakemirrorError, LakemirrorError } from '../model/errors.ts';
import type { PartitionDigests } from '../model/partitionDigests.ts';
import { runSnapshot } from './runSnapshot.ts';
import { loadSourceSnapshot } from './snapshotOrigin.ts';
import { syncTarget } from './syncTarget.ts';
import { targetReport } from './targetReport.ts';

export { callSummary };

export interface SyncRequest {
  /** Apply this snapshot instead of reading the source (restore, or a snapshot taken earlier). */
  snapshotUri?: string;
  dryRun?: boolean;
  /** Only these target Regions. */
  targets?: string[];
  /** Only these databases. */
  databases?: string[];
  deleteMissing?: boolean;
  /**
   * A dry run (plan) keeps the source snapshot it reads only when asked (`plan --out`): planning is
   * read-only. A real sync always keeps it.
   */
  keepSnapshot?: boolean;
  /** The snapshot's file name in the store (`plan --out file.json`). */
  snapshotName?: string;
  /**
   * The one-writer-per-target lease (see lease/targetLease.ts): taken for every target before anything is
   * written, released at the end. `false` only where the caller already serialises writers of the target.
   */
  lease?: { command: string; waitMs?: number } | false;
  /**
   * Apply a snapshot (`snapshotUri`) of another Region or account than the configured source, or one older
   * than what a target already has (see lease/appliedState.ts).
   */
  force?: boolean;
}

/**
 * `sync` (and `plan` with dryRun): snapshot the source once (or load the given snapshot), then plan and
 * apply each target on its own — one failing target never stops the others.
 */
export async function runSync(runtime: Runtime, request: SyncRequest = {}): Promise<SyncReport> {
  const runId = randomUUID();
  const targets = runtime.config.targets.filter(
    (t) => !request.targets || request.targets.includes(t.region),
  );
  if (request.targets && targets.length === 0) {
    throw new LakemirrorError({
      code: 'config.unknownTarget',
      source: 'user',
      message: `none of ${request.targets.join(', ')} is a target in the config`,
      fix: `use one of: ${runtime.config.targets.map((t) => t.region).join(', ')}`,
    });
  }
  const lease =
    request.dryRun || request.lease === false ? undefined : (request.lease ?? { command: 'sync' });
  const held = lease ? await holdTargets(runtime, targets, { runId, ...lease }) : [];
  try {
    return await syncHeldTargets(runtime, request, runId, targets);
  } finally {
    await Promise.all(held.map((h) => h.release().catch(() => undefined)));
  }
}

async function syncHeldTargets(
  runtime: Runtime,
  request: SyncRequest,
  runId: string,
  targets: TargetConfig[],
): Promise<SyncReport> {
  const started = Date.now();
  const startedAt = runtime.now().toISOString();
  // A plan that keeps no snapshot writes it to a scratch store that is removed when the plan is done.
  const scratch =
    request.dryRun && !request.keepSnapshot && !request.snapshotUri ? scratchStore() : undefined;
  try {
    return await syncWith(scratch ? { ...runtime, store: scratch.store } : runtime, request, {
      started,
      startedAt,
      runId,
      kept: scratch === undefined,
      targets,
    });
  } finally {
    scratch?.remove();
  }
}

function scratchStore(): { store: SnapshotStore; remove(): void } {
  const directory = mkdtempSync(join(tmpdir(), 'lakemirror-plan-'));
  return {
    store: createSnapshotStore(directory),
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}

async function syncWith(
  runtime: Runtime,
  request: SyncRequest,
  run: { started: number; startedAt: string; runId: string; kept: boolean; targets: TargetConfig[] },
): Promise<SyncReport> {
  const { started, startedAt, runId, targets } = run;
  const { config } = runtime;
  let uri: string;
  let records: SourceRecords['records'];
  let reader = runtime.store;
  let pin: SnapshotPin = {};
  // Set when this run wrote the snapshot: its partitions are read back against these, not validated again.
  let written: PartitionDigests | undefined;
  let sourceAccount: string;
  let early: Array<EarlyApplyResult | undefined> = [];
  // Only a fresh snapshot needs the source Region: applying a stored one must work while it is down.
  let sourceCalls = (): ApiCallSummary => ({ total: 0, reads: 0, writes: 0, byOperation: {} });
  let recordCount: number;
  let contentHash: string;
  let capturedAt: string;
  const filter = runFilter(config, request.databases);
  // Each target is opened and read while the source snapshot is taken: different Regions, different limits.
  // Its partitions too: they are captured to a temporary file beside the source read (partitionCapture.ts).
  const targetReads = new Map(targets.map((target) => [target, readTargetEarly(runtime, target, filter)]));
  const captures = new Map(
    targets.map((target) => [target, captureWhenRead(runtime, targetReads.get(target)!, filter)]),
  );
  const audit = openRunAuditLog(runtime, { runId, startedAt });
  if (request.snapshotUri) {
    reader = snapshotReaderFor(runtime, request.snapshotUri);
    runtime.output.phase('snapshot', `loading ${request.snapshotUri}`);
    const loaded = await loadSourceSnapshot(runtime, reader, request.snapshotUri, request.force).catch(
      async (error: unknown) => {
        await audit.close();
        await discardCaptures(captures.values());
        throw error;
      },
    );
    ({ uri, records, pin } = loaded);
    sourceAccount = loaded.header.source.accountId;
    recordCount = loaded.trailer.recordCount;
    contentHash = loaded.trailer.contentHash;
    capturedAt = loaded.header.capturedAt;
    try {
      if (!request.dryRun && !request.force)
        for (const target of targets)
          assertNotStale(target.region, await readAppliedState(runtime.leases, target.region), {
            uri,
            capturedAt,
          });
    } catch (error) {
      await audit.close();
      await discardCaptures(captures.values());
      throw error;
    }
  } else {
    const source = await runtime.source();
    const before = callSummary(source.counter);
    sourceCalls = () => callSummary(source.counter, before);
    sourceAccount = source.accountId;
    const run = { runId, audit, sourceAccountId: source.accountId };
    const passes = request.dryRun
      ? []
      : await Promise.all(
          targets.map((target) =>
            startEarlyPass({ runtime, target, filter, request, run }, targetReads.get(target)!),
          ),
        );
    const observers = passes.filter((p) => p !== undefined);
    try {
      const taken = await runSnapshot(
        runtime,
        {
          ...(request.databases ? { databases: request.databases } : {}),
          ...(request.snapshotName ? { name: request.snapshotName } : {}),
        },
        observers.length > 0 ? fanOut(observers) : undefined,
      );
      ({ uri, recordCount, contentHash, capturedAt } = taken);
      records = taken.taken.records;
      pin = taken.taken.version ? { version: taken.taken.version } : {};
      written = taken.taken.partitionDigests;
    } catch (error) {
      const stopped = await Promise.all(passes.map((pass) => pass?.finish({ abort: true })));
      warnPartialCreates(runtime, targets, stopped);
      await audit.close();
      await discardCaptures(captures.values());
      throw error;
    }
    early = await Promise.all(passes.map((pass) => pass?.finish()));
  }
  const sourceRecords: SourceRecords = {
    records,
    partitions: (unparsed) => streamSnapshotPartitions(reader, uri, pin, written, unparsed),
    partitionDigests: written,
  };
  const reports: TargetReport[] = [];
  try {
    for (const [i, target] of targets.entries()) {
      const run = {
        runId,
        audit,
        sourceAccountId: sourceAccount,
        early: early[i],
        capture: captures.get(target)!,
      };
      const report = await syncOneTarget(
        { runtime, target, filter, request, run },
        targetReads.get(target)!,
        sourceRecords,
      );
      reports.push(report);
      if (!request.dryRun && !report.error && !request.databases)
        await recordAppliedState(runtime.leases, target.region, {
          snapshotCapturedAt: capturedAt,
          snapshotUri: uri,
        });
      if (!request.dryRun && !report.error)
        await recordReplicationState(runtime, target, {}).catch((error: unknown) =>
          runtime.output.warn(
            'replicationState.notWritten',
            `replication state of ${target.region} not written in that Region: ${(error as Error).message}`,
          ),
        );
    }
  } finally {
    await audit.close();
    await discardCaptures(captures.values());
  }
  return {
    schemaVersion: 1,
    kind: 'lakemirror.sync',
    runId,
    dryRun: request.dryRun ?? false,
    startedAt,
    durationMs: Date.now() - started,
    source: {
      region: config.source.region,
      accountId: sourceAccount,
      apiCalls: sourceCalls(),
    },
    snapshot: { ...(run.kept ? { uri } : {}), recordCount, contentHash },
    targets: reports,
  };
}

/**
 * Starts the early pass of one target (creates while the snapshot is read; see early/earlyApply.ts), once the
 * target is open. A target that cannot be opened gets none: its second pass meets the error and reports it.
 * Nor does a run with deleteMissing on (see below).
 */
async function startEarlyPass(
  of: SyncOfTarget,
  read: Promise<EarlyTargetRead>,
): Promise<EarlyApply | undefined> {
  const { runtime, target, run } = of;
  const opened = await read.catch(() => undefined);
  if (!opened) return undefined;
  const { side } = opened;
  const plan = targetPlanOptions(of, side);
  // With deletes on, maxDeletes can refuse the plan, and a refused plan writes nothing: the creates wait for
  // the complete snapshot and the delete count like everything else.
  if (plan.deleteMissing) return undefined;
  const phase = `create ${target.region}`;
  runtime.output.phase(phase, 'creating while the source snapshot is read');
  const writesBefore = side.counter.writes();
  const stop = track(runtime.output, phase, () => ({
    writes: { done: side.counter.writes() - writesBefore },
  }));
  const pass = startEarlyApply({
    target: auditedSide(runtime, side, run),
    targetRecords: opened.records,
    plan,
  });
  return { ...pass, finish: (options) => pass.finish(options).finally(stop) };
}

/** A failed snapshot writes no update or delete, but the early pass may have created objects: say so. */
function warnPartialCreates(
  runtime: Runtime,
  targets: readonly TargetConfig[],
  passes: ReadonlyArray<EarlyApplyResult | undefined>,
): void {
  passes.forEach((pass, i) => {
    const created = (pass?.results.length ?? 0) + (pass?.partitions.created ?? 0);
    if (created === 0) return;
    runtime.output.warn(
      'sync.partialCreates',
      `the source snapshot failed after ${created} objects were created in ${targets[i]!.region} (creates only: nothing was updated or deleted); the next sync completes the target`,
    );
  });
}

function targetPlanOptions({ runtime, target, filter, request, run }: SyncOfTarget, side: RegionSide) {
  const { sourceAccountId } = run;
  return planOptionsFor(runtime.config, target, filter, {
    ...(request.deleteMissing === undefined ? {} : { deleteMissing: request.deleteMissing }),
    accounts: { sourceAccountId, targetAccountId: side.accountId },
    ...(side.callerArn ? { callerArn: side.callerArn } : {}),
  });
}

interface RunContext {
  runId: string;
  audit: AuditLog;
  sourceAccountId: string;
}

/** One target of a sync run, and what each step of its sync needs. */
interface SyncOfTarget<R extends RunContext = RunContext> {
  runtime: Runtime;
  target: TargetConfig;
  filter: ReturnType<typeof runFilter>;
  request: SyncRequest;
  run: R;
}

async function syncOneTarget(
  of: SyncOfTarget<RunContext & { early: EarlyApplyResult | undefined; capture: Promise<PartitionCapture> }>,
  opening: Promise<EarlyTargetRead>,
  source: SourceRecords,
): Promise<TargetReport> {
  const { runtime, target, filter, request, run } = of;
  const started = Date.now();
  const empty: TargetReport = {
    region: target.region,
    accountId: target.catalogId ?? 'unknown',
    status: 'failed',
    counts: {},
    failures: [],
    actions: [],
    unlistedPartitionActions: 0,
    apiCalls: { total: 0, reads: 0, writes: 0, byOperation: {} },
    durationMs: 0,
  };
  let side: Awaited<ReturnType<Runtime['target']>> | undefined;
  let before: ApiCallSummary | undefined;
  try {
    const opened = await opening;
    side = opened.side;
    before = opened.before;
    const planOptions = targetPlanOptions(of, side);
    const result = await syncTarget(auditedSide(runtime, side, run), source, {
      ...(run.early ? { early: run.early } : {}),
      plan: planOptions,
      maxDeletes: runtime.config.maxDeletes,
      dryRun: request.dryRun ?? false,
      output: runtime.output,
      targetRead: opened.records,
      capture: run.capture,
      ...targetGuards(runtime, side, { runId: run.runId, filter }),
    });
    return targetReport(side, result, {
      dryRun: request.dryRun ?? false,
      apiCalls: callSummary(side.counter, before),
      durationMs: Date.now() - started,
    });
  } catch (error) {
    runtime.output.warn('sync.targetFailed', `target ${target.region} failed: ${(error as Error).message}`);
    return {
      ...empty,
      ...(side ? { accountId: side.accountId, apiCalls: callSummary(side.counter, before) } : {}),
      durationMs: Date.now() - started,
      error: {
        code: isLakemirrorError(error) ? error.code : 'internal.unexpected',
        message: (error as Error).message,
        ...(isLakemirrorError(error) && error.fix ? { fix: error.fix } : {}),
      },
    };
  }
}
