import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

/** A real s3rver on a free port and a client that records every command it sends (for SSE assertions). */
export interface RecordingS3 {
  s3: S3Client;
  sent: Array<{ name: string; input: Record<string, unknown> }>;
  stop(): Promise<void>;
}

export async function startRecordingS3(bucket: string): Promise<RecordingS3> {
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: await mkdtemp(join(tmpdir(), 's3rver-')),
  });
  const address = (await server.run()) as AddressInfo;
  const s3 = new S3Client({
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${address.port}`,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  const sent: RecordingS3['sent'] = [];
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push({ name: context.commandName as string, input: args.input as Record<string, unknown> });
      return next(args);
    },
    { step: 'initialize', name: 'recordCommands' },
  );
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    s3,
    sent,
    stop: async () => {
      s3.destroy();
      await server.close();
    },
  };
}
