import { GetTableCommand, UpdateTableCommand } from '@aws-sdk/client-glue';
import type { ReconcileAndReplayReport } from '../../src/realtime/index.ts';
import {
  addCounts,
  type DatabaseShape,
  reconcileCoverage,
  reconcileRunFloor,
  type ScenarioFloor,
} from '../floor.ts';
import { databaseShapes, generateLake, lakeShape } from '../generateLake.ts';
import type { BenchContext, Measured } from '../harness.ts';
import { joinMeasured, realtimeCalls } from '../realtimeCalls.ts';
import { startRealtime } from '../realtimeDriver.ts';
import { summarize } from '../result.ts';
import { glueClient, type Scenario } from './scenario.ts';

/** Minutes between two runs of a `rate(N minute[s])` schedule (the deployed replayer's). */
export function rateMinutes(expression: string): number {
  const match = /^rate\((\d+) (minute|minutes|hour|hours)\)$/.exec(expression);
  if (!match)
    throw new Error(`benchmark: the replay schedule ${expression} is not a rate in minutes or hours`);
  return Number(match[1]) * (match[2]!.startsWith('hour') ? 60 : 1);
}

/** The misses only a reconcile repairs: an edit by hand in the target, a source change no event staged. */
async function makeMisses(ctx: BenchContext): Promise<Array<{ database: string; table: string }>> {
  const [first, last] = [ctx.lake.tables[0]!, ctx.lake.tables.at(-1)!];
  const edit = async (region: string, t: { database: string; name: string }, text: string) => {
    const glue = glueClient(ctx, region);
    const { Table } = await glue.send(new GetTableCommand({ DatabaseName: t.database, Name: t.name }));
    const { Name, StorageDescriptor, PartitionKeys, TableType, Parameters } = Table!;
    await glue.send(
      new UpdateTableCommand({
        DatabaseName: t.database,
        TableInput: { Name, StorageDescriptor, PartitionKeys, TableType, Parameters, Description: text },
      }),
    );
    glue.destroy();
  };
  await edit(ctx.settings.targetRegion, first, 'edited by hand in the target (benchmark)');
  await edit(ctx.settings.sourceRegion, last, 'changed in the source, event never staged (benchmark)');
  return [first, last].map((t) => ({ database: t.database, table: t.name }));
}

/** Whether the target's table equals the source's again (plain GetTable on both sides). */
async function repaired(ctx: BenchContext, miss: { database: string; table: string }): Promise<boolean> {
  const read = async (region: string) => {
    const glue = glueClient(ctx, region);
    const { Table } = await glue.send(new GetTableCommand({ DatabaseName: miss.database, Name: miss.table }));
    glue.destroy();
    return Table?.Description;
  };
  return (await read(ctx.settings.sourceRegion)) === (await read(ctx.settings.targetRegion));
}

/** Measured stretches joined into one, in order. */
const joinAll = <T>(runs: ReadonlyArray<Measured<T>>): Measured<unknown> =>
  runs.slice(1).reduce<Measured<unknown>>((a, b) => {
    const joined = joinMeasured(a, b);
    return { ...joined, value: undefined };
  }, runs[0]!);

interface RunLine {
  run: number;
  minute: number;
  compared: string[];
  calls: number;
  floorCalls: number;
  byService: Record<string, number>;
  wallSeconds: number;
}

export const REALTIME_RECONCILE_NOTE =
  'Runs at simulated replay-schedule times (the runtime clock advances by the schedule interval; the calls are real). A run = reconcileAndReplay: list the databases on both sides, stage the due databases, replay them (dry-run compare, repair). calls/floor count Glue and Lake Formation; the event table (DynamoDB) is counted apart.';

