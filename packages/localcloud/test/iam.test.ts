import {
  CreateRoleCommand,
  CreateUserCommand,
  DeleteRoleCommand,
  EntityAlreadyExistsException,
  GetRoleCommand,
  GetUserCommand,
  ListRolesCommand,
  ListUsersCommand,
  NoSuchEntityException,
  paginateListRoles,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, startTestCloud } from '../../../test/support/localCloud.ts';
import type { LocalCloud } from '../src/server.ts';
import { iamPrincipalExists, iamStateOf } from '../src/services/iam/state.ts';
import { GLOBAL_REGION } from '../src/state.ts';

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'glue.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

describe('IAM emulation through @aws-sdk/client-iam', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud({ embedded: false });
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('creates, reads and deletes a role, with IAM-shaped errors', async () => {
    const { iam } = clientsFor(cloud);
    const created = await iam.send(
      new CreateRoleCommand({ RoleName: 'analyst', AssumeRolePolicyDocument: TRUST, Path: '/teams/' }),
    );
    expect(created.Role).toMatchObject({
      RoleName: 'analyst',
      Path: '/teams/',
      Arn: 'arn:aws:iam::123456789012:role/teams/analyst',
      MaxSessionDuration: 3600,
    });
    expect(created.Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(created.Role?.CreateDate).toBeInstanceOf(Date);
    const read = await iam.send(new GetRoleCommand({ RoleName: 'analyst' }));
    expect(decodeURIComponent(read.Role?.AssumeRolePolicyDocument ?? '')).toBe(TRUST);
    await expect(
      iam.send(new CreateRoleCommand({ RoleName: 'Analyst', AssumeRolePolicyDocument: TRUST })),
    ).rejects.toBeInstanceOf(EntityAlreadyExistsException);
    await iam.send(new DeleteRoleCommand({ RoleName: 'analyst' }));
    const missing = iam.send(new GetRoleCommand({ RoleName: 'analyst' }));
    await expect(missing).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(missing).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
  });

  it('pages ListRoles with Marker and MaxItems', async () => {
    const { iam } = clientsFor(cloud);
    for (let i = 0; i < 7; i++) {
      await iam.send(new CreateRoleCommand({ RoleName: `pager-${i}`, AssumeRolePolicyDocument: TRUST }));
    }
    const first = await iam.send(new ListRolesCommand({ MaxItems: 3 }));
    expect(first.IsTruncated).toBe(true);
    expect(first.Roles?.map((r) => r.RoleName)).toEqual(['pager-0', 'pager-1', 'pager-2']);
    const names: string[] = [];
    for await (const page of paginateListRoles({ client: iam, pageSize: 2 }, {})) {
      names.push(...(page.Roles ?? []).map((r) => r.RoleName!));
    }
    expect(names).toEqual(Array.from({ length: 7 }, (_, i) => `pager-${i}`));
  });

  it('keeps users, answers GetUser for the caller, and is global across Regions', async () => {
    const { iam } = clientsFor(cloud, 'us-east-1');
    await iam.send(new CreateUserCommand({ UserName: 'ops' }));
    await expect(iam.send(new CreateUserCommand({ UserName: 'ops' }))).rejects.toMatchObject({
      name: 'EntityAlreadyExistsException',
      $metadata: { httpStatusCode: 409 },
    });
    const fromEurope = clientsFor(cloud, 'eu-west-1').iam;
    expect((await fromEurope.send(new ListUsersCommand({}))).Users?.map((u) => u.UserName)).toEqual(['ops']);
    expect((await iam.send(new GetUserCommand({}))).User?.UserName).toBe('localcloud');
    await expect(iam.send(new GetUserCommand({ UserName: 'nobody' }))).rejects.toBeInstanceOf(
      NoSuchEntityException,
    );
  });

  it('keeps each account apart and answers principal checks for Lake Formation', async () => {
    const other = clientsFor(cloud, 'us-east-1', 'AKIA210987654321LOCAL').iam;
    expect((await other.send(new ListRolesCommand({}))).Roles).toEqual([]);
    await other.send(new CreateRoleCommand({ RoleName: 'auditor', AssumeRolePolicyDocument: TRUST }));
    const home = cloud.state.get('123456789012', GLOBAL_REGION);
    const away = cloud.state.get('210987654321', GLOBAL_REGION);
    expect(Object.keys(iamStateOf(away).roles)).toEqual(['auditor']);
    expect(iamPrincipalExists(away, 'arn:aws:iam::210987654321:role/auditor')).toBe(true);
    expect(iamPrincipalExists(home, 'arn:aws:iam::210987654321:role/auditor')).toBe(false);
    expect(iamPrincipalExists(home, 'arn:aws:iam::123456789012:user/ops')).toBe(true);
    expect(iamPrincipalExists(home, 'arn:aws:iam::123456789012:role/nobody')).toBe(false);
    expect(iamPrincipalExists(home, 'IAM_ALLOWED_PRINCIPALS')).toBe(false);
  });
});
