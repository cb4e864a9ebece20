import {
  CreateDatabaseCommand,
  CreateTableCommand,
  GetDatabaseCommand,
  GetTableCommand,
  UpdateDatabaseCommand,
} from '@aws-sdk/client-glue';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingOutput } from '../../src/engine/output.ts';
import { createRuntime, runSync, runVerify, syncExitCode } from '../../src/ondemand/index.ts';
import { demoConfigFile } from '../reliability/support.ts';
import { cli } from '../support/cli.ts';
import { demoConfig, seedDemo } from '../support/demoSync.ts';
import { clientsFor, startTestCloud, sum, writeCalls } from '../support/localCloud.ts';

const SOURCE_BUCKET = 'lakemirror-demo-lake-use1';
const TARGET_BUCKET = 'lakemirror-demo-lake-usw2';

describe('source references in the target', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
    await seedDemo(cloud);
    await clientsFor(cloud, 'us-east-1').glue.send(
      new CreateDatabaseCommand({
        DatabaseInput: {
          Name: 'lake_params',
          Parameters: { location: `s3://${SOURCE_BUCKET}/lake_params/` },
        },
      }),
    );
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('remaps a database parameter holding a source-bucket URI; a second sync writes nothing; verify is clean', async () => {
    expect(syncExitCode(await runSync(createRuntime(demoConfig(cloud))))).toBe(0);
    const { glue } = clientsFor(cloud, 'us-west-2');
    const db = (await glue.send(new GetDatabaseCommand({ Name: 'lake_params' }))).Database!;
    expect(db.Parameters).toEqual({ location: `s3://${TARGET_BUCKET}/lake_params/` });

    cloud.stats.reset();
    expect(syncExitCode(await runSync(createRuntime(demoConfig(cloud))))).toBe(0);
    expect(sum(writeCalls(cloud, 'us-west-2'))).toBe(0);
    const verified = await runVerify(createRuntime(demoConfig(cloud)));
    expect(verified.inSync).toBe(true);
    expect(verified.reports[0]!.leaks).toEqual([]);
  });

  it('the leak check names a source reference planted in the target, and verify exits 2', async () => {
    const { glue } = clientsFor(cloud, 'us-west-2');
    await glue.send(
      new UpdateDatabaseCommand({
        Name: 'lake_params',
        DatabaseInput: {
          Name: 'lake_params',
          Parameters: { location: `s3://${TARGET_BUCKET}/lake_params/`, note: `s3a://${SOURCE_BUCKET}/x` },
        },
      }),
    );
    const files = demoConfigFile(cloud);
    const result = await cli(['verify', '--config', files.path, '--endpoint', cloud.endpoint, '--json']);

    expect(result.code).toBe(2);
    const leaks = JSON.parse(result.stdout).reports[0].leaks;
    expect(leaks).toEqual([
      {
        kind: 'database',
        key: 'lake_params',
        field: 'input.Parameters.note',
        names: 'sourceBucket',
        reference: `s3a://${SOURCE_BUCKET}`,
      },
    ]);
  });

  it('warns of a source bucket inside a view text, copies the text as it is, and the leak check names it', async () => {
    const text = `SELECT * FROM parquet.\`s3://${SOURCE_BUCKET}/raw/\``;
    await clientsFor(cloud, 'us-east-1').glue.send(
      new CreateTableCommand({
        DatabaseName: 'lake_params',
        TableInput: { Name: 'raw_view', TableType: 'VIRTUAL_VIEW', ViewOriginalText: text },
      }),
    );
    const output = recordingOutput();

    await runSync(createRuntime(demoConfig(cloud), { output }));
    const verified = await runVerify(createRuntime(demoConfig(cloud)));

    const view = (
      await clientsFor(cloud, 'us-west-2').glue.send(
        new GetTableCommand({ DatabaseName: 'lake_params', Name: 'raw_view' }),
      )
    ).Table!;
    expect(view.ViewOriginalText).toBe(text);
    expect(output.notices).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        code: 'plan.undecidedS3',
        message: expect.stringContaining('table lake_params.raw_view field input.ViewOriginalText'),
      }),
    );
    expect(verified.reports[0]!.leaks).toContainEqual(
      expect.objectContaining({ key: 'lake_params.raw_view', field: 'input.ViewOriginalText' }),
    );
  });
});
