import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { CreateRoleCommand, CreateUserCommand, GetRoleCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { clientsFor, startTestCloud } from '../../../test/support/localCloud.ts';
import { admin, appendEvent } from '../../../test/support/trailEvents.ts';
import type { LocalCloud } from '../src/server.ts';

const TRUST = '{"Version":"2012-10-17","Statement":[]}';

describe('persistence across restarts', () => {
  const dirs: string[] = [];
  const clouds: LocalCloud[] = [];
  const start = async (dataDir: string) => {
    const cloud = await startTestCloud({ dataDir, embedded: false, faults: { lookupEventsLimit: false } });
    clouds.push(cloud);
    return cloud;
  };
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakemirror-persist-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    await Promise.all(clouds.splice(0).map((c) => c.stop().catch(() => {})));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps IAM, STS sessions and CloudTrail history through stop and start', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const { iam, sts } = clientsFor(first);
    await iam.send(new CreateRoleCommand({ RoleName: 'analyst', AssumeRolePolicyDocument: TRUST }));
    await iam.send(new CreateUserCommand({ UserName: 'ops' }));
    const assumed = await sts.send(
      new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/analyst', RoleSessionName: 'keep' }),
    );
    const key = assumed.Credentials!.AccessKeyId!;
    appendEvent(first, { eventName: 'CreateDatabase', input: { DatabaseInput: { Name: 'sales' } } });
    appendEvent(first, { eventName: 'CreateTable', accessKeyId: key, region: 'eu-west-1' });
    await first.stop();
    expect(readdirSync(join(dataDir, 'state', '123456789012'))).toEqual(['global.json']);

    const second = await start(dataDir);
    const again = clientsFor(second);
    expect((await again.iam.send(new GetRoleCommand({ RoleName: 'analyst' }))).Role?.RoleName).toBe(
      'analyst',
    );
    expect((await again.iam.send(new ListUsersCommand({}))).Users?.map((u) => u.UserName)).toEqual(['ops']);
    const asSession = clientsFor(second, 'us-east-1', key).sts;
    expect((await asSession.send(new GetCallerIdentityCommand({}))).Arn).toBe(
      'arn:aws:sts::123456789012:assumed-role/analyst/keep',
    );
    const events = await again.cloudTrail.send(new LookupEventsCommand({}));
    expect(events.Events?.map((e) => e.EventName)).toEqual(['CreateDatabase']);
    const europe = await clientsFor(second, 'eu-west-1').cloudTrail.send(new LookupEventsCommand({}));
    expect(europe.Events?.[0]?.Username).toBe('keep');
    expect(JSON.parse(europe.Events?.[0]?.CloudTrailEvent ?? '{}').userIdentity).toMatchObject({
      type: 'AssumedRole',
      arn: 'arn:aws:sts::123456789012:assumed-role/analyst/keep',
      sessionContext: { sessionIssuer: { userName: 'analyst' } },
    });
  });

  it('skips a torn last CloudTrail line after a crash', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    appendEvent(first, { eventName: 'CreateDatabase' });
    await first.stop();
    appendFileSync(join(dataDir, 'cloudtrail', '123456789012', 'us-east-1.jsonl'), '{"eventId":"torn');
    const second = await start(dataDir);
    const events = await clientsFor(second).cloudTrail.send(new LookupEventsCommand({}));
    expect(events.Events).toHaveLength(1);
  });

  it('forgets everything, on disk too, after POST /_localcloud/reset', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    await clientsFor(first).iam.send(
      new CreateRoleCommand({ RoleName: 'gone', AssumeRolePolicyDocument: TRUST }),
    );
    appendEvent(first, { eventName: 'CreateDatabase' });
    first.persist();
    expect(await admin(first, 'reset', {})).toMatchObject({ httpStatus: 200, reset: true });
    await expect(clientsFor(first).iam.send(new GetRoleCommand({ RoleName: 'gone' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
    });
    await first.stop();
    const second = await start(dataDir);
    await expect(clientsFor(second).iam.send(new GetRoleCommand({ RoleName: 'gone' }))).rejects.toMatchObject(
      { name: 'NoSuchEntityException' },
    );
    expect((await clientsFor(second).cloudTrail.send(new LookupEventsCommand({}))).Events).toEqual([]);
  });
});
