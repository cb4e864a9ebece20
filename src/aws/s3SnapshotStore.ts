import type { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  type CompletedPart,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { parseSnapshotUri } from '../config/snapshotUri.ts';
import { isLakemirrorError, LakemirrorError } from '../model/errors.ts';
import { type AwsCallContext, type AwsCallContextOptions, createAwsCallContext } from './awsCallContext.ts';
import { awsErrorName } from './classifyAwsError.ts';
import { collectPages } from './pages.ts';
import {
  assertSingleLine,
  assertSnapshotName,
  linesOf,
  newestFirst,
  type SnapshotInfo,
  type SnapshotPin,
  type SnapshotStore,
  type SnapshotWriter,
  snapshotChanged,
} from './snapshotStore.ts';

/** Multipart part size: memory per open writer is bounded by it. */
export const S3_PART_BYTES = 8 * 1024 * 1024;
const ENCRYPTION = { ServerSideEncryption: 'AES256' as const };

/**
 * Snapshots as objects under `s3://bucket/prefix/`. Every object is encrypted (SSE-S3); large
 * snapshots stream out as a multipart upload of 8 MiB parts, which S3 only makes visible on
 * completion, so readers never see a partial snapshot.
 */
export class S3SnapshotStore implements SnapshotStore {
  private readonly context: AwsCallContext;

  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
    readonly prefix: string,
    options: AwsCallContextOptions & { partBytes?: number },
  ) {
    this.context = createAwsCallContext('s3', options);
    this.partBytes = options.partBytes ?? S3_PART_BYTES;
  }

  private readonly partBytes: number;

  async openWriter(name: string): Promise<SnapshotWriter> {
    assertSnapshotName(name);
    const key = `${this.prefix}${name}`;
    const object = `s3://${this.bucket}/${key}`;
    const target = { Bucket: this.bucket, Key: key };
    let buffered: Buffer[] = [];
    let bufferedBytes = 0;
    let uploadId: string | undefined;
    const parts: CompletedPart[] = [];
    const take = () => {
      const body = Buffer.concat(buffered);
      buffered = [];
      bufferedBytes = 0;
      return body;
    };
    const uploadPart = async () => {
      if (!uploadId) {
        const created = await this.context.call('CreateMultipartUpload', object, () =>
          this.s3.send(new CreateMultipartUploadCommand({ ...target, ...ENCRYPTION })),
        );
        uploadId = created.UploadId;
      }
      const PartNumber = parts.length + 1;
      const Body = take();
      const UploadId = uploadId;
      const { ETag } = await this.context.call('UploadPart', object, () =>
        this.s3.send(new UploadPartCommand({ ...target, UploadId, PartNumber, Body })),
      );
      parts.push({ PartNumber, ETag });
    };
    const abort = async () => {
      buffered = [];
      if (uploadId) {
        const UploadId = uploadId;
        await this.s3.send(new AbortMultipartUploadCommand({ ...target, UploadId })).catch(() => undefined);
      }
    };
    const run = async <T>(step: () => Promise<T>): Promise<T> => {
      try {
        return await step();
      } catch (error) {
        await abort();
        throw error;
      }
    };
    return {
      writeLine: (line) =>
        run(async () => {
          assertSingleLine(line);
          const bytes = Buffer.from(`${line}\n`, 'utf8');
          buffered.push(bytes);
          bufferedBytes += bytes.length;
          if (bufferedBytes >= this.partBytes) await uploadPart();
        }),
      close: () =>
        run(async () => {
          if (!uploadId) {
            const Body = take();
            const put = await this.context.call('PutObject', object, () =>
              this.s3.send(new PutObjectCommand({ ...target, Body, ...ENCRYPTION })),
            );
            return { uri: object, ...versionOf(put) };
          } else {
            if (bufferedBytes > 0) await uploadPart();
            const UploadId = uploadId;
            const done = await this.context.call('CompleteMultipartUpload', object, () =>
              this.s3.send(
                new CompleteMultipartUploadCommand({
                  ...target,
                  UploadId,
                  MultipartUpload: { Parts: parts },
                }),
              ),
            );
            return { uri: object, ...versionOf(done) };
          }
        }),
      abort,
    };
  }

  /**
   * With a pin, every read gets the version the first read got: by VersionId in a versioned bucket (a
   * replacement then cannot touch what is read), else by ETag with If-Match (S3 answers 412 once replaced).
   */
  async *readLines(uri: string, pin?: SnapshotPin): AsyncIterable<string> {
    const location = parseSnapshotUri(uri);
    if (location.kind !== 's3' || location.prefix === '') {
      throw new LakemirrorError({
        code: 'snapshot.invalidUri',
        source: 'user',
        message: `'${uri}' is not an S3 snapshot object URI (s3://bucket/key)`,
      });
    }
    const Key = location.prefix.replace(/\/$/, '');
    const pinned = pin?.version ? pinnedParams(pin.version) : {};
    const result = await this.context
      .call('GetObject', uri, () =>
        this.s3.send(new GetObjectCommand({ Bucket: location.bucket, Key, ...pinned })),
      )
      .catch((error: unknown) => {
        const name = awsErrorName(isLakemirrorError(error) ? error.cause : error);
        if (
          pin?.version &&
          (name === 'PreconditionFailed' || name === 'NoSuchVersion' || name === 'NoSuchKey')
        )
          throw snapshotChanged(uri, error);
        throw error;
      });
    if (pin && !pin.version) pin.version = versionOf(result).version;
    yield* linesOf(result.Body as Readable);
  }

  async list(): Promise<SnapshotInfo[]> {
    const objects = await collectPages(async (ContinuationToken) => {
      const page = await this.context.call('ListObjectsV2', `s3://${this.bucket}/${this.prefix}`, () =>
        this.s3.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: this.prefix,
            Delimiter: '/',
            ContinuationToken,
          }),
        ),
      );
      return { items: page.Contents, next: page.NextContinuationToken };
    });
    const infos: SnapshotInfo[] = [];
    for (const item of objects) {
      if (!item.Key || item.Key.endsWith('/')) continue;
      infos.push({
        uri: `s3://${this.bucket}/${item.Key}`,
        lastModified: item.LastModified ?? new Date(0),
        size: item.Size ?? 0,
      });
    }
    return infos.sort(newestFirst);
  }

  async latest(): Promise<SnapshotInfo | undefined> {
    return (await this.list())[0];
  }
}

/** `versionId:<id>` when the bucket keeps versions, else `etag:<etag>`. */
export function versionOf(answer: { VersionId?: string; ETag?: string }): { version?: string } {
  if (answer.VersionId && answer.VersionId !== 'null') return { version: `versionId:${answer.VersionId}` };
  return answer.ETag ? { version: `etag:${answer.ETag}` } : {};
}

/** What pins a GetObject to `version`: the VersionId itself, or If-Match on the ETag. */
export function pinnedParams(version: string): { VersionId?: string; IfMatch?: string } {
  if (version.startsWith('versionId:')) return { VersionId: version.slice('versionId:'.length) };
  return { IfMatch: version.slice('etag:'.length) };
}
