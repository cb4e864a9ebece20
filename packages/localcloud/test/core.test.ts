import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { CreateTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, startTestCloud } from '../../../test/support/localCloud.ts';
import type { LocalCloud } from '../src/server.ts';

describe('local cloud core', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('answers CloudTrail LookupEvents through the real client', async () => {
    const { cloudTrail } = clientsFor(cloud);
    const answer = await cloudTrail.send(new LookupEventsCommand({ MaxResults: 50 }));
    expect(answer.Events).toEqual([]);
  });

  it('rejects more than one lookup attribute as CloudTrail does', async () => {
    const { cloudTrail } = clientsFor(cloud);
    await expect(
      cloudTrail.send(
        new LookupEventsCommand({
          LookupAttributes: [
            { AttributeKey: 'EventName', AttributeValue: 'CreateTable' },
            { AttributeKey: 'ReadOnly', AttributeValue: 'false' },
          ],
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidLookupAttributesException' });
  });

  it('serves DynamoDB (dynalite) and S3 (s3rver) on the same port', async () => {
    const { dynamoDb, s3 } = clientsFor(cloud);
    await dynamoDb.send(
      new CreateTableCommand({
        TableName: 'events',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    expect((await dynamoDb.send(new ListTablesCommand({}))).TableNames).toContain('events');
    await s3.send(new CreateBucketCommand({ Bucket: 'snapshots' }));
    await s3.send(new PutObjectCommand({ Bucket: 'snapshots', Key: 'a/b.json', Body: '{"x":1}' }));
    const object = await s3.send(new GetObjectCommand({ Bucket: 'snapshots', Key: 'a/b.json' }));
    expect(await object.Body?.transformToString()).toBe('{"x":1}');
  });

  it('answers malformed requests with real-shaped errors and keeps serving', async () => {
    const scope = 'Credential=AKIA/20260101/us-east-1/glue/aws4_request, SignedHeaders=host, Signature=x';
    const bad = await fetch(cloud.endpoint, {
      method: 'POST',
      headers: { authorization: `AWS4-HMAC-SHA256 ${scope}`, 'x-amz-target': 'AWSGlue.NoSuchOp' },
      body: '{',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-amzn-errortype')).toBeTruthy();
    const unsigned = await fetch(cloud.endpoint, { method: 'POST', body: '{}' });
    expect(unsigned.status).toBe(403);
    const health = await fetch(`${cloud.endpoint}/_localcloud/health`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
  });

  it('counts calls by Region, service and operation on the admin endpoint', async () => {
    const { cloudTrail } = clientsFor(cloud, 'eu-west-1');
    await fetch(`${cloud.endpoint}/_localcloud/calls/reset`, { method: 'POST' });
    await cloudTrail.send(new LookupEventsCommand({}));
    const calls = (await (await fetch(`${cloud.endpoint}/_localcloud/calls`)).json()) as any;
    expect(calls.byRegion['eu-west-1'].cloudtrail.LookupEvents).toBe(1);
  });
});
