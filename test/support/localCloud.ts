import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GlueClient } from '@aws-sdk/client-glue';
import { IAMClient } from '@aws-sdk/client-iam';
import { LakeFormationClient } from '@aws-sdk/client-lakeformation';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { type LocalCloud, type LocalCloudOptions, startLocalCloud } from '@lakemirror/localcloud';
import { isWriteOperation } from '../../src/aws/callCounter.ts';

/** Real SDK clients of one Region, pointed at a local cloud. */
export interface TestClients {
  glue: GlueClient;
  lakeFormation: LakeFormationClient;
  cloudTrail: CloudTrailClient;
  dynamoDb: DynamoDBClient;
  s3: S3Client;
  sts: STSClient;
  /** IAM is global: whatever the Region, its state is the account's. */
  iam: IAMClient;
}

export function clientsFor(
  cloud: LocalCloud,
  region = 'us-east-1',
  accessKeyId = 'AKIALOCALTEST',
  extra: { maxAttempts?: number } = {},
): TestClients {
  const config = {
    region,
    endpoint: cloud.endpoint,
    credentials: { accessKeyId, secretAccessKey: 'local' },
    maxAttempts: extra.maxAttempts ?? 3,
  };
  return {
    glue: new GlueClient(config),
    lakeFormation: new LakeFormationClient(config),
    cloudTrail: new CloudTrailClient(config),
    dynamoDb: new DynamoDBClient(config),
    s3: new S3Client({ ...config, forcePathStyle: true }),
    sts: new STSClient(config),
    iam: new IAMClient(config),
  };
}

/** Starts an in-memory local cloud on a free port for one test file. */
export async function startTestCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  return startLocalCloud({ port: 0, ...options });
}

/** Calls the local cloud answered in one Region since the last reset, as `service:Operation` counts. */
export function callsIn(cloud: LocalCloud, region: string): Record<string, number> {
  const calls: Record<string, number> = {};
  for (const [service, ops] of Object.entries(cloud.stats.snapshot().byRegion[region] ?? {}))
    for (const [op, n] of Object.entries(ops)) calls[`${service}:${op}`] = n;
  return calls;
}

/** Write calls the cloud answered in one Region since the last reset, as `service:Operation` counts. */
export function writeCalls(cloud: LocalCloud, region: string): Record<string, number> {
  return Object.fromEntries(
    Object.entries(callsIn(cloud, region)).filter(([call]) =>
      isWriteOperation(call.slice(call.indexOf(':') + 1)),
    ),
  );
}

export const sum = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);

/** The error a call rejects with; throws if the call succeeds. */
export async function failure(call: Promise<unknown>): Promise<Error> {
  try {
    await call;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}
