import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetDatabaseCommand, UpdateDatabaseCommand } from '@aws-sdk/client-glue';
import { CreateLFTagCommand, GetLFTagCommand } from '@aws-sdk/client-lakeformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { LakemirrorConfig } from '../../src/config/configSchema.ts';
import { runOnce } from '../../src/realtime/index.ts';
import { ACCOUNT, type RealtimeLake, SOURCE, startRealtimeLake } from './support/realtimeLake.ts';

const HOUR = 3_600_000;

const description = (lake: RealtimeLake, side: 'source' | 'target', name: string) =>
  lake[side].glue.send(new GetDatabaseCommand({ Name: name })).then((r) => r.Database?.Description);

const describeIn = (lake: RealtimeLake, side: 'source' | 'target', name: string, text: string) =>
  lake[side].glue.send(
    new UpdateDatabaseCommand({ Name: name, DatabaseInput: { Name: name, Description: text } }),
  );

/** A runtime whose clock the test moves forward (the local cloud's CloudTrail keeps real time). */
function clockedRuntime(lake: RealtimeLake, config: LakemirrorConfig) {
  let offsetMs = 0;
  const runtime = lake.runtime(config, { now: () => new Date(Date.now() + offsetMs) });
  const advance = (ms: number) => {
    offsetMs += ms;
  };
  return { runtime, advance };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('real-time reconcile: what CloudTrail delivers too late or never still reaches the target', () => {
  let lake: RealtimeLake;
  beforeAll(async () => {
    lake = await startRealtimeLake();
  });
  afterAll(async () => {
    await lake.stop();
  });

  it('realtime run-once on a fresh setup creates the missing event table; init is idempotent', async () => {
    const base = await lake.freshConfig();
    const config = { ...base, realtime: { ...base.realtime, eventTable: `rt-fresh-${process.pid}` } };
    const file = join(config.snapshots.uri, 'lakemirror.json');
    writeFileSync(file, JSON.stringify(config));
    const out: string[] = [];
    const err: string[] = [];
    const host = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
    const code = await main(['node', 'lakemirror', 'realtime', 'run-once', '--config', file, '--json'], host);
    // stderr carries only progress (timestamped collect lines), no error or warning.
    expect(code).toBe(0);
    expect(err.filter((line) => !/^\S+Z collect us-east-1\b/.test(line))).toEqual([]);
    const report = JSON.parse(out.at(-1)!);
    expect(report.collect.firstRun).toBe(true);
    expect(report.reconcile.restarted).toBe('firstRun');
    const dynamo = new DynamoDBClient({
      region: SOURCE,
      endpoint: lake.cloud.endpoint,
      credentials: { accessKeyId: 'AKIALOCALTEST', secretAccessKey: 'x' },
    });
    const table = await dynamo.send(new DescribeTableCommand({ TableName: config.realtime.eventTable }));
    expect(table.Table?.TableStatus).toBe('ACTIVE');
    expect(await main(['node', 'lakemirror', 'realtime', 'init', '--config', file], host)).toBe(0);
    expect(out.at(-1)).toMatch(/already there/);
  });

  it('a change delivered after the overlap window reaches the target within one reconcile cycle', async () => {
    const config = await lake.freshConfig({ realtime: { overlapMinutes: 0, lookbackMinutes: 1 } });
    const { runtime, advance } = clockedRuntime(lake, config);
    lake.cloud.trail.settings.deliveryDelayMs = 1_500;
    try {
      await describeIn(lake, 'source', 'marketing', 'delivered late');
      // An object tied to no database, missed the same way: the cycle compares those too.
      await lake.source.lakeFormation.send(new CreateLFTagCommand({ TagKey: 'late_tag', TagValues: ['a'] }));
      await runOnce(runtime);
      await pause(2_000);
      // The event is visible now, but the window starts at the checkpoint, after the event's time.
      const missed = await runOnce(runtime);
      expect(missed.collect.staged).toBe(0);
      expect(missed.reconcile.staged).toEqual([]);
      expect(await description(lake, 'target', 'marketing')).not.toBe('delivered late');

      advance(HOUR);
      const healed = await runOnce(runtime);
      expect(healed.reconcile.staged).toContain('marketing');
      expect(healed.reconcile.account).toBe(true);
      expect(healed.reconcile.remaining).toBe(0);
      expect(healed.reconcile.lastFullAt).toBeDefined();
      expect(healed.reconcile.lastReconciled.marketing).toBe(healed.reconcile.lastReconciled.sales);
    } finally {
      lake.cloud.trail.settings.deliveryDelayMs = 0;
    }
    expect(await description(lake, 'target', 'marketing')).toBe('delivered late');
    const tag = await lake.target.lakeFormation.send(new GetLFTagCommand({ TagKey: 'late_tag' }));
    expect(tag.TagValues).toEqual(['a']);
  });

  it('a malformed event is staged as a reconcile of the whole scope, never dropped', async () => {
    const config = await lake.freshConfig();
    const runtime = lake.runtime(config);
    await runOnce(runtime);
    await describeIn(lake, 'source', 'sales', 'behind a malformed event');
    const stored = lake.cloud.trail.list(ACCOUNT, SOURCE).at(-1)!;
    (stored as { document: string }).document = stored.document.slice(0, 40);
    const report = await runOnce(runtime);
    expect(report.collect.rejected.malformed).toBe(1);
    expect(report.collect.reconcileStaged).toBe(1);
    expect(report.replay.events.applied).toBe(1);
    expect(await description(lake, 'target', 'sales')).toBe('behind a malformed event');
    // Read again through the overlap: the same malformed event is not staged twice.
    expect((await runOnce(runtime)).collect).toMatchObject({ staged: 0, duplicates: 1 });
  });

  it('repairs an out-of-band edit in the target within one cycle, spread over the runs', async () => {
    const config = await lake.freshConfig({
      realtime: { reconcile: { everyMinutes: 60, maxCallsPerRun: 500 } },
    });
    const { runtime, advance } = clockedRuntime(lake, config);
    const first = await runOnce(runtime);
    const sourceText = await description(lake, 'source', 'finance');
    await describeIn(lake, 'target', 'finance', 'edited by hand in the target');
    const perRun: string[][] = [];
    for (let minutes = 0; minutes < 60; minutes += 20) {
      advance(20 * 60_000);
      perRun.push((await runOnce(runtime)).reconcile.staged);
    }
    const compared = perRun.flat();
    // Every database once in the cycle, a share of them per run rather than all at the end.
    expect(first.reconcile.databases).toBeGreaterThanOrEqual(3);
    expect(new Set(compared).size).toBe(first.reconcile.databases);
    expect(compared).toHaveLength(first.reconcile.databases);
    expect(Math.max(...perRun.map((r) => r.length))).toBeLessThan(first.reconcile.databases);
    expect(compared).toContain('finance');
    expect(await description(lake, 'target', 'finance')).toBe(sourceText);
  });
});
