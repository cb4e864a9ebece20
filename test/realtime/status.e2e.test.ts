import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetDatabaseCommand, UpdateDatabaseCommand } from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusReport } from '../../src/realtime/index.ts';
import { cli } from '../support/cli.ts';
import { type RealtimeLake, startRealtimeLake, TARGET } from './support/realtimeLake.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const TEXT = 'changed, delivered after the overlap';

describe('lakemirror status: the watermark', () => {
  let lake: RealtimeLake;
  beforeAll(async () => {
    lake = await startRealtimeLake();
  });
  afterAll(async () => {
    await lake.stop();
  });

  it('does not pass a change CloudTrail delivers after the overlap until the change is in the target', async () => {
    // A 6-second reconcile cycle, no overlap, a 4-second delivery delay: the collector alone misses the change.
    const config = await lake.freshConfig({
      realtime: {
        overlapMinutes: 0,
        lookbackMinutes: 1,
        reconcile: { everyMinutes: 0.1, maxCallsPerRun: 500 },
      },
    });
    const file = join(config.snapshots.uri, 'lakemirror.json');
    writeFileSync(file, JSON.stringify(config));
    const runOnce = async () => expect((await cli(['realtime', 'run-once', '--config', file])).code).toBe(0);
    const status = async () => {
      const { code, stdout } = await cli(['status', '--config', file, '--json']);
      expect(code).toBe(0);
      return JSON.parse(stdout) as StatusReport;
    };
    const inTarget = async () =>
      (await lake.target.glue.send(new GetDatabaseCommand({ Name: 'marketing' }))).Database?.Description ===
      TEXT;

    expect((await status()).watermark).toMatchObject({ boundBy: 'no checkpoint' });
    await runOnce();
    await pause(6_500);
    await runOnce();
    const before = await status();
    expect(before.watermark.at).toBeDefined();
    expect(before.targets).toMatchObject([{ region: TARGET, watermark: before.watermark.at }]);
    expect(before.events).toMatchObject({ pending: { count: 0 }, held: { count: 0 }, failed: { count: 0 } });

    lake.cloud.trail.settings.deliveryDelayMs = 4_000;
    const changedAt = Date.now();
    try {
      await lake.source.glue.send(
        new UpdateDatabaseCommand({
          Name: 'marketing',
          DatabaseInput: { Name: 'marketing', Description: TEXT },
        }),
      );
      const seen: Array<{ applied: boolean; watermark: number }> = [];
      for (let run = 0; run < 40; run++) {
        const applied = await inTarget();
        const { watermark } = await status();
        seen.push({ applied, watermark: Date.parse(watermark.at ?? '1970-01-01T00:00:00Z') });
        if (applied && seen.at(-1)!.watermark > changedAt) break;
        await runOnce();
        await pause(700);
      }
      // While the target lacked the change, the watermark stayed before it; in the end it passed it.
      for (const { applied, watermark } of seen) if (!applied) expect(watermark).toBeLessThan(changedAt);
      expect(seen.some((s) => !s.applied)).toBe(true);
      expect(seen.at(-1)).toMatchObject({ applied: true });
      expect(seen.at(-1)!.watermark).toBeGreaterThan(changedAt);
    } finally {
      lake.cloud.trail.settings.deliveryDelayMs = 0;
    }
    const after = await status();
    expect(after.lastCollect).toBeDefined();
    expect(after.reconcile.lastFullAt).toBeDefined();
    expect(after.targets[0]?.lastReplay).toBeDefined();
    expect(after.lag.lookup.applied).toBeGreaterThan(0);
    const text = await cli(['status', '--config', file]);
    expect(text.stdout).toMatch(new RegExp(`${TARGET}: replicated through \\S+Z \\(age`));
  });
});
