import { readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileSnapshotStore } from '../../src/aws/fileSnapshotStore.ts';
import { createRuntime, runSync } from '../../src/ondemand/index.ts';
import { demoConfig, startSeededCloud } from '../support/demoSync.ts';

describe('no snapshot temp files of dead runs', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startSeededCloud();
  });
  afterAll(() => cloud.stop());

  it('the next sync removes the temp file a killed run left, but not one a live writer is writing', async () => {
    const config = demoConfig(cloud);
    const dir = config.snapshots.uri;
    // A run killed mid-snapshot: its writer never closes nor aborts (kill -9 runs no cleanup).
    const dead = await new FileSnapshotStore(dir).openWriter('dead-run.json');
    await dead.writeLine('{"half":"written"}');
    const [deadTemp] = readdirSync(dir).filter((name) => name.endsWith('.tmp'));
    expect(deadTemp).toBeDefined();
    const longAgo = new Date(Date.now() - 10 * 60_000);
    utimesSync(join(dir, deadTemp!), longAgo, longAgo);
    const live = await new FileSnapshotStore(dir).openWriter('live-run.json');

    const report = await runSync(createRuntime(config));

    expect(report.targets[0]!.error).toBeUndefined();
    const temps = readdirSync(dir).filter((name) => name.endsWith('.tmp'));
    expect(temps).toHaveLength(1);
    expect(temps[0]).toContain('live-run.json');
    await live.abort();
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
