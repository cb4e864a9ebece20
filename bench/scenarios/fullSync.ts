import { fullSyncFloor } from '../floor.ts';
import { lakeTotals } from '../generateLake.ts';
import type { BenchContext } from '../harness.ts';
import { type ScenarioResult, summarize, type TargetCheck, withinFactor } from '../result.ts';
import { assertSyncSucceeded, type Scenario } from './scenario.ts';

const GiB = 1024;

/** Every object the lake holds (what a full sync replicates), for calls per object. */
export function objectCount(ctx: BenchContext): number {
  const t = lakeTotals(ctx.lake);
  return (
    t.databases +
    t.tables +
    t.partitions +
    t.grants +
    t.lfTags +
    t.lfTagAssignments +
    t.dataCellsFilters +
    t.locations +
    1
  );
}

/** Runs and summarizes a first sync into an empty target (shared by the default- and half-rate scenarios). */
export async function measureFullSync(
  ctx: BenchContext,
  scenario: Pick<Scenario, 'name' | 'description'>,
  extraTargets: (result: ScenarioResult) => TargetCheck[] = () => [],
  request: { deleteMissing?: boolean } = {},
): Promise<ScenarioResult> {
  const measured = await ctx.measure(() => ctx.useCases.runSync(ctx.runtime(), request));
  assertSyncSucceeded(measured.value);
  ctx.synced = true;
  return summarize({
    ...scenario,
    scenario: scenario.name,
    floor: fullSyncFloor(ctx.shape),
    measured,
    rps: ctx.settings.rps,
    objects: objectCount(ctx),
    extra: {
      snapshotRecords: measured.value.snapshot.recordCount,
      counts: measured.value.targets[0]?.counts,
    },
    targets: (r) => [
      withinFactor('calls ≤ 1.05 × floor', r.calls!, r.floorCalls!, 1.05),
      ...(r.floorSeconds
        ? [withinFactor('wall ≤ 1.25 × floor time', r.wallSeconds!, r.floorSeconds, 1.25)]
        : []),
      ...(ctx.settings.size === 'large'
        ? [{ name: 'peak RSS < 1 GiB', met: r.peakRssMiB! < GiB, detail: `${r.peakRssMiB} MiB` }]
        : []),
      ...extraTargets(r),
    ],
  });
}

export const fullSync: Scenario = {
  name: 'full-sync',
  description: 'first sync of the whole lake into an empty target Region',
  needsEmptyTarget: true,
  run: (ctx) => measureFullSync(ctx, fullSync),
};

/** The same first sync with the rate limit halved: should take about twice as long, and succeed. */
export const halfRateFullSync: Scenario = {
  name: 'full-sync-half-rate',
  description: 'first sync with the per-service rate limit at half the default',
  needsEmptyTarget: true,
  settings: (s) => ({ rps: s.rps > 0 ? Math.max(1, Math.round(s.rps / 2)) : 0 }),
  run: (ctx, earlier) =>
    measureFullSync(ctx, halfRateFullSync, (r) => {
      const base = earlier.find((e) => e.scenario === fullSync.name && e.status === 'ok');
      if (!base?.wallSeconds || ctx.settings.rps === 0) return [];
      const factor = r.wallSeconds! / base.wallSeconds;
      return [
        {
          name: 'wall ≈ 2 × default-rate run (1.6–2.4)',
          met: factor >= 1.6 && factor <= 2.4,
          detail: `${factor.toFixed(2)} × (${r.wallSeconds} s vs ${base.wallSeconds} s)`,
        },
      ];
    }),
};

/**
 * The first sync with deleteMissing on: no early pass (a maxDeletes refusal must write nothing), so the
 * creates wait for the complete snapshot. Compared with full-sync, this is what that rule costs.
 */
export const deleteMissingFullSync: Scenario = {
  name: 'full-sync-delete-missing',
  description: 'first sync with deleteMissing on (no early pass: maxDeletes decides before any write)',
  needsEmptyTarget: true,
  run: (ctx, earlier) =>
    measureFullSync(
      ctx,
      deleteMissingFullSync,
      (r) => {
        const base = earlier.find((e) => e.scenario === fullSync.name && e.status === 'ok');
        if (!base?.wallSeconds) return [];
        const factor = r.wallSeconds! / base.wallSeconds;
        return [
          {
            name: 'cost of no early pass (informational)',
            met: true,
            detail: `${factor.toFixed(2)} × full-sync (${r.wallSeconds} s vs ${base.wallSeconds} s)`,
          },
        ];
      },
      { deleteMissing: true },
    ),
};
