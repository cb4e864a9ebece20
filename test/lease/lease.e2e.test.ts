import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetTablesCommand } from '@aws-sdk/client-glue';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3LeaseStore } from '../../src/lease/s3LeaseStore.ts';
import { isLakemirrorError } from '../../src/model/errors.ts';
import { createRuntime, runSync } from '../../src/ondemand/index.ts';
import { cli } from '../support/cli.ts';
import { demoConfig, startSeededCloud } from '../support/demoSync.ts';
import { clientsFor, writeCalls } from '../support/localCloud.ts';

async function tableCount(cloud: LocalCloud, region: string, database: string): Promise<number> {
  const page = await clientsFor(cloud, region).glue.send(new GetTablesCommand({ DatabaseName: database }));
  return page.TableList?.length ?? 0;
}

describe('one writer per target (lease)', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startSeededCloud();
  });
  afterAll(() => cloud.stop());

  it('refuses a second concurrent sync at once, naming the first; the first applies each change once', async () => {
    const config = demoConfig(cloud, { targets: [{ region: 'us-west-2' }] });
    cloud.stats.reset();
    const [first, second] = await Promise.allSettled([
      runSync(createRuntime(config)),
      runSync(createRuntime(config)),
    ]);
    const settled = [first, second];
    const won = settled.find((s) => s.status === 'fulfilled');
    const refused = settled.find((s) => s.status === 'rejected');
    expect(won?.status).toBe('fulfilled');
    expect(refused?.status).toBe('rejected');
    if (won?.status !== 'fulfilled' || refused?.status !== 'rejected') return;
    const error = refused.reason as Error;
    expect(isLakemirrorError(error, 'lease.held')).toBe(true);
    expect(error.message).toContain(`sync run ${won.value.runId}`);
    expect((error as { fix?: string }).fix).toContain('lakemirror unlock --target us-west-2');
    const target = won.value.targets[0]!;
    expect(target.failures).toEqual([]);
    // Every table created exactly once: one CreateTable call per table the target now has.
    const tables =
      (await tableCount(cloud, 'us-west-2', 'sales')) + (await tableCount(cloud, 'us-west-2', 'marketing'));
    expect(writeCalls(cloud, 'us-west-2')['glue:CreateTable']).toBe(target.counts.table?.created);
    expect(target.counts.table?.created).toBeGreaterThanOrEqual(tables);
    // The lease is gone once the run ends; what the target has stays recorded beside it.
    // Left beside the leases: what the target has, and its replication state (kept in the target Region).
    expect(readdirSync(join(config.snapshots.uri, 'leases')).sort()).toEqual([
      'us-west-2.applied.json',
      'us-west-2.replication-state.json',
    ]);
  });

  it('a second sync with --wait waits for the first, then finds nothing left to do', async () => {
    const config = demoConfig(cloud, { targets: [{ region: 'eu-central-1' }] });
    cloud.stats.reset();
    const first = runSync(createRuntime(config));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = runSync(createRuntime(config), { lease: { command: 'sync', waitMs: 120_000 } });
    const [a, b] = await Promise.all([first, second]);
    expect(a.targets[0]!.status).toBe('applied');
    expect(b.targets[0]!.status).toBe('unchanged');
    expect(b.targets[0]!.failures).toEqual([]);
    expect(writeCalls(cloud, 'eu-central-1')['glue:CreateTable']).toBe(a.targets[0]!.counts.table?.created);
  });

  it('a dead holder: its expired lease is taken over; a live one is broken with unlock (audited)', async () => {
    const config = demoConfig(cloud, { targets: [{ region: 'us-west-2' }] });
    // A holder that died without releasing: its lease names it and expired a second ago.
    const dir = join(config.snapshots.uri, 'leases');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'us-west-2.json');
    const holder = (runId: string, expiresInMs: number) =>
      JSON.stringify({
        target: 'us-west-2',
        runId,
        command: 'sync',
        host: 'elsewhere',
        pid: 1,
        startedAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
      });
    writeFileSync(file, holder('dead-run', -1000));
    const proceeded = await runSync(createRuntime(config));
    expect(proceeded.targets[0]!.error).toBeUndefined();

    const path = join(config.snapshots.uri, '..', `cfg-${Date.now()}.json`);
    writeFileSync(path, JSON.stringify({ ...config, localcloud: { endpoint: cloud.endpoint } }));
    writeFileSync(file, holder('live-run', 3_600_000));
    const refused = await cli(['sync', '--config', path, '--endpoint', cloud.endpoint]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('live-run');
    expect(refused.stderr).toContain('lakemirror unlock --target us-west-2');
    const restore = await cli([
      'restore',
      '--config',
      path,
      '--endpoint',
      cloud.endpoint,
      '--snapshot',
      proceeded.snapshot.uri!,
      '--target',
      'us-west-2',
      '--force',
    ]);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('live-run');
    const unlocked = await cli([
      'unlock',
      '--config',
      path,
      '--endpoint',
      cloud.endpoint,
      '--target',
      'us-west-2',
    ]);
    expect(unlocked.code).toBe(0);
    expect(unlocked.stdout).toContain('live-run');
    const audit = await cli(['audit', '--config', path, '--op', 'Unlock', '--json']);
    const records = (JSON.parse(audit.stdout) as { records: Array<{ object: string; detail: string }> })
      .records;
    expect(records).toEqual([expect.objectContaining({ object: 'lease:us-west-2' })]);
    expect(records[0]!.detail).toContain('live-run');
    expect((await cli(['sync', '--config', path, '--endpoint', cloud.endpoint])).code).toBe(0);
  });

  it("the local cloud's S3 honours If-None-Match: of two racing creates exactly one wins (412 for the other)", async () => {
    const { s3 } = clientsFor(cloud, 'us-east-1');
    await s3.send(new CreateBucketCommand({ Bucket: 'lease-race' }));
    const store = new S3LeaseStore(s3, 'lease-race', 'snapshots/');
    const created = await Promise.all(Array.from({ length: 5 }, (_, i) => store.create('t.json', `w${i}`)));
    expect(created.filter(Boolean)).toHaveLength(1);
    const winner = created.indexOf(true);
    expect(await store.read('t.json')).toBe(`w${winner}`);
    await store.remove('t.json');
    expect(await store.create('t.json', 'again')).toBe(true);
  });
});
