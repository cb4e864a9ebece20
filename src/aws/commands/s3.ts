import {
  DeleteObjectCommand,
  type DeleteObjectCommandInput,
  type DeleteObjectCommandOutput,
  GetObjectCommand,
  type GetObjectCommandInput,
  type GetObjectCommandOutput,
  ListObjectsV2Command,
  type ListObjectsV2CommandInput,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  type PutObjectCommandInput,
  type PutObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';

/**
 * S3 requests for modules outside `src/aws` that hold a client, one function per operation, so that
 * only `src/aws` loads the SDK. Each sends one request; retries and error naming
 * are the caller's (through its call context, where it has one).
 */

export const deleteObject = (
  client: S3Client,
  input: DeleteObjectCommandInput,
): Promise<DeleteObjectCommandOutput> => client.send(new DeleteObjectCommand(input));

export const getObject = (client: S3Client, input: GetObjectCommandInput): Promise<GetObjectCommandOutput> =>
  client.send(new GetObjectCommand(input));

export const listObjectsV2 = (
  client: S3Client,
  input: ListObjectsV2CommandInput,
): Promise<ListObjectsV2CommandOutput> => client.send(new ListObjectsV2Command(input));

export const putObject = (client: S3Client, input: PutObjectCommandInput): Promise<PutObjectCommandOutput> =>
  client.send(new PutObjectCommand(input));
