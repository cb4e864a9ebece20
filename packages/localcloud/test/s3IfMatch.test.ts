import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, startTestCloud } from '../../../test/support/localCloud.ts';
import type { LocalCloud } from '../src/server.ts';

describe('local cloud S3 honours If-Match, as S3 does', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('answers the object for its own ETag and 412 PreconditionFailed once it was replaced', async () => {
    const { s3 } = clientsFor(cloud);
    await s3.send(new CreateBucketCommand({ Bucket: 'if-match' }));
    const first = await s3.send(new PutObjectCommand({ Bucket: 'if-match', Key: 'a/b.json', Body: 'one' }));
    const object = { Bucket: 'if-match', Key: 'a/b.json' };

    const same = await s3.send(new GetObjectCommand({ ...object, IfMatch: first.ETag }));
    expect(await same.Body!.transformToString()).toBe('one');
    await s3.send(new PutObjectCommand({ ...object, Body: 'two' }));

    await expect(s3.send(new GetObjectCommand({ ...object, IfMatch: first.ETag }))).rejects.toMatchObject({
      name: 'PreconditionFailed',
      $metadata: { httpStatusCode: 412 },
    });
    await expect(s3.send(new HeadObjectCommand({ ...object, IfMatch: first.ETag }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 412 },
    });
    const any = await s3.send(new GetObjectCommand({ ...object, IfMatch: '*' }));
    expect(await any.Body!.transformToString()).toBe('two');
  });
});
