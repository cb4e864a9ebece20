import { describe, expect, it } from 'vitest';
import { renderSyncReport } from '../../src/cli/render/syncReportText.ts';
import { runSync, syncExitCode } from '../../src/ondemand/index.ts';
import { newTable, writesSince } from '../support/memory/memoryLake.ts';
import { memoryRuntime, memorySmallLake } from '../support/memory/memoryRuntime.ts';

// Orchestration only (plan, maxDeletes, the early pass held back): in memory, without the local cloud.
describe('a plan refused by maxDeletes writes nothing', () => {
  it('fails the target (exit 1) with zero write calls in it, naming the table it would delete', async () => {
    // Prepare: a first sync, then a new table in the source (the early pass would create it) and one only
    // in the target.
    const { source, target, regions, config: base } = await memorySmallLake();
    expect(syncExitCode(await runSync(memoryRuntime(regions, base)))).toBe(0);
    await newTable(source.side, 'refunds_2031');
    await newTable(target.side, 'dr_only');
    const before = target.side.counter.byOperation();

    // Act
    const report = await runSync(memoryRuntime(regions, { ...base, deleteMissing: true, maxDeletes: 0 }));

    // Assess: refused, named, and nothing written in the target (not even the new table).
    expect(syncExitCode(report)).toBe(1);
    const text = renderSyncReport(report);
    expect(text).toContain('more than the limit of 0; nothing was written');
    expect(text).toMatch(/deletes 1 objects \(1 table\).*would delete: table sales\.dr_only\./);
    expect(writesSince(target.side, before)).toEqual({});
    expect(await target.catalog.getTable('sales', 'refunds_2031')).toBeUndefined();
  });
});
