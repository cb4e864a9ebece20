import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetTableCommand, type Table, UpdateTableCommand } from '@aws-sdk/client-glue';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAuditLog } from '../../src/audit/fileAuditLog.ts';
import { writeJournal } from '../../src/audit/writeJournal.ts';
import { applyCatalogAction } from '../../src/engine/apply/applyCatalogActions.ts';
import { createRuntime } from '../../src/engine/createRuntime.ts';
import type { RegionSide } from '../../src/engine/regionSide.ts';
import { canonicalTable } from '../../src/model/canonicalGlue.ts';
import type { TableRecord } from '../../src/model/records.ts';
import { demoConfigFile } from '../reliability/support.ts';
import { readAuditLines } from '../support/audit.ts';
import { cli } from '../support/cli.ts';
import { seedDemo } from '../support/demoSync.ts';
import { clientsFor, failure, startTestCloud } from '../support/localCloud.ts';

const TARGET = 'us-west-2';

describe('table updates pass the VersionId read from the target', () => {
  let cloud: LocalCloud;
  let files: ReturnType<typeof demoConfigFile>;
  const glue = () => clientsFor(cloud, TARGET).glue;
  const getOrders = async () =>
    (await glue().send(new GetTableCommand({ DatabaseName: 'sales', Name: 'orders' }))).Table!;
  /** Another writer sets the table's `owner` parameter. */
  const otherWriter = async (owner: string) => {
    const table = await getOrders();
    await glue().send(
      new UpdateTableCommand({
        DatabaseName: 'sales',
        TableInput: {
          Name: table.Name,
          TableType: table.TableType,
          Parameters: { ...table.Parameters, owner },
          StorageDescriptor: table.StorageDescriptor,
          PartitionKeys: table.PartitionKeys,
        },
      }),
    );
  };
  const withOwner = (table: Table, owner: string): TableRecord => {
    const record = canonicalTable(table);
    return { ...record, input: { ...record.input, Parameters: { ...record.input.Parameters, owner } } };
  };
  /** The target side with an audit journal, and the lakemirror UpdateTable events from here on. */
  const openSide = async () => {
    const runtime = createRuntime(files.config);
    const side = await runtime.target(files.config.targets[0]!);
    const audit = join(mkdtempSync(join(tmpdir(), 'lakemirror-version-')), 'audit.jsonl');
    const journaled: RegionSide = {
      ...side,
      journal: writeJournal(fileAuditLog(audit), side, 'run-version'),
    };
    let from = cloud.trail.list('123456789012', TARGET).length;
    /** Counts lakemirror's calls from here on (after the other writer's). */
    const mark = () => {
      from = cloud.trail.list('123456789012', TARGET).length;
    };
    const updates = () =>
      cloud.trail
        .list('123456789012', TARGET)
        .slice(from)
        .filter((e) => e.eventName === 'UpdateTable')
        .map(
          (e) => JSON.parse(e.document) as { errorCode?: string; requestParameters: { versionId?: string } },
        );
    return { side: journaled, audit, updates, mark };
  };

  beforeAll(async () => {
    cloud = await startTestCloud();
    await seedDemo(cloud);
    files = demoConfigFile(cloud);
    expect((await cli(['sync', '--config', files.path, '--endpoint', cloud.endpoint])).code).toBe(0);
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('the local cloud refuses a stale VersionId with ConcurrentModificationException', async () => {
    const { VersionId } = await getOrders();
    await otherWriter('A');
    const table = await getOrders();
    const error = await failure(
      glue().send(
        new UpdateTableCommand({
          DatabaseName: 'sales',
          VersionId,
          TableInput: { Name: 'orders', StorageDescriptor: table.StorageDescriptor },
        }),
      ),
    );
    expect(error.name).toBe('ConcurrentModificationException');
  });

  it('a table changed after it was read is a conflict: read again, planned again, updated from the fresh read', async () => {
    const { side, audit, updates, mark } = await openSide();
    const read = (await side.glueReader.getTable('sales', 'orders'))!;
    await otherWriter('C');
    mark();
    const result = await applyCatalogAction(side, {
      kind: 'table',
      op: 'update',
      key: 'sales.orders',
      current: canonicalTable(read),
      desired: withOwner(read, 'B'),
    });
    expect(result).toMatchObject({ ok: true, op: 'update' });
    expect((await getOrders()).Parameters?.owner).toBe('B');
    const calls = updates();
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({ errorCode: 'ConcurrentModificationException' });
    expect(calls[0]!.requestParameters.versionId).toBe(read.VersionId);
    expect(calls[1]!.errorCode).toBeUndefined();
    expect(calls[1]!.requestParameters.versionId).not.toBe(read.VersionId);
    const lines = await readAuditLines(audit);
    expect(lines.map((l) => `${l.result} ${l.errorCode ?? ''}`.trim())).toEqual([
      'intent',
      'error aws.ConcurrentModificationException',
      'intent',
      'ok',
    ]);
  });

  it('a conflict whose fresh read is already what was wanted counts as unchanged and writes nothing more', async () => {
    const { side, updates, mark } = await openSide();
    const read = (await side.glueReader.getTable('sales', 'orders'))!;
    await otherWriter('D');
    mark();
    const result = await applyCatalogAction(side, {
      kind: 'table',
      op: 'update',
      key: 'sales.orders',
      current: canonicalTable(read),
      desired: withOwner(read, 'D'),
    });
    expect(result).toMatchObject({ ok: true, unchanged: true });
    expect(updates().map((u) => u.errorCode)).toEqual(['ConcurrentModificationException']);
  });

  it('a create that finds the table already as wanted counts as unchanged; one that finds it different updates it', async () => {
    const { side, updates } = await openSide();
    const now = await getOrders();
    const same = await applyCatalogAction(side, {
      kind: 'table',
      op: 'create',
      key: 'sales.orders',
      desired: canonicalTable(now),
    });
    expect(same).toMatchObject({ ok: true, unchanged: true });
    expect(updates()).toEqual([]);
    const different = await applyCatalogAction(side, {
      kind: 'table',
      op: 'create',
      key: 'sales.orders',
      desired: withOwner(now, 'E'),
    });
    expect(different).toMatchObject({ ok: true, op: 'update' });
    expect((await getOrders()).Parameters?.owner).toBe('E');
  });
});
