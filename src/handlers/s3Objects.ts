import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { splitS3Uri } from './onDemandContract.ts';

/** One client per container; the bucket is in the function's own (the source) Region. */
let client: S3Client | undefined;
const s3 = () => {
  client ??= new S3Client({});
  return client;
};

/** Reads a JSON object; `undefined` when it does not exist. */
export async function getJson<T>(uri: string): Promise<T | undefined> {
  const { bucket, key } = splitS3Uri(uri);
  try {
    const answer = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return JSON.parse((await answer.Body?.transformToString('utf8')) ?? 'null') as T;
  } catch (error) {
    if ((error as Error).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

/** Writes a JSON object (SSE-S3, as every lakemirror object). */
export async function putJson(uri: string, value: unknown): Promise<void> {
  const { bucket, key } = splitS3Uri(uri);
  await s3().send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: JSON.stringify(value),
      ContentType: 'application/json',
      ServerSideEncryption: 'AES256',
    }),
  );
}

/** Every object URI under a prefix URI. */
export async function listUris(prefixUri: string): Promise<string[]> {
  const { bucket, key: prefix } = splitS3Uri(prefixUri);
  const uris: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3().send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        ...(token ? { ContinuationToken: token } : {}),
      }),
    );
    for (const object of page.Contents ?? []) if (object.Key) uris.push(`s3://${bucket}/${object.Key}`);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return uris;
}
