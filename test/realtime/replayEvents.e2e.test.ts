import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateDatabaseCommand,
  GetDatabaseCommand,
  GetTableCommand,
  UpdateDatabaseCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-glue';
import { GrantPermissionsCommand, ListPermissionsCommand } from '@aws-sdk/client-lakeformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { runOnce } from '../../src/realtime/index.ts';
import { writeCalls } from '../support/localCloud.ts';
import {
  ACCOUNT,
  type RealtimeLake,
  roleArn,
  SOURCE,
  startRealtimeLake,
  TARGET,
} from './support/realtimeLake.ts';
import { recordEvent } from './support/recordEvents.ts';

const describeDatabase = (lake: RealtimeLake, side: 'source' | 'target', name: string) =>
  lake[side].glue.send(new GetDatabaseCommand({ Name: name })).then((r) => r.Database?.Description);

describe('real-time replay: what CloudTrail delivers, leaves out or delivers late', () => {
  let lake: RealtimeLake;
  beforeAll(async () => {
    lake = await startRealtimeLake();
  });
  afterAll(async () => {
    await lake.stop();
  });

  it('ignores failed calls, reads, other Regions and excluded databases', async () => {
    const config = await lake.freshConfig({ filters: { databases: { exclude: ['finance'] } } });
    const { glue } = lake.source;
    await expect(
      glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'sales' } })),
    ).rejects.toThrow();
    await glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'orders' }));
    await glue.send(
      new UpdateDatabaseCommand({
        Name: 'finance',
        DatabaseInput: { Name: 'finance', Description: 'excluded' },
      }),
    );
    // An event of another Region in this Region's history (as an organization trail can show).
    recordEvent(lake.cloud, {
      service: 'glue',
      operation: 'UpdateTable',
      input: { DatabaseName: 'sales', TableInput: { Name: 'orders' } },
      atMs: Date.now(),
    });
    const stored = lake.cloud.trail.list(ACCOUNT, SOURCE).at(-1)!;
    (stored as { document: string }).document = stored.document.replace(
      `"awsRegion":"${SOURCE}"`,
      '"awsRegion":"eu-west-1"',
    );

    lake.cloud.stats.reset();
    const { collect, replay } = await runOnce(lake.runtime(config));
    expect(collect.staged).toBe(0);
    expect(collect.rejected).toMatchObject({ error: 1, otherRegion: 1, filtered: 1 });
    expect(collect.rejected.readOnly).toBeGreaterThanOrEqual(1);
    expect(replay.events.read).toBe(0);
    expect(writeCalls(lake.cloud, TARGET)).toEqual({});
    expect(await describeDatabase(lake, 'target', 'finance')).not.toBe('excluded');
  });

  it('converges when CloudTrail omitted the request parameters, by reconciling broadly', async () => {
    const config = await lake.freshConfig();
    const { glue, lakeFormation: lf } = lake.source;
    lake.cloud.trail.settings.requestParametersLimitBytes = 5;
    try {
      const table = (await glue.send(new GetTableCommand({ DatabaseName: 'marketing', Name: 'campaigns' })))
        .Table!;
      await glue.send(
        new UpdateTableCommand({
          DatabaseName: 'marketing',
          TableInput: {
            Name: 'campaigns',
            StorageDescriptor: table.StorageDescriptor,
            Parameters: { ...table.Parameters, owner: 'omitted' },
          },
        }),
      );
      await lf.send(
        new GrantPermissionsCommand({
          Principal: { DataLakePrincipalIdentifier: roleArn('auditor') },
          Resource: { Table: { DatabaseName: 'marketing', Name: 'campaigns' } },
          Permissions: ['DESCRIBE'],
        }),
      );
    } finally {
      lake.cloud.trail.settings.requestParametersLimitBytes = 100 * 1024;
    }
    const { collect, replay } = await runOnce(lake.runtime(config));
    expect(collect.staged).toBe(2);
    expect(replay.failures).toEqual([]);
    expect(replay.events).toMatchObject({ read: 2, applied: 2 });
    expect(replay.objects.reconciled).toBe(1);
    const grants = await lake.target.lakeFormation.send(
      new ListPermissionsCommand({ Resource: { Table: { DatabaseName: 'marketing', Name: 'campaigns' } } }),
    );
    expect(
      grants.PrincipalResourcePermissions?.map((p) => p.Principal?.DataLakePrincipalIdentifier),
    ).toContain(roleArn('auditor'));
    expect((await lake.verify(config)).inSync).toBe(true);
  });

  it('catches an event delivered late through the overlap, repeating run-once until the window covers it', async () => {
    const config = await lake.freshConfig();
    lake.cloud.trail.settings.deliveryDelayMs = 2_000;
    try {
      await lake.source.glue.send(
        new UpdateDatabaseCommand({
          Name: 'marketing',
          DatabaseInput: { Name: 'marketing', Description: 'late' },
        }),
      );
      const runtime = lake.runtime(config);
      const first = await runOnce(runtime);
      expect(first.collect).toMatchObject({ staged: 0, checkpoint: { advanced: true } });
      let applied = 0;
      for (let run = 0; applied === 0 && run < 10; run++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        applied += (await runOnce(runtime)).replay.events.applied;
      }
      expect(applied).toBe(1);
    } finally {
      lake.cloud.trail.settings.deliveryDelayMs = 0;
    }
    expect(await describeDatabase(lake, 'target', 'marketing')).toBe('late');
  });

  it('watch runs run-once every interval until stopped', async () => {
    const config = await lake.freshConfig();
    await lake.source.glue.send(
      new UpdateDatabaseCommand({ Name: 'sales', DatabaseInput: { Name: 'sales', Description: 'watched' } }),
    );
    const file = join(config.snapshots.uri, 'watch.json');
    writeFileSync(file, JSON.stringify(config));
    const stop = new AbortController();
    const reports: Array<{ replay: { events: { applied: number } } }> = [];
    const progress: string[] = [];
    const host = {
      out: (line: string) => {
        reports.push(JSON.parse(line));
        if (reports.length === 2) stop.abort();
      },
      err: (line: string) => progress.push(line),
      stop: stop.signal,
    };
    const args = ['node', 'lakemirror', 'realtime', 'watch', '--interval', '1s', '--json', '--config', file];
    expect(await main(args, host)).toBe(0);
    expect(reports.map((r) => r.replay.events.applied)).toEqual([1, 0]);
    expect(await describeDatabase(lake, 'target', 'sales')).toBe('watched');
    // Paging CloudTrail shows its counts (stderr; stdout holds the JSON reports only).
    expect(progress.join('\n')).toMatch(/collect us-east-1 · pages \d+ · events \d+ · staged \d+/);
  });
});
