import { randomUUID } from 'node:crypto';
import type { AuditRecord } from '../audit/auditRecord.ts';
import type { TargetConfig } from '../config/configSchema.ts';
import type { Runtime } from '../engine/runtime.ts';
import { openRunAuditLog } from '../engine/targetGuards.ts';
import { stopMarkerName } from '../lease/stopMarker.ts';
import { requireTargetRegionStore } from '../lease/targetRegionStore.ts';
import { LakemirrorError } from '../model/errors.ts';
import { type FailoverJournal, journalName, readJournal, writeJournal } from './failoverJournal.ts';
import type { FailoverMode, FailoverReport, FailoverStepReport } from './failoverReport.ts';
import {
  boundRpo,
  drainPending,
  type FailoverContext,
  finalVerify,
  rewriteLinks,
  type StepResult,
  snapshotBase,
  stopReplication,
  writeReversedConfig,
} from './failoverSteps.ts';
import type { RpoBound } from './rpo.ts';
import { stopDeployedCapture } from './stopCapture.ts';

export interface FailoverRequest {
  to: string;
  mode: FailoverMode;
  dryRun?: boolean;
  /** Soft: promote even when the final verify finds differences. */
  force?: boolean;
  reversedConfigPath: string;
  /**
   * A rehearsal (`drill --failover`): no drain — the event table's items belong to the real targets — and the
   * journal and stop marker are removed afterwards.
   */
  rehearsal?: boolean;
  /** Test hook: fail right after this step is done and journaled (a crash halfway). */
  crashAfter?: string;
}

interface Step {
  name: string;
  /** What the step will do, for `--dry-run`. */
  plan: string;
  run: (journal: FailoverJournal) => Promise<StepResult>;
}

/**
 * `failover`: promotes one target. Every step is journaled in the promoted Region once done, so a rerun
 * after a crash skips what is done and finishes the rest; `--dry-run` lists the steps and changes nothing.
 * Hard mode reads only the promoted Region (and writes the reversed config locally).
 */
export async function runFailover(runtime: Runtime, request: FailoverRequest): Promise<FailoverReport> {
  const started = Date.now();
  const target = targetOf(runtime, request.to);
  const store = requireTargetRegionStore(runtime, target);
  const previous = await readJournal(store, target.region);
  const resuming = previous && !previous.completedAt ? previous : undefined;
  const runId = resuming?.runId ?? randomUUID();
  const startedAt = resuming?.startedAt ?? runtime.now().toISOString();
  const mode = resuming?.mode ?? request.mode;
  if (resuming && resuming.mode !== request.mode)
    runtime.output.warn(
      'failover.resuming',
      `finishing the ${resuming.mode} failover started at ${resuming.startedAt} (run ${runId})`,
    );
  const ctx: FailoverContext = {
    runtime,
    target,
    mode,
    runId,
    startedAt,
    force: request.force === true,
    reversedConfigPath: request.reversedConfigPath,
  };
  const journal: FailoverJournal = resuming ?? {
    runId,
    to: target.region,
    from: runtime.config.source.region,
    mode,
    startedAt,
    steps: {},
  };
  // A rehearsal drains nothing and never stops the real deployment's capture.
  const steps = stepsOf(ctx, mode, request.dryRun === true).filter(
    (step) => !(request.rehearsal && (step.name === 'drain' || step.name === 'stop-capture')),
  );
  const reports: FailoverStepReport[] = [];
  if (request.dryRun) {
    for (const step of steps)
      reports.push({ name: step.name, status: 'planned', detail: step.plan, durationMs: 0 });
    return report(ctx, journal, reports, { dryRun: true, promoted: false, started });
  }
  const audit = openRunAuditLog(runtime, { runId, startedAt });
  const deferred: string[] = [];
  try {
    for (const step of steps) {
      const done = journal.steps[step.name];
      if (done) {
        reports.push({ name: step.name, status: 'alreadyDone', detail: done.detail, durationMs: 0 });
        continue;
      }
      runtime.output.phase(`failover ${step.name}`, step.plan);
      const at = Date.now();
      const result = await step.run(journal);
      if (result.deferred) {
        deferred.push(step.name);
        await auditStep(runtime, audit, ctx, step.name, result.detail, { deferred: true });
        reports.push({
          name: step.name,
          status: 'deferred',
          detail: result.detail,
          durationMs: Date.now() - at,
        });
        continue;
      }
      journal.steps[step.name] = {
        at: runtime.now().toISOString(),
        detail: result.detail,
        ...(result.data ? { data: result.data } : {}),
      };
      await writeJournal(store, journal);
      await auditStep(runtime, audit, ctx, step.name, result.detail);
      for (const record of result.records ?? [])
        await auditStep(runtime, audit, ctx, step.name, record.detail, {
          object: record.object,
          operation: 'DisableRule',
        });
      reports.push({ name: step.name, status: 'done', detail: result.detail, durationMs: Date.now() - at });
      if (request.crashAfter === step.name)
        throw new LakemirrorError({
          code: 'internal.testHook',
          source: 'internal',
          message: `failover crashed after step ${step.name} (test hook)`,
        });
    }
    // A deferred step keeps the journal open: the next run resumes and does only what is left.
    if (deferred.length === 0) journal.completedAt = runtime.now().toISOString();
    if (request.rehearsal) {
      await store.remove(journalName(target.region));
      await store.remove(stopMarkerName(target.region));
    } else await writeJournal(store, journal);
  } finally {
    await audit
      .close()
      .catch((error: unknown) =>
        runtime.output.warn('audit.notWritten', `audit log not written: ${(error as Error).message}`),
      );
  }
  return report(ctx, journal, reports, { dryRun: false, promoted: true, started });
}

