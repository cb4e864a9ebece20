import { GetTableCommand } from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLakemirrorError } from '../../src/model/errors.ts';
import { runSync } from '../../src/ondemand/index.ts';
import { collectOnce, replayOnce } from '../../src/realtime/index.ts';
import { type RealtimeLake, startRealtimeLake } from '../realtime/support/realtimeLake.ts';
import { setOwner } from './setOwner.ts';

describe('no apply older than what the target has', () => {
  let lake: RealtimeLake;
  beforeAll(async () => {
    lake = await startRealtimeLake();
  });
  afterAll(async () => {
    await lake.stop();
  });

  it('refuses an older snapshot after real-time applied newer state, unless --force', async () => {
    const config = await lake.freshConfig();
    const runtime = lake.runtime(config);
    await setOwner(lake, 'B');
    // the snapshot with m=B, kept (a plan keeps none unless asked), not applied
    const older = await runSync(runtime, { dryRun: true, keepSnapshot: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await setOwner(lake, 'C');
    await collectOnce(runtime);
    expect((await replayOnce(runtime)).objects.reconciled).toBeGreaterThan(0);
    const owner = async () =>
      (await lake.target.glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'orders' }))).Table
        ?.Parameters?.owner;
    expect(await owner()).toBe('C');

    const refused = await runSync(lake.runtime(config), { snapshotUri: older.snapshot.uri! }).catch(
      (e: unknown) => e,
    );
    expect(isLakemirrorError(refused, 'sync.staleSnapshot')).toBe(true);
    expect((refused as Error).message).toContain('real-time replay');
    expect(await owner()).toBe('C');

    const forced = await runSync(lake.runtime(config), { snapshotUri: older.snapshot.uri!, force: true });
    expect(forced.targets[0]!.error).toBeUndefined();
    expect(await owner()).toBe('B');
  });
});
