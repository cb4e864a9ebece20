import { mkdirSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { type ObjectExistence, withConditionalWrites } from './s3ConditionalWrites.ts';
import { ifMatchHolds, preconditionFailed, type S3rverStore } from './s3IfMatch.ts';

const require = createRequire(import.meta.url);

/** A third-party emulator mounted behind the local cloud's port, reached by its SigV4 signing name. */
export interface EmbeddedEmulator {
  readonly signingName: string;
  /** The operation name for call counts. */
  operationOf(req: IncomingMessage, url: URL): string;
  handle(req: IncomingMessage, res: ServerResponse, accessKeyId: string): void;
  stop(): Promise<void>;
}

/**
 * DynamoDB through dynalite. It listens on an ephemeral loopback port only so that its own close
 * sequence (which flushes LevelDB) runs; requests are handed to it in-process.
 */
export async function startDynamo(path: string | undefined): Promise<EmbeddedEmulator> {
  const dynalite = require('dynalite') as (options: Record<string, unknown>) => Server;
  if (path) mkdirSync(path, { recursive: true });
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    signingName: 'dynamodb',
    operationOf: (req) =>
      String(req.headers['x-amz-target'] ?? '')
        .split('.')
        .pop() ?? 'Unknown',
    handle: (req, res) => server.emit('request', req, res),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** S3 through s3rver (path-style addressing), its objects kept under `directory`. */
export async function startS3(directory: string): Promise<EmbeddedEmulator> {
  const S3rver = require('s3rver') as new (
    options: Record<string, unknown>,
  ) => {
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    configureBuckets(): Promise<void>;
  };
  mkdirSync(directory, { recursive: true });
  const s3 = new S3rver({ directory, silent: true, resetOnClose: false }) as InstanceType<typeof S3rver> & {
    store: S3rverStore & ObjectExistence;
  };
  await s3.configureBuckets();
  const handler = withConditionalWrites(s3.store, s3.callback());
  // s3rver does not verify SigV4 signatures but does look access keys up: any key is welcome here.
  const account = require('s3rver/lib/models/account.js') as {
    DUMMY_ACCOUNT: { accessKeys: Map<string, string>; createKeyPair(id: string, secret: string): void };
  };
  return {
    signingName: 's3',
    operationOf: (req, url) =>
      `${req.method ?? 'GET'} ${url.pathname.split('/').length > 2 ? 'Object' : 'Bucket'}`,
    handle: (req, res, accessKeyId) => {
      if (!account.DUMMY_ACCOUNT.accessKeys.has(accessKeyId))
        account.DUMMY_ACCOUNT.createKeyPair(accessKeyId, 'local');
      const ifMatch = req.headers['if-match'];
      if (typeof ifMatch !== 'string' || (req.method !== 'GET' && req.method !== 'HEAD')) {
        handler(req, res);
        return;
      }
      void ifMatchHolds(s3.store, req.url ?? '/', ifMatch).then(
        (holds) => (holds ? handler(req, res) : preconditionFailed(req, res)),
        () => handler(req, res),
      );
    },
    stop: async () => {},
  };
}
