import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../../audit/auditLog.ts';
import { writeJournal } from '../../audit/writeJournal.ts';
import type { TargetConfig } from '../../config/configSchema.ts';
import type { ActionResult } from '../../engine/apply/actionResult.ts';
import type { RegionSide } from '../../engine/regionSide.ts';
import type { Runtime } from '../../engine/runtime.ts';
import type { ApiCallSummary } from '../../engine/syncReport.ts';
import { openRunAuditLog } from '../../engine/targetGuards.ts';
import { isLakemirrorError } from '../../model/errors.ts';
import { callSummary } from '../../ondemand/runSync.ts';
import { type SkippedObjects, skippedObjects } from '../../ondemand/skippedObjects.ts';
import type { SkippedObject } from '../../plan/planCatalogs.ts';
import type { ReplayReport } from './replayReport.ts';
import type { ReplayUnit } from './units.ts';

/** One target of a replay run: its side (unless it could not be opened) and what was applied there. */
export interface RunTarget {
  config: TargetConfig;
  side?: RegionSide;
  before?: ApiCallSummary;
  error?: string;
  tally: ReplayReport['targets'][number];
  /** Source objects left out on purpose in this target, once each (made at the first). */
  skipped?: SkippedObjects;
}

/** A thrown error as one line; internal errors (bugs, simulated crashes) stop the run instead. */
export function describeFailure(error: unknown, where?: string): string {
  if (isLakemirrorError(error) && error.source === 'internal') throw error;
  const code = isLakemirrorError(error) ? error.code : error instanceof Error ? error.name : 'unknown';
  const message = error instanceof Error ? error.message : String(error);
  return `${where ? `${where}: ` : ''}${code}: ${message}`;
}

/** The mutable state of one run: targets, and the first error of every failed unit. */
export class ReplayRun {
  readonly failures = new Map<string, string>();

  /** Every write of the replay goes to the audit log, like on-demand writes. */
  readonly runId = randomUUID();
  readonly audit: AuditLog;

  private constructor(
    readonly runtime: Runtime,
    readonly source: RegionSide,
    readonly sourceBefore: ApiCallSummary,
    readonly targets: RunTarget[],
  ) {
    this.audit = openRunAuditLog(runtime, { runId: this.runId, startedAt: runtime.now().toISOString() });
    // Every write call to a target is journaled (intent before, outcome after) in the run's audit log.
    for (const target of targets)
      if (target.side)
        target.side = {
          ...target.side,
          journal: writeJournal(this.audit, target.side, this.runId, runtime.now),
        };
  }

  static async open(runtime: Runtime): Promise<ReplayRun> {
    const source = await runtime.source();
    const targets: RunTarget[] = [];
    for (const config of runtime.config.targets) {
      const tally = { region: config.region, accountId: config.catalogId ?? 'unknown' };
      const counts = { created: 0, updated: 0, deleted: 0, failed: 0 };
      try {
        const side = await runtime.target(config);
        targets.push({
          config,
          side,
          before: callSummary(side.counter),
          tally: { ...tally, ...counts, accountId: side.accountId },
        });
      } catch (error) {
        const message = describeFailure(error, `target ${config.region}`);
        targets.push({ config, error: message, tally: { ...tally, ...counts, error: message } });
      }
    }
    return new ReplayRun(runtime, source, callSummary(source.counter), targets);
  }

  /** Targets that could be opened. */
  get open(): Array<RunTarget & { side: RegionSide }> {
    return this.targets.filter((t): t is RunTarget & { side: RegionSide } => t.side !== undefined);
  }

  fail(unit: ReplayUnit, message: string): void {
    if (!this.failures.has(unit.id)) this.failures.set(unit.id, message);
  }

  /** Tells of a source object a target's plan or apply left out on purpose, once, and keeps it for the report. */
  skip(region: string, skipped: SkippedObject): void {
    const target = this.targets.find((t) => t.config.region === region);
    if (!target) return;
    target.skipped ??= skippedObjects(this.runtime.output, region);
    target.skipped.add(skipped);
  }

  /** Every target's tally, with what was skipped there. */
  tallies(): ReplayReport['targets'] {
    return this.targets.map((t) => ({ ...t.tally, ...t.skipped?.result() }));
  }

  /** Counts applied actions per target; skipped ones are listed apart (never failures). */
  record(target: RunTarget, results: readonly ActionResult[]): void {
    for (const result of results) {
      if (result.skipped) {
        this.skip(target.config.region, { kind: 'catalog', key: result.key, reason: result.skipped });
        continue;
      }
      if (!result.ok) target.tally.failed += 1;
      else if (result.op === 'create') target.tally.created += 1;
      else if (result.op === 'update') target.tally.updated += 1;
      else target.tally.deleted += 1;
    }
  }

  apiCalls(): ReplayReport['apiCalls'] {
    const targets: Record<string, ApiCallSummary> = {};
    for (const t of this.open) targets[t.config.region] = callSummary(t.side.counter, t.before);
    return { source: callSummary(this.source.counter, this.sourceBefore), targets };
  }
}
