import type { LakemirrorConfig, TargetConfig } from '../config/configSchema.ts';
import { loadSnapshot } from '../engine/readSnapshot.ts';
import type { Runtime } from '../engine/runtime.ts';
import { snapshotReaderFor } from '../engine/snapshotReader.ts';
import type { TargetReport } from '../engine/syncReport.ts';
import { LakemirrorError } from '../model/errors.ts';
import { runSnapshot } from '../ondemand/runSnapshot.ts';
import { runSync } from '../ondemand/runSync.ts';
import type { DrillCheck, RtoResult } from '../report/reportTypes.ts';
import { rehearseFailover } from './failoverRehearsal.ts';
import { cleanUpScratch } from './scratchCleanup.ts';
import { chooseScratchRegion } from './scratchRegion.ts';

export interface ScratchOptions {
  /** Where to restore; required on AWS, picked among unused Regions on the local cloud. */
  scratchRegion?: string;
  /** Leave the restored objects in place (to inspect them). */
  keepScratch?: boolean;
  /** Rehearse a soft failover into the scratch Region after the restore (`drill --failover`). */
  failover?: boolean;
  /** A runtime for another config with the drill's credentials and endpoint. */
  runtimeFor: (config: LakemirrorConfig) => Runtime;
}

export interface RestoreOutcome {
  rto: RtoResult;
  /** The restore itself and the cleanup, as checks (their failures are what the reader acts on). */
  checks: DrillCheck[];
}

/**
 * RTO: restores the latest snapshot (taken now if there is none) into an empty scratch Region through the
 * same `sync` path a real recovery would use, times it, then deletes what it restored. The scratch target
 * inherits the first target's account, role and S3 mapping, so the restore looks like a real target's.
 */
export async function measureRto(runtime: Runtime, options: ScratchOptions): Promise<RestoreOutcome> {
  const { config, output } = runtime;
  const region = chooseScratchRegion(config, options.scratchRegion, runtime.local);
  const first = config.targets[0]!;
  const scratch: TargetConfig = { ...first, region };
  const scratchRuntime = options.runtimeFor({ ...config, targets: [scratch] });
  const side = await scratchRuntime.target(scratch);
  const existing = await side.glueReader.listDatabases();
  if (existing.length > 0) {
    throw new LakemirrorError({
      code: 'drill.scratchNotEmpty',
      source: 'user',
      object: `scratch Region ${region}`,
      message: `the scratch Region ${region} already holds ${existing.length} Glue database(s) (${existing
        .slice(0, 5)
        .map((d) => d.Name)
        .join(
          ', ',
        )}); the drill restores only into an empty Region so that it deletes nothing it did not create`,
      fix: `pass --scratch-region with an empty Region, or delete those databases from ${region} (a drill run with --keep-scratch leaves them)`,
    });
  }
  const uri = (await runtime.store.latest())?.uri ?? (await runSnapshot(runtime)).uri;
  const snapshot = await loadSnapshot(snapshotReaderFor(runtime, uri), uri, {
    signer: runtime.snapshotSigner,
    output,
  });
  const counts = Object.entries(snapshot.trailer.countsByKind)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  output.phase('drill rto', `restoring ${uri} (captured ${snapshot.header.capturedAt}) into ${region}`);
  if (!runtime.local) {
    output.warn('drill.scratchWrites', `will create in ${region} (account ${side.accountId}): ${counts}`);
    output.warn(
      'drill.scratchWrites',
      options.keepScratch
        ? `--keep-scratch: they stay in ${region} after the drill`
        : `and delete them again afterwards (databases with their tables and partitions, grants, LF-Tags, filters, registered locations; the data lake settings stay)`,
    );
  }
  const started = Date.now();
  const report = await runSync(scratchRuntime, { snapshotUri: uri, lease: { command: 'drill' } });
  const durationMs = Date.now() - started;
  const target = report.targets[0]!;
  const restored = Object.values(target.counts).reduce((n, c) => n + c.created + c.updated + c.unchanged, 0);
  // To the millisecond's order: rounded to 0.01 min (0.6 s), a quick restore read "RTO 0 s".
  const minutes = Math.round(durationMs / 6) / 10_000;
  // RTO judges time only; objects that failed to restore fail the restore check instead.
  const rto: RtoResult = {
    minutes,
    restoredObjects: restored,
    scratchTarget: `${region} (${side.accountId})`,
    status: minutes <= config.drill.maxRtoMinutes ? 'pass' : 'fail',
  };
  if (options.failover) rto.failover = await rehearseFailover(scratchRuntime, scratch, durationMs);
  const checks = [restoreCheck(target, uri, region, restored)];
  if (options.keepScratch) {
    checks.push({
      name: `Scratch Region ${region} cleaned up`,
      status: 'skipped',
      detail: `--keep-scratch: the restored objects stay in ${region}.`,
      fix: `delete the restored databases from ${region} before the next drill (it restores only into an empty Region)`,
    });
    return { rto, checks };
  }
  output.phase('drill rto', `deleting what was restored in ${region}`);
  const notRestored = new Set(target.failures.map((f) => `${f.kind} ${f.key}`));
  const results = await cleanUpScratch(
    side,
    target.actions.filter((a) => !notRestored.has(`${a.kind} ${a.key}`)),
  );
  const left = (await side.glueReader.listDatabases()).map((d) => d.Name ?? '');
  const failures = [
    ...results.filter((r) => !r.ok).map((r) => `${r.kind} ${r.key}: ${r.error?.message ?? 'failed'}`),
    ...left.map((name) => `database ${name} is still in ${region}`),
  ];
  checks.push({
    name: `Scratch Region ${region} cleaned up`,
    status: failures.length === 0 ? 'pass' : 'fail',
    detail: `${results.length} restored objects deleted or revoked; the data lake settings are left as they are.`,
    ...(failures.length
      ? {
          fix: `delete the listed objects in ${region} by hand (Glue DeleteDatabase, Lake Formation RevokePermissions) and check the error; the next drill needs an empty Region`,
          failures,
        }
      : {}),
  });
  return { rto, checks };
}

function restoreCheck(target: TargetReport, uri: string, region: string, restored: number): DrillCheck {
  const failures = [
    ...(target.error ? [`${target.error.code}: ${target.error.message}`] : []),
    ...target.failures.map((f) => `${f.kind} ${f.key}: ${f.error?.message ?? 'failed'}`),
  ];
  return {
    name: `Restore of the latest snapshot into ${region}`,
    status: failures.length === 0 ? 'pass' : 'fail',
    detail: `${restored} objects restored from ${uri}.`,
    ...(failures.length
      ? {
          fix:
            target.error?.fix ??
            'the snapshot cannot be restored as it is: fix the listed objects in the source (or the S3 mapping) and take a new snapshot with `lakemirror snapshot`',
          failures,
        }
      : {}),
  };
}
