import {
  DeregisterResourceCommand,
  DescribeResourceCommand,
  RegisterResourceCommand,
  type RegisterResourceCommandInput,
  UpdateResourceCommand,
} from '@aws-sdk/client-lakeformation';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, runSync, runVerify, syncExitCode } from '../../src/ondemand/index.ts';
import { demoConfig, seedDemo } from '../support/demoSync.ts';
import { clientsFor, failure, startTestCloud, sum, writeCalls } from '../support/localCloud.ts';

const SOURCE_ARN = 'arn:aws:s3:::lakemirror-demo-lake-use1/transitions';
const TARGET_ARN = 'arn:aws:s3:::lakemirror-demo-lake-usw2/transitions';
const ROLE_A = 'arn:aws:iam::123456789012:role/lake-access-a';
const ROLE_B = 'arn:aws:iam::123456789012:role/lake-access-b';
const SERVICE_LINKED =
  'arn:aws:iam::123456789012:role/aws-service-role/lakeformation.amazonaws.com/AWSServiceRoleForLakeFormationDataAccess';

type Registration = Omit<RegisterResourceCommandInput, 'ResourceArn'>;

/** Each step: how the source location is registered now, and what the target must then describe. */
const STEPS: Array<{ name: string; source: Registration; role: string; hybrid?: true; federation?: true }> = [
  { name: 'role A → role B', source: { RoleArn: ROLE_B }, role: ROLE_B },
  {
    name: 'hybrid access on',
    source: { RoleArn: ROLE_B, HybridAccessEnabled: true },
    role: ROLE_B,
    hybrid: true,
  },
  { name: 'hybrid access off', source: { RoleArn: ROLE_B }, role: ROLE_B },
  {
    name: 'federation on',
    source: { RoleArn: ROLE_B, WithFederation: true },
    role: ROLE_B,
    federation: true,
  },
  { name: 'federation off', source: { RoleArn: ROLE_B }, role: ROLE_B },
  { name: 'custom → service-linked', source: { UseServiceLinkedRole: true }, role: SERVICE_LINKED },
  {
    name: 'service-linked, hybrid access on',
    source: { UseServiceLinkedRole: true, HybridAccessEnabled: true },
    role: SERVICE_LINKED,
    hybrid: true,
  },
  { name: 'service-linked → custom', source: { RoleArn: ROLE_A }, role: ROLE_A },
];

describe('registered-location transitions', () => {
  let cloud: LocalCloud;
  const source = () => clientsFor(cloud, 'us-east-1').lakeFormation;
  const target = () => clientsFor(cloud, 'us-west-2').lakeFormation;
  const config = () => demoConfig(cloud);

  beforeAll(async () => {
    cloud = await startTestCloud();
    await seedDemo(cloud);
    await source().send(new RegisterResourceCommand({ ResourceArn: SOURCE_ARN, RoleArn: ROLE_A }));
    expect(syncExitCode(await runSync(createRuntime(config())))).toBe(0);
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it.each(STEPS)('$name: sync carries it, a second sync writes nothing, verify is clean', async (step) => {
    await source().send(new DeregisterResourceCommand({ ResourceArn: SOURCE_ARN }));
    await source().send(new RegisterResourceCommand({ ResourceArn: SOURCE_ARN, ...step.source }));

    expect(syncExitCode(await runSync(createRuntime(config())))).toBe(0);
    const info = (await target().send(new DescribeResourceCommand({ ResourceArn: TARGET_ARN })))
      .ResourceInfo!;
    expect({ role: info.RoleArn, hybrid: info.HybridAccessEnabled, federation: info.WithFederation }).toEqual(
      {
        role: step.role,
        hybrid: step.hybrid === true,
        federation: step.federation === true,
      },
    );

    cloud.stats.reset();
    expect(syncExitCode(await runSync(createRuntime(config())))).toBe(0);
    expect(sum(writeCalls(cloud, 'us-west-2'))).toBe(0);
    expect((await runVerify(createRuntime(config()))).inSync).toBe(true);
  });

  it('the local cloud refuses UpdateResource without a RoleArn, as the API model requires', async () => {
    const error = await failure(
      target().send(new UpdateResourceCommand({ ResourceArn: TARGET_ARN } as never)),
    );
    expect(error.name).toBe('InvalidInputException');
    const pattern = await failure(
      target().send(new UpdateResourceCommand({ ResourceArn: TARGET_ARN, RoleArn: 'not-a-role' })),
    );
    expect(pattern.name).toBe('InvalidInputException');
  });
});
