import { readFile } from 'node:fs/promises';
import { GetDatabaseCommand, GetTableCommand } from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/loadConfig.ts';
import { runFailover } from '../../src/failover/runFailover.ts';
import { isLakemirrorError } from '../../src/model/errors.ts';
import { runSync } from '../../src/ondemand/index.ts';
import { collectOnce, replayOnce } from '../../src/realtime/index.ts';
import { setOwner } from '../lease/setOwner.ts';
import { type RealtimeLake, SOURCE, startRealtimeLake, TARGET } from '../realtime/support/realtimeLake.ts';
import { writeCalls } from '../support/localCloud.ts';
import { createSourceLinks, reversedPath } from './support.ts';

const ownerInTarget = async (lake: RealtimeLake) =>
  (await lake.target.glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'orders' }))).Table
    ?.Parameters?.owner;

describe('soft failover', () => {
  let lake: RealtimeLake;
  beforeAll(async () => {
    lake = await startRealtimeLake();
  });
  afterAll(async () => {
    await lake.stop();
  });

  it('drains the pending events, verifies, reports RPO 0, rewrites links and stops replication', async () => {
    const config = await lake.freshConfig();
    await createSourceLinks(lake, 'soft');
    await collectOnce(lake.runtime(config));
    await replayOnce(lake.runtime(config));
    // Changes not yet replayed when the failover starts: CloudTrail has them, the event table not yet.
    await setOwner(lake, 'pending-at-failover');
    expect(await ownerInTarget(lake)).not.toBe('pending-at-failover');
    const path = reversedPath();

    const report = await runFailover(lake.runtime(config), {
      to: TARGET,
      mode: 'soft',
      reversedConfigPath: path,
    });

    expect(report.promoted).toBe(true);
    expect(report.rpo).toMatchObject({ zero: true, boundMs: 0 });
    expect(report.steps.map((s) => s.name)).toEqual([
      'stop-replication',
      'stop-capture',
      'drain',
      'verify',
      'base-snapshot',
      'rewrite-links',
      'reversed-config',
    ]);
    expect(await ownerInTarget(lake)).toBe('pending-at-failover');
    const db = await lake.target.glue.send(new GetDatabaseCommand({ Name: 'sales_link_soft' }));
    expect(db.Database?.TargetDatabase?.Region).toBe(TARGET);
    const link = await lake.target.glue.send(
      new GetTableCommand({ DatabaseName: 'sales', Name: 'orders_link_soft' }),
    );
    expect(link.Table?.TargetTable).toMatchObject({ Region: TARGET, DatabaseName: 'sales', Name: 'orders' });
    const ghost = await lake.target.glue.send(new GetDatabaseCommand({ Name: 'ghost_link_soft' }));
    expect(ghost.Database?.TargetDatabase?.Region).toBe(SOURCE);
    expect(report.links.unrewritable).toEqual([
      { object: 'database ghost_link_soft', reason: expect.stringContaining('not_replicated_soft') },
    ]);

    // The reversed config: the promoted Region is the source, the old source the target, mappings inverted.
    const reversed = validateConfig(JSON.parse(await readFile(path, 'utf8')));
    expect(reversed.source.region).toBe(TARGET);
    expect(reversed.targets.map((t) => t.region)).toEqual([SOURCE]);
    expect(reversed.s3Mapping).toEqual({ 'lakemirror-demo-lake-usw2': 'lakemirror-demo-lake-use1' });
    expect(reversed.failover).toMatchObject({
      from: SOURCE,
      mode: 'soft',
      baseSnapshot: report.baseSnapshot,
    });

    // Replication into the promoted Region is stopped: a later replay does not write to it.
    await setOwner(lake, 'after-failover');
    await collectOnce(lake.runtime(config));
    lake.cloud.stats.reset();
    await replayOnce(lake.runtime(config));
    expect(writeCalls(lake.cloud, TARGET)).toEqual({});
    expect(await ownerInTarget(lake)).toBe('pending-at-failover');
  });

  it('refuses to promote while the target differs from the source, and promotes with --force', async () => {
    // The links the first failover rewrote now differ from the source's.
    const config = await lake.freshConfig();
    const path = reversedPath();
    const refused = await runFailover(lake.runtime(config), {
      to: TARGET,
      mode: 'soft',
      reversedConfigPath: path,
    }).catch((error: unknown) => error);
    expect(isLakemirrorError(refused, 'failover.notInSync')).toBe(true);
    expect((refused as Error).message).toContain('sales.orders_link_soft');
    await expect(readFile(path, 'utf8')).rejects.toThrow();

    const forced = await runFailover(lake.runtime(config), {
      to: TARGET,
      mode: 'soft',
      reversedConfigPath: path,
      force: true,
    });
    expect(forced.promoted).toBe(true);
    expect(forced.rpo.zero).toBe(false);
    expect(forced.steps.find((s) => s.name === 'verify')?.detail).toContain('promoted anyway');
  });

  it('a failover that crashed halfway finishes when run again, without redoing the steps done', async () => {
    const config = await lake.freshConfig();
    await runSync(lake.runtime(config));
    await setOwner(lake, 'before-crash');
    const path = reversedPath();
    const crashed = await runFailover(lake.runtime(config), {
      to: TARGET,
      mode: 'soft',
      reversedConfigPath: path,
      crashAfter: 'verify',
    }).catch((error: unknown) => error as Error);
    expect((crashed as Error).message).toContain('crashed after step verify');
    await expect(readFile(path, 'utf8')).rejects.toThrow();

    const rerun = await runFailover(lake.runtime(config), {
      to: TARGET,
      mode: 'soft',
      reversedConfigPath: path,
    });
    expect(rerun.steps.map((s) => [s.name, s.status])).toEqual([
      ['stop-replication', 'alreadyDone'],
      ['stop-capture', 'alreadyDone'],
      ['drain', 'alreadyDone'],
      ['verify', 'alreadyDone'],
      ['base-snapshot', 'done'],
      ['rewrite-links', 'done'],
      ['reversed-config', 'done'],
    ]);
    expect(rerun.promoted).toBe(true);
    expect(rerun.rpo.zero).toBe(true);
    expect(validateConfig(JSON.parse(await readFile(path, 'utf8'))).source.region).toBe(TARGET);
    expect(await ownerInTarget(lake)).toBe('before-crash');
  });

  it('--dry-run lists every step and changes nothing', async () => {
    const config = await lake.freshConfig();
    lake.cloud.stats.reset();
    const report = await runFailover(lake.runtime(config), {
      to: TARGET,
      mode: 'hard',
      reversedConfigPath: reversedPath(),
      dryRun: true,
    });
    expect(report.steps.every((s) => s.status === 'planned')).toBe(true);
    expect(report.steps.map((s) => s.name)).toContain('rewrite-links');
    expect(writeCalls(lake.cloud, TARGET)).toEqual({});
    expect(report.promoted).toBe(false);
  });
});
