import { readFileSync, writeFileSync } from 'node:fs';
import { DeleteRoleCommand } from '@aws-sdk/client-iam';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_SCHEMA_VERSION } from '../../src/model/snapshotFormat.ts';
import { createRuntime, runSnapshot, runSync, runVerify, syncExitCode } from '../../src/ondemand/index.ts';
import { demoConfig, seedDemo } from '../support/demoSync.ts';
import { clientsFor, startTestCloud, writeCalls } from '../support/localCloud.ts';

describe('bad snapshots, faults and unknown principals', () => {
  let cloud: LocalCloud;
  let snapshotText: string;
  let snapshotPath: string;
  beforeAll(async () => {
    cloud = await startTestCloud();
    await seedDemo(cloud);
    const taken = await runSnapshot(createRuntime(demoConfig(cloud)));
    snapshotPath = taken.uri;
    snapshotText = readFileSync(snapshotPath, 'utf8');
  });
  afterAll(async () => {
    await cloud.stop();
  });

  const corruptions: Array<[string, (text: string) => string, string]> = [
    ['truncated', (t) => t.slice(0, Math.floor(t.length / 2)), 'snapshot.truncated'],
    [
      'wrong schemaVersion',
      (t) => t.replace(`"schemaVersion":${SNAPSHOT_SCHEMA_VERSION}`, '"schemaVersion":99'),
      'snapshot.schemaVersion',
    ],
    ['edited record (hash mismatch)', (t) => t.replace('"orders"', '"orderz"'), 'snapshot.hashMismatch'],
    ['not JSON', () => 'hello\n', 'snapshot.malformed'],
  ];
  it.each(corruptions)('rejects a %s snapshot before writing anything', async (_name, corrupt, code) => {
    const path = `${snapshotPath}.bad.json`;
    writeFileSync(path, corrupt(snapshotText));
    cloud.stats.reset();
    const config = demoConfig(cloud, { targets: [{ region: 'ca-central-1' }] });
    await expect(runSync(createRuntime(config), { snapshotUri: path })).rejects.toMatchObject({ code });
    expect(writeCalls(cloud, 'ca-central-1')).toEqual({});
  });

  it('rides through throttling and server errors of the target and converges', async () => {
    cloud.faults.update({ throttleRps: 20, faultRate: 0.05 });
    try {
      const config = demoConfig(cloud, { targets: [{ region: 'sa-east-1' }] });
      const report = await runSync(createRuntime(config));
      expect(report.targets[0]!.failures).toEqual([]);
      expect(cloud.stats.snapshot().throttled + cloud.stats.snapshot().faulted).toBeGreaterThan(0);
      cloud.faults.update({ throttleRps: 0, faultRate: 0 });
      expect((await runVerify(createRuntime(config))).inSync).toBe(true);
    } finally {
      cloud.faults.update({ throttleRps: 0, faultRate: 0 });
    }
  });

  it('reports a grant whose principal the target does not know, and applies everything else', async () => {
    await clientsFor(cloud).iam.send(new DeleteRoleCommand({ RoleName: 'auditor' }));
    const config = demoConfig(cloud, { targets: [{ region: 'eu-north-1' }] });
    const report = await runSync(createRuntime(config));
    const target = report.targets[0]!;
    expect(target.status).toBe('partial');
    expect(syncExitCode(report)).toBe(3);
    expect(target.failures.length).toBeGreaterThan(0);
    for (const failure of target.failures) {
      expect(failure.key).toContain('role/auditor');
      expect(failure.error?.message).toMatch(/principal/i);
    }
    expect(target.counts.table?.created).toBeGreaterThan(15);
  });
});
