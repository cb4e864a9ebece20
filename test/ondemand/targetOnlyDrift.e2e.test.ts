import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BatchDeletePartitionCommand,
  GetDatabasesCommand,
  GetPartitionsCommand,
  GetTablesCommand,
} from '@aws-sdk/client-glue';
import { ListPermissionsCommand, RevokePermissionsCommand } from '@aws-sdk/client-lakeformation';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriftReport } from '../../src/report/reportTypes.ts';
import { cli } from '../support/cli.ts';
import { seedDemo } from '../support/demoSync.ts';
import { clientsFor, startTestCloud, type TestClients } from '../support/localCloud.ts';

const ANALYST = 'arn:aws:iam::123456789012:role/analyst';

/** Tables and partitions a Region holds, read with plain SDK calls. */
async function catalogCounts({ glue }: TestClients): Promise<{ table: number; partition: number }> {
  let table = 0;
  let partition = 0;
  const databases = (await glue.send(new GetDatabasesCommand({}))).DatabaseList ?? [];
  for (const db of databases) {
    const tables = (await glue.send(new GetTablesCommand({ DatabaseName: db.Name! }))).TableList ?? [];
    table += tables.length;
    for (const t of tables) {
      let token: string | undefined;
      do {
        const page = await glue.send(
          new GetPartitionsCommand({ DatabaseName: db.Name!, TableName: t.Name!, NextToken: token }),
        );
        partition += page.Partitions?.length ?? 0;
        token = page.NextToken;
      } while (token);
    }
  }
  return { table, partition };
}

async function analystOrdersPermissions({ lakeFormation }: TestClients): Promise<string[]> {
  const listed = await lakeFormation.send(
    new ListPermissionsCommand({
      Principal: { DataLakePrincipalIdentifier: ANALYST },
      Resource: { Table: { DatabaseName: 'sales', Name: 'orders' } },
    }),
  );
  return (listed.PrincipalResourcePermissions ?? []).flatMap((p) => p.Permissions ?? []).sort();
}

describe('verify reports objects only the target holds (deleteMissing: false)', () => {
  let cloud: LocalCloud;
  let config: string;
  beforeAll(async () => {
    cloud = await startTestCloud();
    await seedDemo(cloud);
    const dir = mkdtempSync(join(tmpdir(), 'lakemirror-target-only-'));
    config = join(dir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        source: { region: 'us-east-1' },
        targets: [{ region: 'us-west-2' }],
        s3Mapping: { 'lakemirror-demo-lake-use1': 'lakemirror-demo-lake-usw2' },
        snapshots: { uri: join(dir, 'snapshots') },
        audit: { uri: join(dir, 'audit') },
        localcloud: { endpoint: cloud.endpoint },
      }),
    );
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('exits 2 listing the revoked grant and the deleted partition; accepted with --ignore-target-only', async () => {
    // Prepare: a first sync, then in the source revoke SELECT on sales.orders and delete one partition.
    expect((await cli(['sync', '--config', config])).code).toBe(0);
    const source = clientsFor(cloud, 'us-east-1');
    const target = clientsFor(cloud, 'us-west-2');
    await source.lakeFormation.send(
      new RevokePermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: ANALYST },
        Resource: { Table: { DatabaseName: 'sales', Name: 'orders' } },
        Permissions: ['SELECT'],
      }),
    );
    const gone = (
      await source.glue.send(
        new GetPartitionsCommand({ DatabaseName: 'sales', TableName: 'orders', MaxResults: 1 }),
      )
    ).Partitions![0]!;
    await source.glue.send(
      new BatchDeletePartitionCommand({
        DatabaseName: 'sales',
        TableName: 'orders',
        PartitionsToDelete: [{ Values: gone.Values! }],
      }),
    );
    const synced = await cli(['sync', '--config', config]);
    expect(synced.code).toBe(0);
    expect(synced.stdout + synced.stderr).toMatch(/kept 2 objects only the target holds.*lakemirror verify/s);

    // Act: verify, then verify accepting target-only objects.
    const strict = await cli(['verify', '--config', config, '--json']);
    const lenient = await cli(['verify', '--config', config, '--json', '--ignore-target-only']);

    // Assess: exit codes, exactly the two target-only objects (grant first), and true counts per side.
    expect(strict.code).toBe(2);
    expect(lenient.code).toBe(0);
    const reportOf = (run: { stdout: string }) =>
      (JSON.parse(run.stdout) as { reports: DriftReport[] }).reports[0]!;
    const strictReport = reportOf(strict);
    const lenientReport = reportOf(lenient);
    const partitionKey = `sales.orders/${JSON.stringify(gone.Values)}`;
    expect(strictReport.drift.map((d) => [d.category, d.kind, d.key, d.accepted ?? false])).toEqual([
      ['onlyInTarget', 'grant', expect.stringContaining(ANALYST), false],
      ['onlyInTarget', 'partition', partitionKey, false],
    ]);
    expect(strictReport.drift[0]!.key).toContain('sales.orders');
    expect(strictReport.inSync).toBe(false);
    expect(lenientReport.inSync).toBe(true);
    expect(lenientReport.targetOnlyAccepted).toBe(true);
    expect(lenientReport.drift.map((d) => [d.kind, d.accepted])).toEqual([
      ['grant', true],
      ['partition', true],
    ]);
    expect(await analystOrdersPermissions(target)).toEqual(['DESCRIBE', 'SELECT']);
    expect(await analystOrdersPermissions(source)).toEqual(['DESCRIBE']);
    const [sourceCounts, targetCounts] = [await catalogCounts(source), await catalogCounts(target)];
    expect(targetCounts.partition).toBe(sourceCounts.partition + 1);
    for (const kind of ['table', 'partition'] as const) {
      expect(strictReport.countsByKind[kind]).toMatchObject({
        source: sourceCounts[kind],
        target: targetCounts[kind],
      });
    }
    expect(strictReport.countsByKind.partition).toMatchObject({ onlyInTarget: 1, missingInTarget: 0 });
    expect(strictReport.countsByKind.grant).toMatchObject({
      onlyInTarget: 1,
      missingInTarget: 0,
      different: 0,
    });
  });
});
