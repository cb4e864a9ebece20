import { mkdirSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';

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
    store: S3rverStore;
  };
  await s3.configureBuckets();
  const handler = s3.callback();
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

/** The part of s3rver's filesystem store the If-Match check reads. */
interface S3rverStore {
  getMetadata(bucket: string, key: string): Promise<{ etag?: string }>;
}

/**
 * s3rver ignores If-Match on GetObject/HeadObject; S3 answers 412 PreconditionFailed when the object's ETag is
 * not the one given (quotes ignored, `*` matches any). A missing object is left to s3rver (404 NoSuchKey).
 */
async function ifMatchHolds(store: S3rverStore, url: string, ifMatch: string): Promise<boolean> {
  const [bucket, ...keyParts] = new URL(url, 'http://localhost').pathname.slice(1).split('/');
  if (!bucket || keyParts.length === 0) return true;
  const key = keyParts.map(decodeURIComponent).join('/');
  const metadata = await store.getMetadata(bucket, key).catch(() => undefined);
  if (!metadata?.etag) return true;
  const unquote = (etag: string) => etag.trim().replace(/^"|"$/g, '');
  return ifMatch
    .split(',')
    .some((wanted) => wanted.trim() === '*' || unquote(wanted) === unquote(metadata.etag!));
}

function preconditionFailed(req: IncomingMessage, res: ServerResponse): void {
  const body =
    req.method === 'HEAD'
      ? ''
      : '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message><Condition>If-Match</Condition></Error>';
  req.resume();
  res.writeHead(412, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
