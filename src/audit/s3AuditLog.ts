import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { type AwsCallContextOptions, createAwsCallContext } from '../aws/awsCallContext.ts';
import { getObject, listObjectsV2, putObject } from '../aws/commands/s3.ts';
import { collectPages } from '../aws/pages.ts';
import { linesOf } from '../aws/snapshotStore.ts';
import { type AuditLog, type AuditSource, auditLine } from './auditLog.ts';
import type { AuditRecord } from './auditRecord.ts';
import { groupCommit } from './groupCommit.ts';
import { parseAuditLine } from './parseAuditLine.ts';

export interface S3AuditLocation {
  bucket: string;
  prefix: string;
}

/** How long an outcome may wait in memory for the next put when no intent forces one. */
export const S3_AUDIT_FLUSH_MS = 2_000;

/**
 * The audit log in S3. S3 objects cannot be appended to, so each flush puts a new object
 * `<prefix><run start>-<run id>-<part>.jsonl` (SSE-S3): an intent is flushed before its write goes out (with
 * whatever waited beside it), an outcome within `S3_AUDIT_FLUSH_MS` or with the next intent, and `close` flushes
 * the rest. Parts sort in write order, so the reader sees the run's records in order.
 */
export function s3AuditLog(
  s3: S3Client,
  location: S3AuditLocation,
  run: { runId: string; startedAt: string },
  options: AwsCallContextOptions,
): AuditLog {
  const context = createAwsCallContext('s3', options);
  let part = 0;
  let timer: NodeJS.Timeout | undefined;
  const commits = groupCommit<AuditRecord>(async (records) => {
    if (records.length === 0) return;
    part += 1;
    const Key = `${location.prefix}${run.startedAt.replace(/[:.]/g, '-')}-${run.runId}-${String(part).padStart(6, '0')}.jsonl`;
    const Body = records.map((r) => `${auditLine(r)}\n`).join('');
    await context.call('PutObject', `s3://${location.bucket}/${Key}`, () =>
      putObject(s3, {
        Bucket: location.bucket,
        Key,
        Body,
        ContentType: 'application/x-ndjson',
        ServerSideEncryption: 'AES256',
      }),
    );
  });
  const later = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      void commits.settle().catch(() => undefined);
    }, S3_AUDIT_FLUSH_MS);
    timer.unref();
  };
  return {
    async append(records, { durable } = {}) {
      if (durable) return commits.append(records);
      commits.add(records);
      later();
    },
    async close() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await commits.settle();
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
          listObjectsV2(s3, {
            Bucket: location.bucket,
            Prefix: location.prefix,
            Delimiter: '/',
            ContinuationToken,
          }),
        );
        return { items: page.Contents, next: page.NextContinuationToken };
      });
      const keys: string[] = [];
      for (const item of objects) if (item.Key?.endsWith('.jsonl')) keys.push(item.Key);
      for (const Key of keys.sort()) {
        const where = `s3://${location.bucket}/${Key}`;
        const object = await context.call('GetObject', where, () =>
          getObject(s3, { Bucket: location.bucket, Key }),
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
