import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { GetRoleCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientsFor, startTestCloud } from '../../../test/support/localCloud.ts';
import { admin } from '../../../test/support/trailEvents.ts';
import type { LocalCloud } from '../src/server.ts';
import { iamPrincipalExists } from '../src/services/iam/state.ts';
import { GLOBAL_REGION } from '../src/state.ts';

describe('admin API', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud({ embedded: false, faults: { lookupEventsLimit: false } });
  });
  afterAll(async () => {
    await cloud.stop();
  });
  beforeEach(async () => {
    await admin(cloud, 'reset', {});
    await admin(cloud, 'calls/reset', {});
  });

  it('counts calls by Region, service and operation, and resets the counts', async () => {
    await clientsFor(cloud, 'us-east-1').sts.send(new GetCallerIdentityCommand({}));
    await clientsFor(cloud, 'us-east-1').sts.send(new GetCallerIdentityCommand({}));
    await clientsFor(cloud, 'eu-west-1').sts.send(new GetCallerIdentityCommand({}));
    await clientsFor(cloud, 'eu-west-1').cloudTrail.send(new LookupEventsCommand({}));
    await clientsFor(cloud).iam.send(new ListRolesCommand({}));
    await expect(clientsFor(cloud).iam.send(new GetRoleCommand({ RoleName: 'x' }))).rejects.toThrow();
    const calls = await admin(cloud, 'calls');
    expect(calls).toMatchObject({
      total: 6,
      errors: 1,
      byRegion: {
        'us-east-1': { sts: { GetCallerIdentity: 2 }, iam: { ListRoles: 1, GetRole: 1 } },
        'eu-west-1': { sts: { GetCallerIdentity: 1 }, cloudtrail: { LookupEvents: 1 } },
      },
    });
    await admin(cloud, 'calls/reset', {});
    expect(await admin(cloud, 'calls')).toMatchObject({ total: 0, byRegion: {} });
  });

  it('maps access keys to accounts', async () => {
    expect(await admin(cloud, 'accounts', { AKIAPARTNER: '999988887777' })).toMatchObject({
      AKIAPARTNER: '999988887777',
    });
    const identity = await clientsFor(cloud, 'us-east-1', 'AKIAPARTNER').sts.send(
      new GetCallerIdentityCommand({}),
    );
    expect(identity.Account).toBe('999988887777');
  });

  it('creates IAM principals for tests that grant to them', async () => {
    const answer = await admin(cloud, 'iam/principals', {
      accountId: '111122223333',
      roles: ['reader'],
      users: ['bob'],
    });
    expect(answer).toMatchObject({
      httpStatus: 200,
      arns: ['arn:aws:iam::111122223333:role/reader', 'arn:aws:iam::111122223333:user/bob'],
    });
    const account = cloud.state.get('111122223333', GLOBAL_REGION);
    expect(iamPrincipalExists(account, 'arn:aws:iam::111122223333:role/reader')).toBe(true);
    const sts = clientsFor(cloud).sts;
    const assumed = await sts.send(
      new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/reader', RoleSessionName: 'x1' }),
    );
    expect(assumed.AssumedRoleUser?.Arn).toBe('arn:aws:sts::111122223333:assumed-role/reader/x1');
    expect(await admin(cloud, 'iam/principals', { roles: ['bad name!'] })).toMatchObject({ httpStatus: 400 });
  });

  it('answers health, fault settings and errors in JSON', async () => {
    expect(await admin(cloud, 'health')).toMatchObject({
      httpStatus: 200,
      status: 'ok',
      endpoint: cloud.endpoint,
    });
    expect(await admin(cloud, 'faults')).toMatchObject({ throttleRps: 0, faultRate: 0 });
    expect(await admin(cloud, 'nope')).toMatchObject({ httpStatus: 404 });
    const bad = await fetch(`${cloud.endpoint}/_localcloud/faults`, { method: 'POST', body: '[1' });
    expect(bad.status).toBe(400);
  });
});
