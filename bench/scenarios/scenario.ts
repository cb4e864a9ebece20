import { GlueClient } from '@aws-sdk/client-glue';
import { LOCAL_CREDENTIALS } from '../../src/aws/clientFactory.ts';
import type { SyncReport } from '../../src/engine/syncReport.ts';
import type { BenchContext, BenchSettings } from '../harness.ts';
import type { ScenarioResult } from '../result.ts';

/** One benchmark scenario: sets up (unmeasured), measures one use-case run, compares it with its floor. */
export interface Scenario {
  name: string;
  description: string;
  /** Needs an empty target Region: runs first on a cloud or gets a cloud of its own. */
  needsEmptyTarget?: boolean;
  /** Settings of its own (the half-rate run). */
  settings?: (settings: BenchSettings) => Partial<BenchSettings>;
  run(ctx: BenchContext, earlier: readonly ScenarioResult[]): Promise<ScenarioResult>;
}

/** Throws when a sync did not apply cleanly: a failed run's numbers are not benchmark results. */
export function assertSyncSucceeded(report: SyncReport): void {
  for (const target of report.targets) {
    if (target.status === 'failed' || target.status === 'partial') {
      const first = target.failures[0];
      const why = target.error?.message ?? (first ? JSON.stringify(first).slice(0, 400) : 'unknown');
      throw new Error(
        `sync to ${target.region} ${target.status} (${target.failures.length} failures): ${why}`,
      );
    }
  }
}

/** Makes the target a full copy of the source if no earlier scenario did (fast: no latency, no limits). */
export async function ensureSynced(ctx: BenchContext): Promise<void> {
  if (ctx.synced) return;
  const report = await ctx.unmeasured(() => ctx.useCases.runSync(ctx.runtime(), {}));
  assertSyncSucceeded(report);
  ctx.synced = true;
}

/** A Glue client for setup changes in a Region of the local cloud (the real SDK, as a user would). */
export function glueClient(ctx: BenchContext, region: string): GlueClient {
  return new GlueClient({
    region,
    endpoint: ctx.cloud.endpoint,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 10,
  });
}
