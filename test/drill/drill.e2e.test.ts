import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GetDatabasesCommand, GetTableCommand, UpdateTableCommand } from '@aws-sdk/client-glue';
import { CreateRoleCommand, DeleteRoleCommand } from '@aws-sdk/client-iam';
import { GrantPermissionsCommand } from '@aws-sdk/client-lakeformation';
import { DeleteObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { LocalCloud } from '@lakemirror/localcloud';
import { demoTrustPolicy } from '@lakemirror/localcloud';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients } from '../../src/aws/clientFactory.ts';
import { dynamoDb as dynamoDbClient } from '../../src/aws/clients/dynamoDb.ts';
import type { LakemirrorConfig } from '../../src/config/configSchema.ts';
import { type DrillOptions, runDrill } from '../../src/drill/index.ts';
import { renderDrillSummary } from '../../src/drill/summary.ts';
import { createRuntime, runSync } from '../../src/ondemand/index.ts';
import { createEventTable } from '../../src/realtime/eventTable/createEventTable.ts';
import { EventTable } from '../../src/realtime/eventTable/eventTable.ts';
import { toEventItems } from '../../src/realtime/eventTable/items.ts';
import { newCursor } from '../../src/realtime/reconcile/cursor.ts';
import { renderDrillHtml } from '../../src/report/html/renderDrillPage.ts';
import { type DrillReport, parseReport } from '../../src/report/reportTypes.ts';
import { cli } from '../support/cli.ts';
import { demoConfig, seedDemo } from '../support/demoSync.ts';
import { clientsFor, startTestCloud } from '../support/localCloud.ts';
import { replicateDemoData, TARGET_BUCKET } from './support.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `Skipping the drill page browser test: no Chromium at ${CHROMIUM}. ` +
      'Install it with `apt-get update && apt-get install -y chromium` (or set CHROMIUM_PATH).',
  );
}

const ACCOUNT = '123456789012';
const options: DrillOptions = { runtimeFor: (config) => createRuntime(config) };

/** A drill as the CLI runs it, optionally `minutes` in the future (so pending changes have an age). */
function drill(config: LakemirrorConfig, minutes = 0): Promise<DrillReport> {
  const now = () => new Date(Date.now() + minutes * 60_000);
  return runDrill(createRuntime(config, { now }), { runtimeFor: (c) => createRuntime(c, { now }) });
}

const check = (report: DrillReport, name: string) => report.checks.find((c) => c.name.includes(name));

