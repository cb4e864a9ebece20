import {
  CopyObjectCommand,
  CreateBucketCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';

/**
 * Copies the demo lake's data bucket to the DR bucket, standing in for S3 Cross-Region Replication:
 * lakemirror replicates metadata only, and a DR drill checks that the data its tables name is there.
 */
export async function mirrorBucket(s3: S3Client, from: string, to: string): Promise<number> {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: to }));
  } catch (error) {
    if (!/BucketAlready/.test((error as Error).name)) throw error;
  }
  let copied = 0;
  let ContinuationToken: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: from, ContinuationToken }));
    for (const object of page.Contents ?? []) {
      await s3.send(
        new CopyObjectCommand({ Bucket: to, Key: object.Key, CopySource: `${from}/${object.Key}` }),
      );
      copied += 1;
    }
    ContinuationToken = page.NextContinuationToken;
  } while (ContinuationToken);
  return copied;
}
