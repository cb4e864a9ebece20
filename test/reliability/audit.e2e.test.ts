import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteTableCommand, GetTableCommand, UpdateTableCommand } from '@aws-sdk/client-glue';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/audit/auditRecord.ts';
import { recordHash } from '../../src/audit/auditRecord.ts';
import type { SyncReport } from '../../src/engine/syncReport.ts';
import { parseSnapshotText } from '../../src/model/snapshotParser.ts';
import { readAudit, readAuditLines } from '../support/audit.ts';
import { cli } from '../support/cli.ts';
import { seedDemo } from '../support/demoSync.ts';
import { clientsFor, startTestCloud } from '../support/localCloud.ts';
import { demoConfigFile } from './support.ts';

function writesIn(report: SyncReport): number {
  return report.targets
    .flatMap((t) => Object.values(t.counts))
    .reduce((n, c) => n + c.created + c.updated + c.deleted + c.failed, 0);
}

describe('audit log', () => {
  let cloud: LocalCloud;
  let files: ReturnType<typeof demoConfigFile>;
  let sync: () => Promise<SyncReport>;
  const auditDir = () => join(files.dir, 'audit');
  beforeAll(async () => {
    cloud = await startTestCloud();
    await seedDemo(cloud);
    files = demoConfigFile(cloud, { deleteMissing: true });
    sync = async () => {
      const run = await cli(['sync', '--config', files.path, '--endpoint', cloud.endpoint, '--json']);
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout) as SyncReport;
    };
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('records every write of a sync exactly once, privately, and nothing for a sync with nothing to do', async () => {
    const report = await sync();
    const records = await readAudit(auditDir());
    expect(records).toHaveLength(writesIn(report));
    expect(new Set(records.map((r) => `${r.op} ${r.kind} ${r.object}`)).size).toBe(records.length);
    for (const record of records) {
      expect(record).toMatchObject({
        schemaVersion: 1,
        runId: report.runId,
        region: 'us-west-2',
        result: 'ok',
      });
      expect(record.principal).toMatch(/^arn:aws:(iam|sts)::123456789012:/);
      // Batch calls list their keys without hashes; single-object writes hash before and after.
      if (record.operation.startsWith('Batch')) expect(record.afterHash).toBeUndefined();
      else if (record.op === 'create') expect(record.beforeHash).toBeNull();
      else expect(record.beforeHash).toMatch(/^sha256:[0-9a-f]{64}$/);
      if (!record.operation.startsWith('Batch')) expect(record.afterHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
    // Stored: one intent and one outcome per write call; a batch call lists its partitions compactly.
    const lines = await readAuditLines(auditDir());
    const intents = lines.filter((l) => l.result === 'intent');
    expect(lines).toHaveLength(intents.length * 2);
    const outcomeCalls = new Set(lines.filter((l) => l.result !== 'intent').map((l) => l.call));
    for (const intent of intents) expect(outcomeCalls.has(intent.call)).toBe(true);
    const batch = intents.find((l) => l.operation === 'BatchCreatePartition')!;
    expect(batch.object).toMatch(/^\w+\.\w+$/);
    expect(batch.values!.length).toBeGreaterThan(1);
    expect(intents.filter((l) => l.operation === 'BatchCreatePartition').length).toBeLessThan(
      records.filter((r) => r.operation === 'BatchCreatePartition').length,
    );
    expect(records.find((r) => r.kind === 'table' && r.object === 'sales.orders')?.operation).toBe(
      'CreateTable',
    );
    expect(records.some((r) => r.operation === 'BatchCreatePartition')).toBe(true);
    expect(records.some((r) => r.operation === 'BatchGrantPermissions')).toBe(true);
    const [file] = readdirSync(auditDir());
    expect(file).toMatch(/^\d{4}-\d{2}-\d{2}\.jsonl$/);
    expect(statSync(join(auditDir(), file!)).mode & 0o777).toBe(0o600);

    const size = statSync(join(auditDir(), file!)).size;
    const again = await sync();
    expect(writesIn(again)).toBe(0);
    expect(statSync(join(auditDir(), file!)).size).toBe(size);
  });

  it('hashes the before and after records of updates and deletes, and lakemirror audit filters them', async () => {
    const { glue } = clientsFor(cloud, 'us-east-1');
    const products = (await glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'products' })))
      .Table!;
    await glue.send(
      new UpdateTableCommand({
        DatabaseName: 'sales',
        TableInput: {
          Name: 'products',
          TableType: products.TableType,
          Parameters: { ...products.Parameters, owner: 'someone-else' },
          StorageDescriptor: products.StorageDescriptor,
        },
      }),
    );
    await glue.send(new DeleteTableCommand({ DatabaseName: 'sales', Name: 'stores' }));
    const report = await sync();
    const mine = (await readAudit(auditDir())).filter((r) => r.runId === report.runId);
    expect(mine).toHaveLength(writesIn(report));
    const update = mine.find((r) => r.object === 'sales.products')!;
    expect(update).toMatchObject({ operation: 'UpdateTable', op: 'update' });
    const safety = parseSnapshotText(readFileSync(report.targets[0]!.safetySnapshot!, 'utf8'));
    const before = safety.records.find((r) => r.kind === 'table' && r.input.Name === 'products');
    expect(update.beforeHash).toBe(recordHash(before));
    expect(update.afterHash).not.toBe(update.beforeHash);
    const deleted = mine.find((r) => r.object === 'sales.stores')!;
    expect(deleted).toMatchObject({ operation: 'DeleteTable', afterHash: null });
    expect(deleted.beforeHash).toMatch(/^sha256:/);

    const listed = await cli([
      'audit',
      '--config',
      files.path,
      '--run',
      report.runId.slice(0, 8),
      '--op',
      'UpdateTable',
      '--since',
      '1h',
      '--json',
    ]);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).records.map((r: AuditRecord) => r.object)).toEqual(['sales.products']);
    const byGlob = await cli(['audit', '--config', files.path, '--object', 'sales.st*', '--op', 'delete']);
    expect(byGlob.stdout).toContain('DeleteTable');
    expect(byGlob.stdout).toContain('sales.stores');
    // A batch call's record lists its partitions: --object finds each one.
    const partitions = await cli(['audit', '--config', files.path, '--object', 'sales.orders/*', '--json']);
    const found = JSON.parse(partitions.stdout).records as AuditRecord[];
    expect(found.length).toBeGreaterThan(1);
    for (const entry of found)
      expect(entry).toMatchObject({ operation: 'BatchCreatePartition', result: 'ok' });
    expect(found.map((e) => e.object)).toContain(found[0]!.object);
    expect(found[0]!.object).toMatch(/^sales\.orders\/\[".*"\]$/);
    const failed = await cli(['audit', '--config', files.path, '--failed']);
    expect(failed.stdout).toContain('No matching writes');
    const badSince = await cli(['audit', '--config', files.path, '--since', 'yesterday']);
    expect(badSince.code).toBe(1);
    expect(badSince.stderr).toContain('fix:');
  });
});
