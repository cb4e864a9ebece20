import type { TargetConfig } from '../config/configSchema.ts';
import type { Action } from '../plan/actions.ts';
import type { DriftItem, DriftReport, KindCounts } from '../report/reportTypes.ts';
import { capturePartitions, type PartitionCapture } from './partitionCapture.ts';
import { readCatalogInParts, recordsOfParts } from './readCatalogRecords.ts';
import type { Runtime } from './runtime.ts';
import { planOptionsFor, runFilter } from './scope.ts';
import type { PartitionGroups } from './sourceSnapshot.ts';
import { type SourceRecords, syncTarget } from './syncTarget.ts';
import { captureWhenRead, discardCaptures, type EarlyTargetRead, readTargetEarly } from './targetBeside.ts';

export interface VerifyResult {
  inSync: boolean;
  reports: DriftReport[];
}

const SUMMARY = { create: 'missing in target', delete: 'only in target', update: '' } as const;

function driftItem(action: Action): DriftItem {
  const changes = (action.changes ?? []).map((c) => ({ path: c.path, before: c.before, after: c.after }));
  const summary =
    action.op === 'update'
      ? `${changes.length} field${changes.length === 1 ? '' : 's'} differ${changes.length === 1 ? 's' : ''}: ${changes
          .slice(0, 3)
          .map((c) => c.path || '(whole object)')
          .join(', ')}${changes.length > 3 ? ', …' : ''}`
      : action.kind === 'grant' && action.op === 'create'
        ? `${action.desired?.permissions.join(', ')} not granted in target`
        : SUMMARY[action.op];
  return { kind: action.kind, key: action.key, op: action.op, summary, changes };
}

/**
 * `verify`: compares each target with the live source through the same planner as `sync` (drift is exactly
 * what sync would do) and describes every drifted object with the fields that differ.
 */
export async function runVerify(
  runtime: Runtime,
  request: { targets?: string[] } = {},
): Promise<VerifyResult> {
  const { config } = runtime;
  const filter = runFilter(config);
  const targets = config.targets.filter((t) => !request.targets || request.targets.includes(t.region));
  // Each target (records and partitions) is read beside the source: different Regions, different limits.
  const reads = targets.map((target) => readTargetEarly(runtime, target, filter));
  const captures = reads.map((read) => captureWhenRead(runtime, read, filter));
  let sourceCapture: Promise<PartitionCapture> | undefined;
  try {
    const source = await runtime.source();
    runtime.output.phase('verify', `reading the source ${source.region} and the targets`);
    const scope = { filter, ...config.replicate, requireNamedDatabases: true };
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
        await verifyTarget(runtime, target, records, filter, source.accountId, reads[i]!, captures[i]!),
      );
    return { inSync: reports.every((r) => r.inSync), reports };
  } finally {
    await discardCaptures(sourceCapture ? [...captures, sourceCapture] : captures);
  }
}

async function* partitionsOf(capture: Promise<PartitionCapture>): PartitionGroups {
  yield* (await capture).partitions();
}

async function verifyTarget(
  runtime: Runtime,
  target: TargetConfig,
  source: SourceRecords,
  filter: ReturnType<typeof runFilter>,
  sourceAccountId: string,
  read: Promise<EarlyTargetRead>,
  capture: Promise<PartitionCapture>,
): Promise<DriftReport> {
  const { side, records } = await read;
  const result = await syncTarget(side, source, {
    targetRead: records,
    capture,
    plan: planOptionsFor(runtime.config, target, filter, {
      accounts: { sourceAccountId, targetAccountId: side.accountId },
      ...(side.callerArn ? { callerArn: side.callerArn } : {}),
    }),
    maxDeletes: Number.MAX_SAFE_INTEGER,
    dryRun: true,
    output: runtime.output,
  });
  const countsByKind: Record<string, KindCounts> = {};
  for (const [kind, outcome] of Object.entries(result.counts)) {
    const drifted = outcome.created + outcome.updated + outcome.deleted;
    const sourceCount = outcome.unchanged + outcome.created + outcome.updated;
    countsByKind[kind] = {
      source: sourceCount,
      target: sourceCount - outcome.created + outcome.deleted,
      drifted,
    };
  }
  const drift = result.actions.map(driftItem);
  const total = Object.values(countsByKind).reduce((n, c) => n + c.drifted, 0);
  return {
    schemaVersion: 1,
    kind: 'lakemirror.drift',
    generatedAt: runtime.now().toISOString(),
    source: { region: runtime.config.source.region, accountId: sourceAccountId },
    target: { region: side.region, accountId: side.accountId },
    inSync: total === 0,
    countsByKind,
    drift,
  };
}
