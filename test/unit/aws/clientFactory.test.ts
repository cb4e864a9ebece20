import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetDatabasesCommand } from '@aws-sdk/client-glue';
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { ListResourcesCommand } from '@aws-sdk/client-lakeformation';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiCallCounter, isWriteOperation } from '../../../src/aws/callCounter.ts';
import { createAwsClients, LOCAL_CREDENTIALS, withLocalFallback } from '../../../src/aws/clientFactory.ts';
import { ENGINE_CLIENTS } from '../../../src/aws/clients/engineClients.ts';
import { configuredEndpoint, isLocalEndpoint } from '../../../src/aws/endpoints.ts';

interface Recorded {
  server: string;
  target: string | undefined;
  path: string | undefined;
  authorization: string | undefined;
}

const requests: Recorded[] = [];
let failNext = 0;

function startServer(name: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req: IncomingMessage, res) => {
    req.resume();
    req.on('end', () => {
      requests.push({
        server: name,
        target: req.headers['x-amz-target'] as string | undefined,
        path: req.url,
        authorization: req.headers.authorization,
      });
      if (failNext > 0) {
        failNext--;
        res.writeHead(500, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify({ __type: 'InternalServiceException', message: 'try again' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ DatabaseList: [], ResourceInfoList: [] }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

const savedEnv = { ...process.env };
let a: { server: Server; url: string };
let b: { server: Server; url: string };

beforeAll(async () => {
  a = await startServer('a');
  b = await startServer('b');
});
afterAll(() => {
  a.server.close();
  b.server.close();
});
afterEach(() => {
  process.env = { ...savedEnv };
  requests.length = 0;
  failNext = 0;
});

/** No credentials anywhere, and no instance metadata lookups, so the default chain fails fast. */
function withoutCredentials(extra: Record<string, string>): void {
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  Object.assign(process.env, {
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/nonexistent/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    ...extra,
  });
}

describe('createAwsClients', () => {
  it('relies on the SDK honouring AWS_ENDPOINT_URL_<SERVICE> over AWS_ENDPOINT_URL, with local dummy credentials', async () => {
    withoutCredentials({ AWS_ENDPOINT_URL_GLUE: a.url, AWS_ENDPOINT_URL: b.url });
    const clients = createAwsClients({ region: 'us-east-1' }, ENGINE_CLIENTS);
    await clients.glue.send(new GetDatabasesCommand({}));
    await clients.lakeFormation.send(new ListResourcesCommand({}));
    expect(requests.map((r) => r.server)).toEqual(['a', 'b']);
    expect(requests[0]?.target).toBe('AWSGlue.GetDatabases');
    expect(requests[1]?.path).toBe('/ListResources');
    expect(requests[0]?.authorization).toContain('Credential=test/');
  });

  it('sends KMS to AWS_ENDPOINT_URL_KMS, with local dummy credentials', async () => {
    withoutCredentials({ AWS_ENDPOINT_URL_KMS: a.url, AWS_ENDPOINT_URL: b.url });
    const clients = createAwsClients({ region: 'us-east-1' }, ENGINE_CLIENTS);
    await clients.kms.send(new DescribeKeyCommand({ KeyId: 'alias/x' })).catch(() => undefined);
    expect(requests.map((r) => r.server)).toEqual(['a']);
    expect(requests[0]?.target).toBe('TrentService.DescribeKey');
    expect(requests[0]?.authorization).toContain('Credential=test/');
  });

  it('lets an explicit endpoint override the environment and uses path-style S3', async () => {
    withoutCredentials({ AWS_ENDPOINT_URL_GLUE: a.url });
    const clients = createAwsClients({ region: 'us-west-2', endpoint: b.url }, ENGINE_CLIENTS);
    await clients.glue.send(new GetDatabasesCommand({}));
    expect(requests.map((r) => r.server)).toEqual(['b']);
    expect(clients.s3.config.forcePathStyle).toBe(true);
    const mode: unknown = clients.glue.config.retryMode;
    expect(typeof mode === 'function' ? await mode() : mode).toBe('adaptive');
  });

  it('counts every attempted request; Glue makes one attempt, retries belong to callWithRetry', async () => {
    withoutCredentials({});
    const counter = createApiCallCounter();
    const clients = createAwsClients({ region: 'us-east-1', endpoint: a.url, counter }, ENGINE_CLIENTS);
    failNext = 1;
    await expect(clients.glue.send(new GetDatabasesCommand({}))).rejects.toThrow();
    await clients.glue.send(new GetDatabasesCommand({}));
    await clients.lakeFormation.send(new ListResourcesCommand({}));
    expect(requests).toHaveLength(3);
    expect(counter.byOperation()).toEqual({ 'Glue:GetDatabases': 2, 'LakeFormation:ListResources': 1 });
    expect(counter.total()).toBe(3);
    expect(counter.reads()).toBe(3);
    expect(counter.writes()).toBe(0);
  });

  it('gives every client a logger that the SDK logger middleware skips, so responses are not copied for logs', async () => {
    const clients = createAwsClients({ region: 'us-east-1', endpoint: a.url }, ENGINE_CLIENTS);
    for (const name of ['glue', 'lakeFormation', 'cloudTrail', 's3', 'sts'] as const) {
      const logger = (await clients[name].config.logger) as unknown as Record<string, unknown>;
      // The middleware evaluates its sensitive-data filter only inside `logger?.info?.(…)` / `logger?.error?.(…)`.
      expect(logger.info, name).toBeUndefined();
      expect(logger.error, name).toBeUndefined();
    }
  });
});

describe('endpoint and credential helpers', () => {
  it('resolves endpoints like the SDK and recognises local ones', () => {
    const env = { AWS_ENDPOINT_URL: 'http://g', AWS_ENDPOINT_URL_S3: 'http://s3' };
    expect(configuredEndpoint('S3', undefined, env)).toBe('http://s3');
    expect(configuredEndpoint('GLUE', undefined, env)).toBe('http://g');
    expect(configuredEndpoint('GLUE', 'http://x', env)).toBe('http://x');
    expect(
      configuredEndpoint('GLUE', undefined, { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }),
    ).toBe(undefined);
    expect(isLocalEndpoint('http://127.0.0.1:4566')).toBe(true);
    expect(isLocalEndpoint('http://localhost:4566')).toBe(true);
    expect(isLocalEndpoint('https://glue.us-east-1.amazonaws.com')).toBe(false);
  });

  it('falls back to dummy credentials only when the chain has nothing', async () => {
    const real = { accessKeyId: 'AKIA', secretAccessKey: 's' };
    expect(await withLocalFallback(async () => real)()).toBe(real);
    expect(
      await withLocalFallback(async () => {
        throw new Error('no credentials');
      })(),
    ).toBe(LOCAL_CREDENTIALS);
  });

  it('classifies write operations', () => {
    for (const op of [
      'CreateTable',
      'BatchCreatePartition',
      'BatchGrantPermissions',
      'GrantPermissions',
      'PutItem',
    ])
      expect(isWriteOperation(op)).toBe(true);
    for (const op of ['GetTables', 'ListPermissions', 'LookupEvents', 'BatchGetPartition', 'Query'])
      expect(isWriteOperation(op)).toBe(false);
  });
});
