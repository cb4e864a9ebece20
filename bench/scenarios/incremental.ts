import { BatchCreatePartitionCommand, GetTableCommand, UpdateTableCommand } from '@aws-sdk/client-glue';
import { chunk } from '../../src/aws/chunk.ts';
import { oneTableChangedFloor, partitionsAddedFloor, resyncFloor } from '../floor.ts';
import type { BenchContext } from '../harness.ts';
import { partitionAt } from '../lakeCatalog.ts';
import { type ScenarioResult, summarize, type TargetCheck, withinFactor } from '../result.ts';
import { spread } from '../spread.ts';
import { ensureSynced, glueClient, type Scenario } from './scenario.ts';

const zeroWrites = (writes: number) => ({
  name: 'zero writes',
  met: writes === 0,
  detail: `${writes} write calls`,
});

/** The target of issue 20: a re-sync (and verify) at most 1.25 × the floor time (the slower Region's bucket). */
export const withinFloorTime = (r: ScenarioResult): TargetCheck =>
  withinFactor('time ≤ 1.25 × floor time', r.wallSeconds!, r.floorSeconds!, 1.25);

export const noChangeResync: Scenario = {
  name: 'no-change-resync',
  description: 're-sync with nothing changed: full reads of both Regions, no writes',
  async run(ctx) {
    await ensureSynced(ctx);
    const measured = await ctx.measure(() => ctx.useCases.runSync(ctx.runtime(), {}));
    return summarize({
      scenario: this.name,
      description: this.description,
      floor: resyncFloor(ctx.shape),
      measured,
      rps: ctx.settings.rps,
      extra: { targetStatus: measured.value.targets[0]?.status },
      targets: (r) => [
        zeroWrites(r.writes!),
        withinFactor('reads ≤ 1.05 × read floor', r.reads!, r.readFloor!, 1.05),
        withinFloorTime(r),
      ],
    });
  },
};

/** A partitioned table of middling size: changing it must not make the sync touch its partitions. */
function middleTable(ctx: BenchContext) {
  const partitioned = ctx.lake.tables
    .filter((t) => t.partitioned)
    .sort((a, b) => a.partitionCount - b.partitionCount);
  return partitioned[Math.floor(partitioned.length / 2)] ?? ctx.lake.tables[0]!;
}

/** Changes one table's description and a parameter in the source through the Glue API. */
export async function changeOneTable(ctx: BenchContext, marker: string): Promise<string> {
  const table = middleTable(ctx);
  const glue = glueClient(ctx, ctx.settings.sourceRegion);
  const { Table } = await glue.send(new GetTableCommand({ DatabaseName: table.database, Name: table.name }));
  await glue.send(
    new UpdateTableCommand({
      DatabaseName: table.database,
      TableInput: {
        Name: Table!.Name,
        Description: `changed by the benchmark (${marker})`,
        StorageDescriptor: Table!.StorageDescriptor,
        PartitionKeys: Table!.PartitionKeys,
        TableType: Table!.TableType,
        Parameters: { ...Table!.Parameters, bench_marker: marker },
      },
    }),
  );
  glue.destroy();
  return `${table.database}.${table.name}`;
}

export const oneTableChanged: Scenario = {
  name: 'one-table-changed',
  description: 'one table definition changed in the source, then an on-demand sync',
  async run(ctx) {
    await ensureSynced(ctx);
    const table = await ctx.unmeasured(() => changeOneTable(ctx, 'on-demand'));
    const measured = await ctx.measure(() => ctx.useCases.runSync(ctx.runtime(), {}));
    return summarize({
      scenario: this.name,
      description: this.description,
      floor: oneTableChangedFloor(ctx.shape),
      measured,
      rps: ctx.settings.rps,
      extra: { table },
      targets: (r) => [
        withinFactor('calls ≤ 1.05 × floor', r.calls!, r.floorCalls!, 1.05),
        { name: 'one write', met: r.writes === 1, detail: `${r.writes} write calls` },
        withinFloorTime(r),
      ],
    });
  },
};

/** Adds 1% of the lake's partitions in the source (new days, spread like the tables' sizes) via the API. */
async function addPartitions(ctx: BenchContext, share: number): Promise<number[]> {
  const tables = ctx.lake.tables.filter((t) => t.partitioned);
  const total = Math.max(1, Math.round(ctx.shape.partitionsPerTable.reduce((a, b) => a + b, 0) * share));
  const added = spread(
    total,
    tables.map((t) => t.partitionCount),
  );
  const glue = glueClient(ctx, ctx.settings.sourceRegion);
  const requests = tables.flatMap((table, i) => {
    const inputs = Array.from({ length: added[i]! }, (_, k) => {
      const {
        DatabaseName: _d,
        TableName: _t,
        CreationTime: _c,
        CatalogId: _id,
        ...input
      } = partitionAt(table, ctx.lake.accountId, table.partitionCount + k);
      return input;
    });
    return chunk(inputs, 100).map((batch) => ({ table, batch }));
  });
  for (const group of chunk(requests, 8)) {
    await Promise.all(
      group.map(async ({ table, batch }) => {
        const out = await glue.send(
          new BatchCreatePartitionCommand({
            DatabaseName: table.database,
            TableName: table.name,
            PartitionInputList: batch as any,
          }),
        );
        if (out.Errors?.length) throw new Error(`setup: ${JSON.stringify(out.Errors[0])}`);
      }),
    );
  }
  glue.destroy();
  return added;
}

export const partitionsAdded: Scenario = {
  name: 'partitions-added-1pct',
  description: '1% new partitions in the source, then an on-demand sync',
  async run(ctx) {
    await ensureSynced(ctx);
    const added = await ctx.unmeasured(() => addPartitions(ctx, 0.01));
    const measured = await ctx.measure(() => ctx.useCases.runSync(ctx.runtime(), {}));
    const floor = partitionsAddedFloor(ctx.shape, added);
    const result = summarize({
      scenario: this.name,
      description: this.description,
      floor,
      measured,
      rps: ctx.settings.rps,
      extra: {
        addedPartitions: added.reduce((a, b) => a + b, 0),
        tablesWithNew: added.filter((n) => n > 0).length,
      },
      targets: (r) => [
        withinFactor('calls ≤ 1.05 × floor', r.calls!, r.floorCalls!, 1.05),
        withinFactor('writes ≤ write floor', r.writes!, r.writeFloor!, 1),
        withinFloorTime(r),
      ],
    });
    ctx.shape.partitionsPerTable = ctx.shape.partitionsPerTable.map((n, i) => n + (added[i] ?? 0));
    return result;
  },
};

export const verifyInSync: Scenario = {
  name: 'verify',
  description: 'verify a target in sync: full reads of both Regions, side by side, no writes',
  async run(ctx) {
    await ensureSynced(ctx);
    const measured = await ctx.measure(() => ctx.useCases.runVerify(ctx.runtime()));
    return summarize({
      scenario: this.name,
      description: this.description,
      floor: resyncFloor(ctx.shape),
      measured,
      rps: ctx.settings.rps,
      extra: { inSync: measured.value.inSync },
      targets: (r) => [
        { name: 'in sync', met: measured.value.inSync, detail: String(measured.value.inSync) },
        zeroWrites(r.writes!),
        withinFactor('reads ≤ 1.05 × read floor', r.reads!, r.readFloor!, 1.05),
        withinFloorTime(r),
      ],
    });
  },
};
