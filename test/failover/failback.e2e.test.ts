import { readFile } from 'node:fs/promises';
import {
  BatchDeletePartitionCommand,
  CreateTableCommand,
  GetPartitionsCommand,
  GetTableCommand,
} from '@aws-sdk/client-glue';
import { GrantPermissionsCommand, ListPermissionsCommand } from '@aws-sdk/client-lakeformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LakemirrorConfig } from '../../src/config/configSchema.ts';
import { validateConfig } from '../../src/config/loadConfig.ts';
import { runFailback } from '../../src/failover/runFailback.ts';
import { runFailover } from '../../src/failover/runFailover.ts';
import { createRuntime } from '../../src/ondemand/index.ts';
import { setOwner, setOwnerIn } from '../lease/setOwner.ts';
import { type RealtimeLake, startRealtimeLake, TARGET } from '../realtime/support/realtimeLake.ts';
import { cli } from '../support/cli.ts';
import type { TestClients } from '../support/localCloud.ts';
import { reversedPath } from './support.ts';

const owner = async (clients: TestClients) =>
  (await clients.glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'orders' }))).Table?.Parameters
    ?.owner;

describe('failback', () => {
  let lake: RealtimeLake;
  let reversed: LakemirrorConfig;
  let droppedValues: string[];
  let grantee: string;
  let path: string;
  beforeAll(async () => {
    lake = await startRealtimeLake();
    const config = await lake.freshConfig();
    path = reversedPath();
    await runFailover(lake.runtime(config), { to: TARGET, mode: 'soft', reversedConfigPath: path });
    reversed = validateConfig(JSON.parse(await readFile(path, 'utf8')));

    // In the promoted Region: a new table, a dropped partition, a new grant.
    const { glue, lakeFormation } = lake.target;
    await glue.send(
      new CreateTableCommand({
        DatabaseName: 'sales',
        TableInput: { Name: 'made_in_dr', TableType: 'EXTERNAL_TABLE' },
      }),
    );
    const partitions = (
      await glue.send(new GetPartitionsCommand({ DatabaseName: 'sales', TableName: 'orders' }))
    ).Partitions!;
    droppedValues = partitions[0]!.Values!;
    await glue.send(
      new BatchDeletePartitionCommand({
        DatabaseName: 'sales',
        TableName: 'orders',
        PartitionsToDelete: [{ Values: droppedValues }],
      }),
    );
    const listed = await lakeFormation.send(new ListPermissionsCommand({}));
    grantee = listed.PrincipalResourcePermissions!.find((p) =>
      p.Principal?.DataLakePrincipalIdentifier?.startsWith('arn:aws:iam::'),
    )!.Principal!.DataLakePrincipalIdentifier!;
    await lakeFormation.send(
      new GrantPermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: grantee },
        Resource: { Table: { DatabaseName: 'sales', Name: 'made_in_dr' } },
        Permissions: ['SELECT'],
      }),
    );
    // On both sides: the same table changed differently. Only in the old source: a new table.
    await setOwnerIn(lake.target, 'promoted-side');
    await setOwner(lake, 'source-side');
    await lake.source.glue.send(
      new CreateTableCommand({
        DatabaseName: 'sales',
        TableInput: { Name: 'late_in_source', TableType: 'EXTERNAL_TABLE' },
      }),
    );
  });
  afterAll(async () => {
    await lake.stop();
  });

  it('brings the promoted changes home, reports the old-source-only change, keeps a conflict unapplied', async () => {
    const report = await runFailback(createRuntime(reversed), {});

    expect(report.onlyPromoted.map((i) => `${i.kind} ${i.key}`)).toEqual(
      expect.arrayContaining(['table sales.made_in_dr', expect.stringMatching(/^partition sales\.orders/)]),
    );
    expect(report.onlySource.map((i) => `${i.kind} ${i.key}`)).toContain('table sales.late_in_source');
    const conflict = report.conflicts.find((c) => c.key === 'sales.orders');
    expect(conflict?.resolved).toBeUndefined();
    expect(JSON.stringify(conflict?.promoted)).toContain('promoted-side');
    expect(JSON.stringify(conflict?.source)).toContain('source-side');

    const { glue, lakeFormation } = lake.source;
    expect(
      (await glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'made_in_dr' }))).Table?.Name,
    ).toBe('made_in_dr');
    const left = (
      await glue.send(new GetPartitionsCommand({ DatabaseName: 'sales', TableName: 'orders' }))
    ).Partitions!.map((p) => p.Values!.join('/'));
    expect(left).not.toContain(droppedValues.join('/'));
    expect(left.length).toBeGreaterThan(0);
    const grants = await lakeFormation.send(
      new ListPermissionsCommand({ Resource: { Table: { DatabaseName: 'sales', Name: 'made_in_dr' } } }),
    );
    expect(
      grants.PrincipalResourcePermissions?.some(
        (p) => p.Principal?.DataLakePrincipalIdentifier === grantee && p.Permissions?.includes('SELECT'),
      ),
    ).toBe(true);
    expect(await owner(lake.source)).toBe('source-side');
    expect(
      (await glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'late_in_source' }))).Table,
    ).toBeDefined();
  });

  it('--prefer promoted settles the conflict with the promoted version', async () => {
    const report = await runFailback(createRuntime(reversed), { prefer: 'promoted' });
    expect(report.conflicts.find((c) => c.key === 'sales.orders')?.resolved).toBe('promoted');
    expect(await owner(lake.source)).toBe('promoted-side');
  });

  it('the CLI prints the three-way plan with --dry-run and exits 2', async () => {
    const dry = await cli(['failback', '--config', path, '--dry-run']);
    expect(dry.code).toBe(2);
    expect(dry.stdout).toContain(`Failback ${TARGET} → us-east-1`);
    expect(dry.stdout).toContain('conflicts (kept unless --prefer): 0');
  });
});