export const realtimeReconcile: Scenario = {
  name: 'realtime-reconcile',
  description:
    'the real-time reconcile at the default budget: calls per run and runs until every database was compared once',
  async run(ctx) {
    await startRealtime(ctx);
    const misses = await ctx.unmeasured(() => makeMisses(ctx));
    const { config } = ctx.runtime();
    const { everyMinutes, maxCallsPerRun } = config.realtime.reconcile;
    const interval = rateMinutes(config.deploy.realtime.replaySchedule);
    const shapes = databaseShapes(ctx.lake);
    const byName = new Map(shapes.map((s) => [s.name, s]));
    const start = Date.now();
    const runs: Array<Measured<ReconcileAndReplayReport>> = [];
    const lines: RunLine[] = [];
    const floors: ScenarioFloor[] = [];
    const maxRuns = Math.ceil(everyMinutes / interval) + shapes.length + 1;
    let cycle: string | undefined;
    for (let run = 0; run < maxRuns; run++) {
      const at = new Date(start + run * interval * 60_000);
      const runtime = ctx.runtime({ now: () => at });
      const measured = await ctx.measure(() =>
        ctx.useCases.reconcileAndReplay(runtime, run === 0 ? { restart: 'firstRun' } : {}),
      );
      const { reconcile, replay } = measured.value;
      if (replay.circuitBreaker.tripped) throw new Error('reconcile: the circuit breaker tripped');
      cycle ??= reconcile.cycleStartedAt;
      const compared = reconcile.staged.map((name) => byName.get(name)!);
      const floor = reconcileRunFloor(shapes.length, compared, ctx.shape);
      const calls = realtimeCalls(measured.calls);
      runs.push(measured);
      floors.push(floor);
      lines.push({
        run,
        minute: run * interval,
        compared: reconcile.staged,
        calls: calls.glueLf.total,
        floorCalls: Object.values(addCounts(floor.source, floor.target)).reduce((a, b) => a + b, 0),
        byService: { ...byService(measured), dynamodb: calls.eventTableTotal },
        wallSeconds: Number((measured.wallMs / 1000).toFixed(2)),
      });
      if (reconcile.lastFullAt === cycle) break;
    }
    const covered = runs.at(-1)!.value.reconcile.lastFullAt === cycle;
    const fixed = await ctx.unmeasured(async () => Promise.all(misses.map((m) => repaired(ctx, m))));
    const compares = lines.reduce((n, l) => n + l.compared.length, 0);
    const compareCalls = lines.reduce((n, l) => n + l.calls, 0) - listCallsOf(runs);
    const compareFloor = shapes.reduce((n, s) => n + perDatabase(s, ctx), 0);
    const measuredRatio = compareCalls / Math.max(1, compareFloor);
    const model = (size: 'small' | 'large', ratio: number) => {
      const lake = generateLake(size, ctx.settings.seed);
      return reconcileCoverage(databaseShapes(lake), lakeShape(lake), {
        everyMinutes,
        intervalMinutes: interval,
        maxCallsPerRun,
        costFactor: ratio,
      });
    };
    return summarize({
      scenario: this.name,
      description: this.description,
      floor: floors.reduce((a, b) => ({
        source: addCounts(a.source, b.source),
        target: addCounts(a.target, b.target),
      })),
      measured: joinAll(runs),
      rps: ctx.settings.rps,
      objects: compares,
      extra: {
        everyMinutes,
        maxCallsPerRun,
        replayEveryMinutes: interval,
        databases: shapes.length,
        runsToFullCoverage: covered ? runs.length : null,
        simulatedMinutesToFullCoverage: covered ? (runs.length - 1) * interval : null,
        wallSecondsAllRuns: Number((runs.reduce((n, r) => n + r.wallMs, 0) / 1000).toFixed(2)),
        callsPerRun: summaryOf(lines.map((l) => l.calls)),
        callsPerDatabaseCompared: Number((compareCalls / Math.max(1, compares)).toFixed(1)),
        compareCallsVsFloor: Number(measuredRatio.toFixed(3)),
        model: {
          thisLake: reconcileCoverage(shapes, ctx.shape, {
            everyMinutes,
            intervalMinutes: interval,
            maxCallsPerRun,
            costFactor: 1,
          }),
          smallAtFloor: model('small', 1),
          smallAtMeasuredRatio: model('small', measuredRatio),
          largeAtFloor: model('large', 1),
          largeAtMeasuredRatio: model('large', measuredRatio),
        },
        runs: lines,
        misses: misses.map((m, i) => ({ ...m, repaired: fixed[i] })),
        counting: REALTIME_RECONCILE_NOTE,
      },
      targets: () => [
        {
          name: 'every database compared once',
          met: covered,
          detail: `${runs.length} runs, last full cycle ${runs.at(-1)!.value.reconcile.lastFullAt ?? 'none'}`,
        },
        {
          name: 'misses repaired',
          met: fixed.every(Boolean),
          detail: misses.map((m, i) => `${m.database}.${m.table}: ${fixed[i]}`).join(', '),
        },
        {
          name: `calls per run ≤ maxCallsPerRun (${maxCallsPerRun})`,
          met: lines.every((l) => l.calls <= maxCallsPerRun),
          detail: `max ${Math.max(...lines.map((l) => l.calls))}`,
        },
      ],
    });
  },
};

function byService(measured: Measured<unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const ops of [measured.calls.source, measured.calls.target])
    for (const [op, n] of Object.entries(ops)) {
      const service = op.slice(0, op.indexOf(':'));
      out[service] = (out[service] ?? 0) + n;
    }
  return out;
}

/** The GetDatabases pages every run spends listing the databases (both sides). */
function listCallsOf(runs: ReadonlyArray<Measured<ReconcileAndReplayReport>>): number {
  return runs.reduce((n, r) => n + r.value.reconcile.listCalls, 0);
}

function perDatabase(shape: DatabaseShape, ctx: BenchContext): number {
  const floor = reconcileRunFloor(0, [shape], ctx.shape);
  return Object.values(addCounts(floor.source, floor.target)).reduce((a, b) => a + b, 0);
}

function summaryOf(values: number[]): { min: number; median: number; max: number; total: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    min: sorted[0] ?? 0,
    median: sorted[Math.floor(sorted.length / 2)] ?? 0,
    max: sorted.at(-1) ?? 0,
    total: values.reduce((a, b) => a + b, 0),
  };
}