function stepsOf(ctx: FailoverContext, mode: FailoverMode, dryRun: boolean): Step[] {
  const to = ctx.target.region;
  const from = ctx.runtime.config.source.region;
  const stop: Step = {
    name: 'stop-replication',
    plan: `write the stop marker of ${to}: replays stop writing to it`,
    run: () => stopReplication(ctx),
  };
  const stopCapture: Step = {
    name: 'stop-capture',
    plan: `disable the deployed real-time stack's EventBridge rules in ${from} (schedules of the collector and replayer, push rules), if deployed`,
    run: () => stopDeployedCapture(ctx),
  };
  const soft: Step[] = [
    {
      name: 'drain',
      plan: `collect and replay every pending event of ${from} into ${to}`,
      run: () => drainPending(ctx),
    },
    {
      name: 'verify',
      plan: `compare ${to} with ${from}; refuse to promote while anything differs`,
      run: () => finalVerify(ctx),
    },
  ];
  const hard: Step[] = [
    {
      name: 'rpo',
      plan: `read the replication state kept in ${to} (nothing is read from ${from})`,
      run: () => boundRpo(ctx),
    },
  ];
  const promote: Step[] = [
    {
      name: 'base-snapshot',
      plan: `snapshot ${to}: the last state both Regions shared`,
      run: () => snapshotBase(ctx),
    },
    {
      name: 'rewrite-links',
      plan: `rewrite the resource links and view sub-objects of ${to} that point into ${from}`,
      run: () => rewriteLinks(ctx, dryRun),
    },
    {
      name: 'reversed-config',
      plan: `write the failback config to ${ctx.reversedConfigPath}`,
      run: (journal) => writeReversedConfig(ctx, String(journal.steps['base-snapshot']?.data?.uri)),
    },
  ];
  return [stop, stopCapture, ...(mode === 'soft' ? soft : hard), ...promote];
}

async function auditStep(
  runtime: Runtime,
  audit: ReturnType<typeof openRunAuditLog>,
  ctx: FailoverContext,
  step: string,
  detail: string,
  about: { object?: string; operation?: string; deferred?: boolean } = {},
): Promise<void> {
  const record: AuditRecord = {
    schemaVersion: 1,
    time: runtime.now().toISOString(),
    runId: ctx.runId,
    principal: `lakemirror:failover`,
    region: ctx.target.region,
    accountId: ctx.target.catalogId ?? 'n/a',
    operation: about.operation ?? `Failover/${step}`,
    kind: 'failover',
    op: 'update',
    object: about.object ?? `failover:${ctx.target.region}/${step}`,
    beforeHash: null,
    afterHash: null,
    result: about.deferred ? 'error' : 'ok',
    ...(about.deferred ? { errorCode: 'failover.deferred', errorMessage: detail } : {}),
    detail,
  };
  // Hard: an audit log kept in the failed Region cannot be written; the journal in the target still is.
  await audit
    .append([record])
    .catch((error: unknown) =>
      runtime.output.warn(
        'audit.notWritten',
        `audit record of ${step} not written: ${(error as Error).message}`,
      ),
    );
}

function report(
  ctx: FailoverContext,
  journal: FailoverJournal,
  steps: FailoverStepReport[],
  run: { dryRun: boolean; promoted: boolean; started: number },
): FailoverReport {
  const data = (name: string) => journal.steps[name]?.data ?? {};
  const rpo: FailoverReport['rpo'] =
    ctx.mode === 'soft'
      ? {
          zero: data('verify').differences === 0,
          pendingLeft: 0,
          basis: 'drained and verified equal to the source',
          ...(data('verify').differences === 0 ? { boundMs: 0 } : {}),
        }
      : { zero: false, ...(data('rpo') as unknown as RpoBound) };
  const links = data('rewrite-links') as Partial<FailoverReport['links']>;
  const reversed = data('reversed-config').path;
  return {
    schemaVersion: 1,
    kind: 'lakemirror.failover',
    runId: ctx.runId,
    mode: ctx.mode,
    from: ctx.runtime.config.source.region,
    to: ctx.target.region,
    dryRun: run.dryRun,
    startedAt: ctx.startedAt,
    durationMs: Date.now() - run.started,
    rpo,
    steps,
    links: { rewritten: links.rewritten ?? [], unrewritable: links.unrewritable ?? [] },
    ...(typeof data('base-snapshot').uri === 'string'
      ? { baseSnapshot: String(data('base-snapshot').uri) }
      : {}),
    ...(typeof reversed === 'string' ? { reversedConfig: reversed } : {}),
    promoted: run.promoted,
    next: run.promoted
      ? `when ${ctx.runtime.config.source.region} answers again: lakemirror failback --config ${String(reversed)} --dry-run, then without --dry-run`
      : 'run without --dry-run to fail over',
  };
}

function targetOf(runtime: Runtime, region: string): TargetConfig {
  const target = runtime.config.targets.find((t) => t.region === region);
  if (target) return target;
  throw new LakemirrorError({
    code: 'config.unknownTarget',
    source: 'user',
    object: `target ${region}`,
    message: `${region} is not a target in the config: only a target can be promoted`,
    fix: `use one of: ${runtime.config.targets.map((t) => t.region).join(', ')}`,
  });
}
