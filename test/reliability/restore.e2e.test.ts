import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  BatchDeletePartitionCommand,
  CreateTableCommand,
  GetPartitionsCommand,
  GetTableCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-glue';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncReport } from '../../src/engine/syncReport.ts';
import { parseSnapshotText } from '../../src/model/snapshotParser.ts';
import { stableStringify } from '../../src/model/stableStringify.ts';
import { cli } from '../support/cli.ts';
import { seedDemo } from '../support/demoSync.ts';
import { clientsFor, startTestCloud, writeCalls } from '../support/localCloud.ts';
import { demoConfigFile, regionRecords } from './support.ts';

describe('safety snapshot before a destructive sync, and restore', () => {
  let cloud: LocalCloud;
  let files: ReturnType<typeof demoConfigFile>;
  let endpoint: string[];
  beforeAll(async () => {
    cloud = await startTestCloud();
    await seedDemo(cloud);
    files = demoConfigFile(cloud, { deleteMissing: true });
    endpoint = ['--endpoint', cloud.endpoint];
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('takes no safety snapshot for a sync that only creates', async () => {
    expect((await cli(['sync', '--config', files.path, ...endpoint])).code).toBe(0);
    await clientsFor(cloud, 'us-east-1').glue.send(
      new CreateTableCommand({
        DatabaseName: 'sales',
        TableInput: { Name: 'fresh', StorageDescriptor: { Columns: [{ Name: 'x', Type: 'int' }] } },
      }),
    );
    const run = await cli(['sync', '--config', files.path, ...endpoint, '--json']);
    expect(run.code).toBe(0);
    const target = (JSON.parse(run.stdout) as SyncReport).targets[0]!;
    expect(target.counts.table?.created).toBe(1);
    expect(target.safetySnapshot).toBeUndefined();
  });

  it('undoes a bad source change that sync replicated', async () => {
    // Prepare: the target as it is, then a bad change in the source (columns dropped, a partition deleted,
    // a stray table).
    const before = await regionRecords(cloud, 'us-west-2');
    const { glue } = clientsFor(cloud, 'us-east-1');
    const products = (await glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'products' })))
      .Table!;
    await glue.send(
      new UpdateTableCommand({
        DatabaseName: 'sales',
        TableInput: {
          Name: 'products',
          TableType: products.TableType,
          Parameters: products.Parameters,
          PartitionKeys: products.PartitionKeys,
          StorageDescriptor: {
            ...products.StorageDescriptor,
            Columns: products.StorageDescriptor!.Columns!.slice(0, 1),
          },
        },
      }),
    );
    const partition = (
      await glue.send(new GetPartitionsCommand({ DatabaseName: 'sales', TableName: 'orders', MaxResults: 1 }))
    ).Partitions![0]!;
    await glue.send(
      new BatchDeletePartitionCommand({
        DatabaseName: 'sales',
        TableName: 'orders',
        PartitionsToDelete: [{ Values: partition.Values }],
      }),
    );
    await glue.send(
      new CreateTableCommand({
        DatabaseName: 'sales',
        TableInput: { Name: 'stray', StorageDescriptor: { Columns: [{ Name: 'x', Type: 'int' }] } },
      }),
    );

    // Act: the bad change is replicated.
    const run = await cli(['sync', '--config', files.path, ...endpoint, '--json']);
    expect(run.code).toBe(0);
    const target = (JSON.parse(run.stdout) as SyncReport).targets[0]!;
    expect(target.counts.table?.updated).toBe(1);
    expect(target.counts.partition?.deleted).toBe(1);

    // Assess: the safety snapshot is the target as it was, recognisable, private.
    const safety = target.safetySnapshot!;
    expect(basename(safety)).toMatch(/^us-west-2-pre-sync-\d{4}-\d{2}-\d{2}T.*\.json$/);
    expect(statSync(safety).mode & 0o777).toBe(0o600);
    const snapshot = parseSnapshotText(readFileSync(safety, 'utf8'));
    expect(snapshot.header.source.region).toBe('us-west-2');
    const inSafety = new Set(snapshot.records.map((r) => stableStringify(r)));
    expect(before.filter((r) => !inSafety.has(r))).toEqual([]);
    expect(inSafety.size).toBe(before.length);
    expect(await regionRecords(cloud, 'us-west-2')).not.toEqual(before);

    // A dry run prints the plan and writes nothing.
    cloud.stats.reset();
    const dry = await cli([
      'restore',
      '--config',
      files.path,
      ...endpoint,
      '--snapshot',
      safety,
      '--dry-run',
    ]);
    expect(dry.code).toBe(2);
    expect(dry.stdout).toContain('~ table sales.products');
    expect(dry.stdout).toContain('- table sales.stray');
    expect(writeCalls(cloud, 'us-west-2')).toEqual({});

    // maxDeletes holds unless --confirm.
    const strict = demoConfigFile(cloud, { deleteMissing: true, maxDeletes: 0 }, files.dir);
    const refused = await cli(['restore', '--config', strict.path, ...endpoint, '--snapshot', safety]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--confirm');
    expect(writeCalls(cloud, 'us-west-2')).toEqual({});

    // A snapshot of another Region is refused unless --force.
    const sourceSnapshot = JSON.parse(run.stdout).snapshot.uri as string;
    const other = await cli(['restore', '--config', files.path, ...endpoint, '--snapshot', sourceSnapshot]);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/us-east-1 is not a target|taken of us-east-1/);
    const otherTarget = await cli([
      'restore',
      '--config',
      files.path,
      ...endpoint,
      '--snapshot',
      sourceSnapshot,
      '--target',
      'us-west-2',
    ]);
    expect(otherTarget.code).toBe(1);
    expect(otherTarget.stderr).toContain('--force');
    expect(writeCalls(cloud, 'us-west-2')).toEqual({});

    // Restore: the target equals its pre-sync state again.
    const restored = await cli([
      'restore',
      '--config',
      strict.path,
      ...endpoint,
      '--snapshot',
      safety,
      '--confirm',
    ]);
    expect(restored.stderr).not.toContain('error');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('safety snapshot:');
    expect(await regionRecords(cloud, 'us-west-2')).toEqual(before);
  });
});
