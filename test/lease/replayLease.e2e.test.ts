import { GetTableCommand } from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLease } from '../../src/lease/targetLease.ts';
import { isLakemirrorError } from '../../src/model/errors.ts';
import { collectOnce, eventTableOf, replayPending } from '../../src/realtime/index.ts';
import { replayConfigOf } from '../../src/realtime/replay/replayPending.ts';
import { type RealtimeLake, startRealtimeLake, TARGET } from '../realtime/support/realtimeLake.ts';
import { writeCalls } from '../support/localCloud.ts';
import { setOwner } from './setOwner.ts';

describe('a replay and a sync on one target serialise', () => {
  let lake: RealtimeLake;
  beforeAll(async () => {
    lake = await startRealtimeLake();
  });
  afterAll(async () => {
    await lake.stop();
  });

  it('a replay refuses while a sync holds the target, leaving its events pending; it waits when asked', async () => {
    const config = await lake.freshConfig();
    await setOwner(lake, 'serialised');
    const runtime = lake.runtime(config);
    expect((await collectOnce(runtime)).staged).toBeGreaterThan(0);
    const sync = await acquireLease(runtime.leases, { target: TARGET, runId: 'sync-run', command: 'sync' });
    const replay = (waitMs: number) =>
      replayPending({ runtime, table: eventTableOf(runtime), config: replayConfigOf(config), waitMs });

    lake.cloud.stats.reset();
    const refused = await replay(0).catch((error: unknown) => error);
    expect(isLakemirrorError(refused, 'lease.held')).toBe(true);
    expect((refused as Error).message).toContain('sync run sync-run');
    expect(writeCalls(lake.cloud, TARGET)).toEqual({});

    // Waiting: nothing is written to the target until the sync releases its lease.
    const waiting = replay(60_000);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(writeCalls(lake.cloud, TARGET)).toEqual({});
    await sync.release();
    const report = await waiting;
    expect(report.objects.failed).toBe(0);
    expect(writeCalls(lake.cloud, TARGET)['glue:UpdateTable']).toBe(1);
    const table = await lake.target.glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'orders' }));
    expect(table.Table?.Parameters?.owner).toBe('serialised');
  });
});