describe('drill on the demo lake', () => {
  let cloud: LocalCloud;
  let config: LakemirrorConfig;
  beforeAll(async () => {
    cloud = await startTestCloud();
    await seedDemo(cloud);
    await replicateDemoData(cloud);
    config = demoConfig(cloud);
    const synced = await runSync(createRuntime(config));
    expect(synced.targets[0]!.failures).toEqual([]);
  });
  afterAll(async () => {
    await cloud?.stop();
  });

  it('passes when the target is in sync, measures RTO and leaves the scratch Region empty', async () => {
    const report = await runDrill(createRuntime(config), options);

    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report.verdict).toBe('pass');
    expect(report.targets.map((t) => t.inSync)).toEqual([true]);
    expect(report.rpo).toEqual({ minutes: null, status: 'pass' });
    expect(report.rto.status).toBe('pass');
    expect(report.rto.scratchTarget).toBe(`us-east-2 (${ACCOUNT})`);
    expect(report.rto.restoredObjects).toBeGreaterThan(500);
    expect(report.rto.minutes).toBeGreaterThanOrEqual(0);
    expect(report.checks.map((c) => [c.name, c.status])).toEqual([
      ['Restore of the latest snapshot into us-east-2', 'pass'],
      ['Scratch Region us-east-2 cleaned up', 'pass'],
      ['us-west-2: table data exists in S3', 'pass'],
      ['us-west-2: grant principals exist in IAM', 'pass'],
      ['us-west-2: resource links resolve', 'pass'],
    ]);
    expect(report.lagHistory).toEqual([]);
    expect(parseReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
    const scratch = await clientsFor(cloud, 'us-east-2').glue.send(new GetDatabasesCommand({}));
    expect(scratch.DatabaseList).toEqual([]);
  });

  it('--failover rehearses a soft failover into the scratch Region, times each step, leaves it empty', async () => {
    const report = await runDrill(createRuntime(config), { ...options, failover: true });

    expect(report.rto.failover?.steps.map((s) => s.name)).toEqual([
      'stop-replication',
      'verify',
      'base-snapshot',
      'rewrite-links',
      'reversed-config',
    ]);
    expect(report.rto.failover!.minutes).toBeGreaterThanOrEqual(report.rto.minutes);
    expect(parseReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
    expect(renderDrillHtml(report)).toContain('data-testid="card-failover-rto"');
    const scratch = await clientsFor(cloud, 'us-east-2').glue.send(new GetDatabasesCommand({}));
    expect(scratch.DatabaseList).toEqual([]);
    // The real target keeps replicating: the rehearsal left no stop marker for it.
    expect(existsSync(join(config.snapshots.uri, 'leases', 'us-west-2.replication-stopped.json'))).toBe(
      false,
    );
    expect(existsSync(join(config.snapshots.uri, 'leases', 'us-east-2.replication-stopped.json'))).toBe(
      false,
    );
  });

  it('RPO is the oldest unapplied change known; an old watermark is shown apart as a bound and fails nothing', async () => {
    // A reconcile every 60 minutes: the last full cycle started 135 minutes ago, while nothing is pending
    // and the copy is fresh (the checkpoint is a minute old).
    const own = { ...config, realtime: { ...config.realtime, eventTable: 'lakemirror-drill-watermark' } };
    const { dynamoDb } = createAwsClients(
      { region: 'us-east-1', endpoint: cloud.endpoint },
      { dynamoDb: dynamoDbClient },
    );
    await createEventTable(dynamoDb, own.realtime.eventTable);
    const table = new EventTable(dynamoDb, own.realtime.eventTable);
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    await table.advanceCheckpoint('us-east-1', 0, ago(1));
    await table.writeReconcileCursor('us-east-1', {
      ...newCursor(ago(15)),
      lastFullAt: ago(135).toISOString(),
    });

    const report = await drill(own);

    expect(report.rpo.minutes).toBeNull();
    expect(report.rpo.status).toBe('pass');
    expect(report.rpo.watermark).toMatchObject({ boundBy: 'full reconcile' });
    expect(report.rpo.watermark!.minutes).toBeGreaterThanOrEqual(135);
    expect(report.rpo.watermark!.minutes).toBeGreaterThan(config.drill.maxRpoMinutes);
    const summary = renderDrillSummary(report);
    expect(summary).toMatch(/ok {3}RPO none pending/);
    expect(summary).toMatch(/watermark bound 2 h 1\d min \(by full reconcile\).*an upper bound, not the RPO/);
    expect(renderDrillHtml(report)).toMatch(/watermark bound \(not the RPO\): [^<]+, by full reconcile/);
  });

  it('fails a usability check for a grant to a deleted role and for a missing S3 prefix', async () => {
    const { iam, lakeFormation } = clientsFor(cloud, 'us-east-1');
    await iam.send(
      new CreateRoleCommand({ RoleName: 'temp-analyst', AssumeRolePolicyDocument: demoTrustPolicy(ACCOUNT) }),
    );
    await lakeFormation.send(
      new GrantPermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: `arn:aws:iam::${ACCOUNT}:role/temp-analyst` },
        Resource: { Database: { Name: 'marketing' } },
        Permissions: ['DESCRIBE'],
      }),
    );
    await runSync(createRuntime(config));
    await iam.send(new DeleteRoleCommand({ RoleName: 'temp-analyst' }));
    const { s3 } = clientsFor(cloud, 'us-west-2');
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: TARGET_BUCKET, Prefix: 'marketing/campaigns/' }),
    );
    for (const object of listed.Contents ?? [])
      await s3.send(new DeleteObjectCommand({ Bucket: TARGET_BUCKET, Key: object.Key! }));

    const report = await runDrill(createRuntime(config), options);

    expect(report.targets[0]!.inSync).toBe(true);
    expect(report.verdict).toBe('fail');
    const principals = check(report, 'grant principals')!;
    expect(principals.status).toBe('fail');
    expect(principals.failures).toEqual([
      `arn:aws:iam::${ACCOUNT}:role/temp-analyst: role temp-analyst does not exist in IAM (1 grant, e.g. DESCRIBE on database:marketing)`,
    ]);
    expect(principals.fix).toMatch(/recreate the missing roles/);
    const s3Check = check(report, 'table data exists in S3')!;
    expect(s3Check.status).toBe('fail');
    expect(s3Check.failures).toEqual([
      `marketing.campaigns: s3://${TARGET_BUCKET}/marketing/campaigns — no objects under this prefix`,
    ]);
    expect(s3Check.fix).toMatch(/aws s3 sync/);
    // The latest snapshot still grants to the deleted role, so restoring it fails for that grant alone.
    const restore = check(report, 'Restore of the latest snapshot')!;
    expect(restore.status).toBe('fail');
    expect(restore.failures).toEqual([
      expect.stringMatching(/^grant arn:aws:iam::123456789012:role\/temp-analyst\|database:marketing: /),
    ]);
    expect(check(report, 'cleaned up')!.status).toBe('pass');
    expect(report.rto.status).toBe('pass');
  });

  it('fails with the changed table in the drift rows and a positive RPO after an unsynced change', async () => {
    const { glue } = clientsFor(cloud, 'us-east-1');
    const { Table } = await glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'customers' }));
    const columns = Table!.StorageDescriptor!.Columns!.map((c) =>
      c.Name === 'country' ? { ...c, Type: 'varchar(2)' } : c,
    );
    await glue.send(
      new UpdateTableCommand({
        DatabaseName: 'sales',
        TableInput: {
          Name: 'customers',
          StorageDescriptor: { ...Table!.StorageDescriptor, Columns: columns },
          PartitionKeys: Table!.PartitionKeys,
          TableType: Table!.TableType,
          Parameters: Table!.Parameters,
        },
      }),
    );

    const report = await drill(config, 20);

    expect(report.verdict).toBe('fail');
    const rows = report.targets[0]!.drift;
    expect(rows.map((r) => [r.kind, r.key, r.op])).toEqual([['table', 'sales.customers', 'update']]);
    expect(rows[0]!.changes).toEqual([
      { path: 'StorageDescriptor.Columns[4].Type', before: 'string', after: 'varchar(2)' },
    ]);
    expect(report.rpo.minutes).toBeGreaterThan(19);
    expect(report.rpo.status).toBe('fail');
    expect(report.rpo.oldestPendingChange).toMatchObject({
      eventName: 'UpdateTable',
      object: 'table sales.customers',
    });

    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(join(ARTIFACTS, 'drill-demo-fail.json'), JSON.stringify(report, null, 2));
    if (!hasChromium) return;
    const file = join(ARTIFACTS, 'drill-demo-fail.html');
    await writeFile(file, renderDrillHtml(report), 'utf8');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      await page.goto(pathToFileURL(file).href);
      await expect(page.getByTestId('verdict').textContent()).resolves.toBe('FAIL');
      const row = page
        .getByTestId('drift-row')
        .filter({ has: page.getByRole('cell', { name: 'sales.customers', exact: true }) });
      await expect(row.count()).resolves.toBe(1);
      expect(await row.textContent()).toMatch(
        /StorageDescriptor\.Columns\[4\]\.Type: "string"\s*→\s*"varchar\(2\)"/,
      );
      await page.screenshot({ path: join(ARTIFACTS, 'drill-demo-fail.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });

  it('takes RPO from the oldest pending event and the lag chart from applied events', async () => {
    const { dynamoDb } = createAwsClients(
      { region: 'us-east-1', endpoint: cloud.endpoint },
      { dynamoDb: dynamoDbClient },
    );
    await createEventTable(dynamoDb, config.realtime.eventTable);
    const table = new EventTable(dynamoDb, config.realtime.eventTable);
    const now = Date.now();
    const ago = (minutes: number) => new Date(now - minutes * 60_000);
    const stage = async (eventId: string, minutesAgo: number, tableName: string) => {
      const [item] = toEventItems(
        {
          eventId,
          eventTime: ago(minutesAgo).toISOString(),
          eventName: 'UpdateTable',
          eventSource: 'glue.amazonaws.com',
          region: 'us-east-1',
          accountId: ACCOUNT,
          objects: [{ kind: 'table', database: 'sales', table: tableName }],
        },
        { stagedAt: ago(minutesAgo), retentionDays: 14 },
      );
      await table.putEventIfAbsent(item!);
      return item!;
    };
    await table.markApplied(await stage('e-applied-1', 50, 'orders'), ago(48));
    await table.markApplied(await stage('e-applied-2', 40, 'returns'), ago(35));
    // Superseded: stores was replayed (re-read) after this change, so it is not pending in substance.
    await stage('e-superseded', 45, 'stores');
    await table.markApplied(await stage('e-applied-3', 44, 'stores'), ago(43));
    await stage('e-pending', 30, 'products');
    await table.advanceCheckpoint('us-east-1', 0, ago(5));
    await table.writeReconcileCursor('us-east-1', {
      ...newCursor(ago(10)),
      lastFullAt: ago(70).toISOString(),
    });

    const report = await drill(config);

    expect(report.rpo.oldestPendingChange).toEqual({
      eventTime: ago(30).toISOString(),
      eventName: 'UpdateTable',
      object: 'table:sales.products',
    });
    expect(report.rpo.minutes).toBeGreaterThanOrEqual(30);
    expect(report.rpo.status).toBe('fail');
    // The watermark: the last full reconcile (70 min ago) comes before every open event and the checkpoint.
    expect(report.rpo.watermark).toMatchObject({ at: ago(70).toISOString(), boundBy: 'full reconcile' });
    expect(report.rpo.watermark?.minutes).toBeGreaterThanOrEqual(70);
    expect(report.lagHistory.map((s) => s.lagSeconds)).toEqual([120, 60, 300]); // by applied time: orders, stores, returns;
  });

  it('runs from the CLI: writes the page, prints the summary, exits 2 on a failed drill', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lakemirror-drill-cli-'));
    const file = join(dir, 'config.json');
    await writeFile(file, JSON.stringify({ ...config, $schema: undefined }));
    const { code, stdout, stderr } = await cli(['drill', '--config', file, '--out', join(dir, 'drill.html')]);

    expect(stderr).not.toMatch(/error:/);
    expect(code).toBe(2);
    expect(stdout).toMatch(/^DR drill: FAIL/);
    expect(stdout).toMatch(/table sales\.customers/);
    const page = await readFile(join(dir, 'drill.html'), 'utf8');
    expect(page).toMatch(/data-testid="verdict">FAIL</);
    expect((await cli(['drill', '--config', file, '--out', join(dir, 'drill.txt')])).code).toBe(1);
  });
});
