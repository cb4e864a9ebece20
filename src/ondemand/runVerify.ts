import type { TargetConfig } from '../config/configSchema.ts';
import type { DriftReport } from '../report/reportTypes.ts';
import { countsByKind, driftItem, orderDrift } from './driftReport.ts';
import { liveSource } from './liveSource.ts';
import type { Runtime } from './runtime.ts';
import { planOptionsFor, runFilter } from './scope.ts';
import { syncTarget } from './syncTarget.ts';

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
  const source = await runtime.source();
  runtime.output.phase('verify', `reading the source ${source.region}`);
  const filter = runFilter(config);
  const records = await liveSource(source, { filter, ...config.replicate, requireNamedDatabases: true });
  const reports: DriftReport[] = [];
  const targets = config.targets.filter((t) => !request.targets || request.targets.includes(t.region));
  for (const target of targets)
    reports.push(await verifyTarget(runtime, target, records, filter, source.accountId, ignoreTargetOnly));
  return { inSync: reports.every((r) => r.inSync), reports };
}

async function verifyTarget(
  runtime: Runtime,
  target: TargetConfig,
  source: Awaited<ReturnType<typeof liveSource>>,
  filter: ReturnType<typeof runFilter>,
  sourceAccountId: string,
  ignoreTargetOnly: boolean,
): Promise<DriftReport> {
  // Verify only reads: through the target's read-only role when it has one (the deployed function may
  // assume no other).
  const side = await runtime.target(
    target.readOnlyRoleArn ? { ...target, roleArn: target.readOnlyRoleArn } : target,
  );
  const result = await syncTarget(side, source, {
    plan: planOptionsFor(runtime.config, target, filter, {
      deleteMissing: true,
      accounts: { sourceAccountId, targetAccountId: side.accountId },
      ...(side.callerArn ? { callerArn: side.callerArn } : {}),
    }),
    maxDeletes: Number.MAX_SAFE_INTEGER,
    dryRun: true,
    output: runtime.output,
  });
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
    inSync: pending === 0,
    targetOnlyAccepted: ignoreTargetOnly,
    countsByKind: counts,
    drift,
  };
}
