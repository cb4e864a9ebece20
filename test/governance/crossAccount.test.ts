import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import {
  CreateUserDefinedFunctionCommand,
  GetDatabaseCommand,
  GetDatabasesCommand,
  GetUserDefinedFunctionCommand,
} from '@aws-sdk/client-glue';
import { GrantPermissionsCommand, PutDataLakeSettingsCommand } from '@aws-sdk/client-lakeformation';
import type { LocalCloud } from '@lakemirror/localcloud';
import { DEMO_ROLES, demoLake, seedDemoLake } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, runSync, runVerify, syncExitCode } from '../../src/ondemand/index.ts';
import { adminIds, createRoles, governanceConfig, grantsOf, settingsOf } from '../support/governance.ts';
import { clientsFor, startTestCloud } from '../support/localCloud.ts';

const SOURCE = '111111111111';
const TARGET = '222222222222';
const PARTNER = 'arn:aws:iam::999999999999:role/partner';
const SOURCE_KEY = `AKIA${SOURCE}`;
const TARGET_KEY = `AKIA${TARGET}`;
const DEPLOY_ROLE = `arn:aws:iam::${TARGET}:role/lakemirror-target`;

/**
 * Source credentials come from the standard chain (here the environment: a key of account 111111111111);
 * the target is written by assuming a role of account 222222222222 through the local cloud's STS AssumeRole.
 */
