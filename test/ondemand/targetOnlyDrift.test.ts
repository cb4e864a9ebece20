import { describe, expect, it } from 'vitest';
import { renderSyncReport } from '../../src/cli/render/syncReportText.ts';
import type { RegionSide } from '../../src/engine/regionSide.ts';
import { runSync, runVerify, syncExitCode } from '../../src/ondemand/index.ts';
import { ANALYST } from '../support/memory/memoryLake.ts';
import { memoryRuntime, memorySmallLake } from '../support/memory/memoryRuntime.ts';

/** Tables and partitions a Region holds, read through its catalog reader port. */
async function catalogCounts(side: RegionSide): Promise<{ table: number; partition: number }> {
  let table = 0;
  let partition = 0;
  for (const db of await side.glueReader.listDatabases()) {
    const tables = await side.glueReader.listTables(db.Name!);
    table += tables.length;
    for (const t of tables)
      for await (const _ of side.glueReader.streamPartitions(db.Name!, t.Name!)) partition += 1;
  }
  return { table, partition };
}

async function analystOrdersPermissions(side: RegionSide): Promise<string[]> {
  const listed = await side.lakeFormation.listPermissions({
    principal: { DataLakePrincipalIdentifier: ANALYST },
    resource: { Table: { DatabaseName: 'sales', Name: 'orders' } },
  });
  return listed.flatMap((p) => p.Permissions ?? []).sort();
}

// Orchestration only (sync keeps, verify lists and accepts): in memory, without the local cloud.
describe('verify reports objects only the target holds (deleteMissing: false)', () => {
  it('drift lists the revoked grant and the deleted partition (exit 2); accepted with ignoreTargetOnly', async () => {
    // Prepare: a first sync, then in the source revoke SELECT on sales.orders and delete one partition.
    const { source, target, regions, config } = await memorySmallLake();
    expect(syncExitCode(await runSync(memoryRuntime(regions, config)))).toBe(0);
    await source.side.lakeFormation.batchRevoke([
      {
        Principal: { DataLakePrincipalIdentifier: ANALYST },
        Resource: { Table: { DatabaseName: 'sales', Name: 'orders' } },
        Permissions: ['SELECT'],
      },
    ]);
    const [gone] = await source.side.glueReader.getPartitions('sales', 'orders', [['2026-01-01']]);
    await source.side.glueWriter.batchDeletePartitions('sales', 'orders', [gone!.Values!]);
    const synced = await runSync(memoryRuntime(regions, config));
    expect(syncExitCode(synced)).toBe(0);
    expect(renderSyncReport(synced)).toMatch(/kept 2 objects only the target holds.*lakemirror verify/s);

    // Act: verify, then verify accepting target-only objects.
    const strict = await runVerify(memoryRuntime(regions, config));
    const lenient = await runVerify(memoryRuntime(regions, config), { ignoreTargetOnly: true });

    // Assess: in sync or not (exit 2 / 0), exactly the two target-only objects (grant first), true counts.
    expect(strict.inSync).toBe(false);
    expect(lenient.inSync).toBe(true);
    const strictReport = strict.reports[0]!;
    const lenientReport = lenient.reports[0]!;
    const partitionKey = `sales.orders/${JSON.stringify(gone!.Values)}`;
    expect(strictReport.drift.map((d) => [d.category, d.kind, d.key, d.accepted ?? false])).toEqual([
      ['onlyInTarget', 'grant', expect.stringContaining(ANALYST), false],
      ['onlyInTarget', 'partition', partitionKey, false],
    ]);
    expect(strictReport.drift[0]!.key).toContain('sales.orders');
    expect(strictReport.inSync).toBe(false);
    expect(lenientReport.inSync).toBe(true);
    expect(lenientReport.targetOnlyAccepted).toBe(true);
    expect(lenientReport.drift.map((d) => [d.kind, d.accepted])).toEqual([
      ['grant', true],
      ['partition', true],
    ]);
    expect(await analystOrdersPermissions(target.side)).toEqual(['DESCRIBE', 'SELECT']);
    expect(await analystOrdersPermissions(source.side)).toEqual(['DESCRIBE']);
    const [sourceCounts, targetCounts] = [await catalogCounts(source.side), await catalogCounts(target.side)];
    expect(targetCounts.partition).toBe(sourceCounts.partition + 1);
    for (const kind of ['table', 'partition'] as const) {
      expect(strictReport.countsByKind[kind]).toMatchObject({
        source: sourceCounts[kind],
        target: targetCounts[kind],
      });
    }
    expect(strictReport.countsByKind.partition).toMatchObject({ onlyInTarget: 1, missingInTarget: 0 });
    expect(strictReport.countsByKind.grant).toMatchObject({
      onlyInTarget: 1,
      missingInTarget: 0,
      different: 0,
    });
  });
});
