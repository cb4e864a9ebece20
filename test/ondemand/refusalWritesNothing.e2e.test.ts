import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, GetTableCommand } from '@aws-sdk/client-glue';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { seedDemo } from '../support/demoSync.ts';
import { clientsFor, failure, startTestCloud, writeCalls } from '../support/localCloud.ts';

const newTable = (name: string) =>
  new CreateTableCommand({
    DatabaseName: 'sales',
    TableInput: { Name: name, TableType: 'EXTERNAL_TABLE', Parameters: { classification: 'parquet' } },
  });

describe('a plan refused by maxDeletes writes nothing', () => {
  let cloud: LocalCloud;
  let config: string;
  beforeAll(async () => {
    cloud = await startTestCloud();
    await seedDemo(cloud);
    const dir = mkdtempSync(join(tmpdir(), 'lakemirror-refusal-'));
    config = join(dir, 'config.json');
    const base = {
      source: { region: 'us-east-1' },
      targets: [{ region: 'us-west-2' }],
      s3Mapping: { 'lakemirror-demo-lake-use1': 'lakemirror-demo-lake-usw2' },
      snapshots: { uri: join(dir, 'snapshots') },
      audit: { uri: join(dir, 'audit') },
      localcloud: { endpoint: cloud.endpoint },
    };
    writeFileSync(join(dir, 'first.json'), JSON.stringify(base));
    expect((await cli(['sync', '--config', join(dir, 'first.json')])).code).toBe(0);
    writeFileSync(config, JSON.stringify({ ...base, deleteMissing: true, maxDeletes: 0 }));
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('exits 1 with zero write calls in the target, naming the table it would delete', async () => {
    // Prepare: a new table in the source (the early pass would create it) and one only in the target.
    const source = clientsFor(cloud, 'us-east-1');
    const target = clientsFor(cloud, 'us-west-2');
    await source.glue.send(newTable('refunds_2031'));
    await target.glue.send(newTable('dr_only'));
    cloud.stats.reset();

    // Act
    const run = await cli(['sync', '--config', config]);

    // Assess: refused, named, and nothing written in the target (not even the new table).
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('more than the limit of 0; nothing was written');
    expect(run.stdout).toMatch(/deletes 1 objects \(1 table\).*would delete: table sales\.dr_only\./);
    expect(writeCalls(cloud, 'us-west-2')).toEqual({});
    const missing = await failure(
      target.glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'refunds_2031' })),
    );
    expect(missing.name).toBe('EntityNotFoundException');
  });
});