describe('cross-account sync through an assumed role', () => {
  let cloud: LocalCloud;
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
  const src = () => clientsFor(cloud, 'us-east-1', SOURCE_KEY);
  const dst = () => clientsFor(cloud, 'us-west-2', TARGET_KEY);
  const config = (overrides = {}) =>
    governanceConfig(cloud, {
      targets: [{ region: 'us-west-2', roleArn: DEPLOY_ROLE }],
      accountMapping: { [SOURCE]: TARGET },
      s3Mapping: { 'lakemirror-demo-lake-use1': 'lakemirror-demo-lake-usw2' },
      ...overrides,
    });

  beforeAll(async () => {
    cloud = await startTestCloud();
    process.env.AWS_ACCESS_KEY_ID = SOURCE_KEY;
    process.env.AWS_SECRET_ACCESS_KEY = 'local';
    await seedDemoLake(src(), demoLake(SOURCE));
    await src().lakeFormation.send(
      new GrantPermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: PARTNER },
        Resource: { Database: { Name: 'sales' } },
        Permissions: ['DESCRIBE'],
      }),
    );
    // A function owned by a role of the source account, its JAR in the source bucket.
    await src().glue.send(
      new CreateUserDefinedFunctionCommand({
        DatabaseName: 'sales',
        FunctionInput: {
          FunctionName: 'mask_email',
          ClassName: 'com.example.udf.MaskEmail',
          OwnerName: `arn:aws:iam::${SOURCE}:role/data-engineer`,
          OwnerType: 'ROLE',
          ResourceUris: [{ ResourceType: 'JAR', Uri: 's3://lakemirror-demo-lake-use1/udf/mask.jar' }],
        },
      }),
    );
    // The target account: the role lakemirror assumes, and the roles the mapped grants name.
    await createRoles(clientsFor(cloud, 'us-east-1', TARGET_KEY), ['lakemirror-target', ...DEMO_ROLES]);
    await dst().lakeFormation.send(
      new PutDataLakeSettingsCommand({
        DataLakeSettings: { DataLakeAdmins: [{ DataLakePrincipalIdentifier: DEPLOY_ROLE }] },
      }),
    );
  });
  afterAll(async () => {
    process.env.AWS_ACCESS_KEY_ID = saved.id;
    process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
    if (saved.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
    if (saved.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
    await cloud.stop();
  });

  it('writes the target account as the assumed role, principals rewritten, the unmapped one reported', async () => {
    const report = await runSync(createRuntime(config()));
    expect(report.source.accountId).toBe(SOURCE);
    const target = report.targets[0]!;
    expect(target.error).toBeUndefined();
    expect(target.accountId).toBe(TARGET);
    expect(target.status).toBe('partial');
    expect(target.failures).toEqual([
      {
        kind: 'grant',
        key: `${PARTNER}|database:sales`,
        op: 'create',
        ok: false,
        error: {
          code: 'plan.unmappedPrincipal',
          message: expect.stringContaining(PARTNER),
          fix: expect.stringContaining('"999999999999": "<account id>"'),
        },
      },
    ]);
    expect(syncExitCode(report)).toBe(3);

    // The objects are in the target account, with principals and links of that account.
    const { DatabaseList } = await dst().glue.send(new GetDatabasesCommand({}));
    expect(DatabaseList?.map((d) => d.Name).sort()).toEqual([
      'finance',
      'marketing',
      'sales',
      'shared_sales',
    ]);
    const link = await dst().glue.send(new GetDatabaseCommand({ Name: 'shared_sales' }));
    expect(link.Database?.TargetDatabase).toEqual({ CatalogId: TARGET, DatabaseName: 'sales' });
    const expected = (await grantsOf(src()))
      .filter((g) => !g.startsWith(PARTNER))
      .map((g) => g.replaceAll(SOURCE, TARGET).replace('demo-lake-use1', 'demo-lake-usw2'))
      .sort();
    expect(await grantsOf(dst(), /:role\/(?!lakemirror-target)/)).toEqual(expected);
    expect(adminIds((await settingsOf(dst())).DataLakeAdmins)).toEqual([
      `arn:aws:iam::${TARGET}:role/data-engineer`,
      DEPLOY_ROLE,
    ]);
    // The function's owner is the mapped account's role, its JAR in the target bucket.
    const fn = await dst().glue.send(
      new GetUserDefinedFunctionCommand({ DatabaseName: 'sales', FunctionName: 'mask_email' }),
    );
    expect(fn.UserDefinedFunction).toMatchObject({
      OwnerName: `arn:aws:iam::${TARGET}:role/data-engineer`,
      ResourceUris: [{ ResourceType: 'JAR', Uri: 's3://lakemirror-demo-lake-usw2/udf/mask.jar' }],
    });
    // Nothing landed in the source account's us-west-2.
    const sourceAccountWest = clientsFor(cloud, 'us-west-2', SOURCE_KEY);
    expect((await sourceAccountWest.glue.send(new GetDatabasesCommand({}))).DatabaseList).toEqual([]);

    // CloudTrail of the target account names the assumed role for the writes.
    const { Events } = await dst().cloudTrail.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateDatabase' }],
      }),
    );
    expect(Events).toHaveLength(4);
    for (const event of Events ?? []) {
      const identity = JSON.parse(event.CloudTrailEvent!).userIdentity;
      expect(identity).toMatchObject({
        type: 'AssumedRole',
        arn: `arn:aws:sts::${TARGET}:assumed-role/lakemirror-target/lakemirror`,
        accountId: TARGET,
        sessionContext: { sessionIssuer: { arn: DEPLOY_ROLE } },
      });
    }
  });

  it('with deleteMissing keeps the role it runs as (admin and grants) and still reports the unmapped grant', async () => {
    await dst().lakeFormation.send(
      new GrantPermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: DEPLOY_ROLE },
        Resource: { Catalog: {} },
        Permissions: ['CREATE_DATABASE'],
      }),
    );
    const report = await runSync(createRuntime(config({ deleteMissing: true })));
    const target = report.targets[0]!;
    expect(target.status).toBe('partial');
    expect(target.failures.map((f) => f.error?.code)).toEqual(['plan.unmappedPrincipal']);
    expect(adminIds((await settingsOf(dst())).DataLakeAdmins)).toContain(DEPLOY_ROLE);
    expect(await grantsOf(dst(), /lakemirror-target/)).toHaveLength(1);

    const verified = await runVerify(createRuntime(config({ deleteMissing: true })));
    expect(verified.reports[0]!.target.accountId).toBe(TARGET);
    expect(verified.reports[0]!.drift).toEqual([]);
  });
});
