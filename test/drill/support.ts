import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { LocalCloud } from '@lakemirror/localcloud';
import { demoLake } from '@lakemirror/localcloud';
import { clientsFor } from '../support/localCloud.ts';

export const TARGET_BUCKET = 'lakemirror-demo-lake-usw2';

/**
 * The data half of DR, which lakemirror does not copy (S3 replication does): the demo lake's objects
 * under the same keys in the us-west-2 bucket the config's s3Mapping names.
 */
export async function replicateDemoData(cloud: LocalCloud): Promise<void> {
  const { s3 } = clientsFor(cloud, 'us-west-2');
  await s3.send(new CreateBucketCommand({ Bucket: TARGET_BUCKET }));
  for (const object of demoLake().objects)
    await s3.send(new PutObjectCommand({ Bucket: TARGET_BUCKET, Key: object.Key, Body: object.Body }));
}
