import type { Readable } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { type AwsCallContextOptions, createAwsCallContext } from '../aws/awsCallContext.ts';
import { collectPages } from '../aws/pages.ts';
import { linesOf } from '../aws/snapshotStore.ts';
import { type AuditLog, type AuditSource, serialised } from './auditLog.ts';
import { parseAuditLine } from './parseAuditLine.ts';

export interface S3AuditLocation {
  bucket: string;
  prefix: string;
}

/**
 * The audit log in S3: one object per run (`<prefix><run start>-<run id>.jsonl`), put on `close` with
 * SSE-S3. S3 objects cannot be appended to, so a run's records are buffered until it ends.
 */
export function s3AuditLog(
  s3: S3Client,
  location: S3AuditLocation,
  run: { runId: string; startedAt: string },
  options: AwsCallContextOptions,
): AuditLog {
  const context = createAwsCallContext('s3', options);
  const lines: string[] = [];
  const append = serialised(async (text) => {
    lines.push(text);
  });
  return {
    append,
    async close() {
      await append([]);
      if (lines.length === 0) return;
      const Key = `${location.prefix}${run.startedAt.replace(/[:.]/g, '-')}-${run.runId}.jsonl`;
      const Body = lines.join('');
      lines.length = 0;
      await context.call('PutObject', `s3://${location.bucket}/${Key}`, () =>
        s3.send(
          new PutObjectCommand({
            Bucket: location.bucket,
            Key,
            Body,
            ContentType: 'application/x-ndjson',
            ServerSideEncryption: 'AES256',
          }),
        ),
      );
    },
  };
}

/** Reads every run object under the prefix, in key (time) order. */
export function s3AuditSource(
  s3: S3Client,
  location: S3AuditLocation,
  options: AwsCallContextOptions,
): AuditSource {
  const context = createAwsCallContext('s3', options);
  return {
    async *read() {
      const objects = await collectPages(async (ContinuationToken) => {
        const page = await context.call('ListObjectsV2', `s3://${location.bucket}/${location.prefix}`, () =>
          s3.send(
            new ListObjectsV2Command({
              Bucket: location.bucket,
              Prefix: location.prefix,
              Delimiter: '/',
              ContinuationToken,
            }),
          ),
        );
        return { items: page.Contents, next: page.NextContinuationToken };
      });
      const keys: string[] = [];
      for (const item of objects) if (item.Key?.endsWith('.jsonl')) keys.push(item.Key);
      for (const Key of keys.sort()) {
        const where = `s3://${location.bucket}/${Key}`;
        const object = await context.call('GetObject', where, () =>
          s3.send(new GetObjectCommand({ Bucket: location.bucket, Key })),
        );
        let line = 0;
        for await (const text of linesOf(object.Body as Readable)) {
          line += 1;
          if (text.trim() !== '') yield { record: parseAuditLine(text, `${where}:${line}`), where };
        }
      }
    },
  };
}
