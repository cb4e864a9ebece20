import type { S3Client } from '@aws-sdk/client-s3';
import { createAwsClients } from '../aws/clientFactory.ts';
import { s3 as s3Builder } from '../aws/clients/s3.ts';
import { getObject, putObject } from '../aws/commands/s3.ts';
import { functionRegion } from './functionRegion.ts';
import { splitS3Uri } from './onDemandContract.ts';

/** One client per container; the bucket is in the function's own (the source) Region. */
let client: S3Client | undefined;
const s3 = () => {
  client ??= createAwsClients({ region: functionRegion() }, { s3: s3Builder }).s3;
  return client;
};

/** Reads a JSON object; `undefined` when it does not exist. */
export async function getJson<T>(uri: string): Promise<T | undefined> {
  const { bucket, key } = splitS3Uri(uri);
  try {
    const answer = await getObject(s3(), { Bucket: bucket, Key: key });
    return JSON.parse((await answer.Body?.transformToString('utf8')) ?? 'null') as T;
  } catch (error) {
    if ((error as Error).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

/** Writes a JSON object (SSE-S3, as every lakemirror object). */
export async function putJson(uri: string, value: unknown): Promise<void> {
  const { bucket, key } = splitS3Uri(uri);
  await putObject(s3(), {
    Bucket: bucket,
    Key: key,
    Body: JSON.stringify(value),
    ContentType: 'application/json',
    ServerSideEncryption: 'AES256',
  });
}
