import { CreateRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, startTestCloud } from '../../../test/support/localCloud.ts';
import type { LocalCloud } from '../src/server.ts';

const TRUST = '{"Version":"2012-10-17","Statement":[]}';
const TARGET = '444455556666';

describe('STS emulation through @aws-sdk/client-sts', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud({ embedded: false });
    const targetIam = clientsFor(cloud, 'us-east-1', `AKIA${TARGET}ADMIN`).iam;
    await targetIam.send(new CreateRoleCommand({ RoleName: 'etl-job', AssumeRolePolicyDocument: TRUST }));
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('answers GetCallerIdentity for a long-term key', async () => {
    const { sts } = clientsFor(cloud);
    expect(await sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:user/localcloud',
    });
  });

  it('assumes a role in another account and issues a key of that account', async () => {
    const { sts } = clientsFor(cloud);
    const before = Date.now();
    const answer = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${TARGET}:role/etl-job`,
        RoleSessionName: 'nightly',
        DurationSeconds: 900,
      }),
    );
    const credentials = answer.Credentials!;
    expect(credentials.AccessKeyId).toMatch(new RegExp(`^ASIA${TARGET}[A-Z]{4}$`));
    expect(credentials.SecretAccessKey).toBeTruthy();
    expect(credentials.SessionToken).toBeTruthy();
    expect(credentials.Expiration).toBeInstanceOf(Date);
    const expiresIn = credentials.Expiration!.getTime() - before;
    expect(expiresIn).toBeGreaterThan(898_000);
    expect(expiresIn).toBeLessThan(902_000);
    expect(answer.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${TARGET}:assumed-role/etl-job/nightly`);
    expect(answer.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:nightly$/);

    const assumed = new STSClient({
      region: 'eu-west-1',
      endpoint: cloud.endpoint,
      credentials: {
        accessKeyId: credentials.AccessKeyId!,
        secretAccessKey: credentials.SecretAccessKey!,
        sessionToken: credentials.SessionToken!,
      },
    });
    expect(await assumed.send(new GetCallerIdentityCommand({}))).toEqual(
      expect.objectContaining({
        Account: TARGET,
        Arn: answer.AssumedRoleUser?.Arn,
        UserId: answer.AssumedRoleUser?.AssumedRoleId,
      }),
    );
  });

  it('denies a role that does not exist, as STS does', async () => {
    const { sts } = clientsFor(cloud);
    await expect(
      sts.send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${TARGET}:role/ghost`, RoleSessionName: 's1' }),
      ),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
      message: expect.stringContaining('is not authorized to perform: sts:AssumeRole'),
    });
    await expect(
      sts.send(new AssumeRoleCommand({ RoleArn: 'not-an-arn', RoleSessionName: 's1' })),
    ).rejects.toMatchObject({ name: 'ValidationError' });
  });

  it('lets fromTemporaryCredentials reach the local cloud with the assumed key', async () => {
    const credentials = fromTemporaryCredentials({
      masterCredentials: { accessKeyId: 'AKIALOCALTEST', secretAccessKey: 'local' },
      params: { RoleArn: `arn:aws:iam::${TARGET}:role/etl-job`, RoleSessionName: 'provider' },
      clientConfig: { region: 'us-east-1', endpoint: cloud.endpoint },
    });
    const config = { region: 'us-east-1', endpoint: cloud.endpoint, credentials };
    const identity = await new STSClient(config).send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe(`arn:aws:sts::${TARGET}:assumed-role/etl-job/provider`);
    // Any service call with the provider's key lands in the role's account: its IAM lists the role.
    const roles = await new IAMClient(config).send(new ListRolesCommand({}));
    expect(roles.Roles?.map((r) => r.RoleName)).toEqual(['etl-job']);
    expect((await credentials()).accessKeyId).toMatch(new RegExp(`^ASIA${TARGET}`));
  });
});
