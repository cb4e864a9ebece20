import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountForAccessKey } from './accounts.ts';
import { handleAdmin } from './admin.ts';
import { adminRefusal, isLoopbackHost } from './adminGuard.ts';
import { CallStats } from './callStats.ts';
import {
  CloudTrailLog,
  type CloudTrailLog as CloudTrailLogType,
  type CloudTrailSettings,
} from './cloudTrailLog.ts';
import { type DispatchDeps, dispatchServiceCall } from './dispatch.ts';
import { type EmbeddedEmulator, startDynamo, startS3 } from './embedded.ts';
import { FaultInjector, type FaultSettings } from './faults.ts';
import { StatePersistence } from './persistence.ts';
import { PushDelivery, type PushSettings } from './pushDelivery.ts';
import type { ServiceDefinition } from './service.ts';
import { allServices } from './services/index.ts';
import { QueueBroker } from './services/sqs/queues.ts';
import { readCredentialScope } from './sigv4Scope.ts';
import { CloudState } from './state.ts';

export interface LocalCloudOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Where state, CloudTrail history, DynamoDB and S3 data persist; absent = in memory only. */
  dataDir?: string;
  faults?: Partial<FaultSettings>;
  cloudTrail?: Partial<CloudTrailSettings>;
  /** Explicit access key → account id mapping (keys with a 12-digit run map to it anyway). */
  accounts?: Record<string, string>;
  /** Milliseconds between persisting dirty state (writes are batched, then renamed into place). */
  persistIntervalMs?: number;
  /** Start DynamoDB (dynalite) and S3 (s3rver) behind the same port. Default true. */
  embedded?: boolean;
  /** EventBridge-style delivery of Glue and Lake Formation calls to an SQS queue. */
  push?: Partial<PushSettings>;
  /** Where the warning about a non-loopback address goes (default console.warn). */
  warn?: (message: string) => void;
}

/** A running local cloud. */
export interface LocalCloud {
  readonly endpoint: string;
  readonly port: number;
  readonly state: CloudState;
  readonly faults: FaultInjector;
  readonly stats: CallStats;
  readonly trail: CloudTrailLogType;
  readonly accounts: Map<string, string>;
  readonly queues: QueueBroker;
  readonly push: PushDelivery;
  /** Writes every dirty Region's state now. */
  persist(): void;
  /** Forgets all emulated state (and CloudTrail history); DynamoDB and S3 are left alone. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** An admin request body is a small JSON object; anything larger is refused unread. */
const MAX_ADMIN_BODY_BYTES = 64 * 1024;

/** Reads the body; answers undefined (and stops reading) once it passes `maxBytes`. */
function readBody(req: IncomingMessage, maxBytes = Number.POSITIVE_INFINITY): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body).toString() });
  res.end(body);
}

/** Starts the emulator of Glue, Lake Formation, CloudTrail, STS and IAM, with DynamoDB and S3 beside them. */
export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const host = options.host ?? '127.0.0.1';
  const dataDir = options.dataDir;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const persistence = dataDir ? new StatePersistence(dataDir) : undefined;
  const state = new CloudState();
  for (const loaded of persistence?.loadAll() ?? []) state.put(loaded);
  const trail = new CloudTrailLog(dataDir, options.cloudTrail);
  const faults = new FaultInjector(options.faults);
  const stats = new CallStats();
  const accounts = new Map(Object.entries(options.accounts ?? {}));

  let persistTimer: NodeJS.Timeout | undefined;
  const persist = () => {
    persistTimer = undefined;
    if (!persistence) return;
    for (const region of state.all()) if (region.dirty) persistence.save(region);
  };
  const onMutation = () => {
    if (persistence && !persistTimer) persistTimer = setTimeout(persist, options.persistIntervalMs ?? 50);
  };
  const queues = new QueueBroker();
  const push = new PushDelivery(queues, options.push);
  const onRecorded = (record: Record<string, unknown>) => push.offer(record);
  const deps: DispatchDeps = { state, faults, stats, trail, onMutation, onRecorded };
  const services = new Map<string, ServiceDefinition>(
    allServices(trail, queues).map((s) => [s.signingName, s]),
  );

  const scratchDir = dataDir ? undefined : mkdtempSync(join(tmpdir(), 'lakemirror-localcloud-'));
  const embeddedDir = dataDir ?? scratchDir!;
  const embedded: EmbeddedEmulator[] =
    options.embedded === false
      ? []
      : await Promise.all([
          startDynamo(dataDir ? join(dataDir, 'dynamodb') : undefined),
          startS3(join(embeddedDir, 's3')),
        ]);
  const bySigningName = new Map(embedded.map((e) => [e.signingName, e]));

  const cloud: LocalCloud = {
    endpoint: '',
    port: 0,
    state,
    faults,
    stats,
    trail,
    accounts,
    queues,
    push,
    persist,
    async reset() {
      state.clear();
      await trail.clear();
      persistence?.removeAll();
    },
    async stop() {
      if (persistTimer) clearTimeout(persistTimer);
      persist();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await trail.flush();
      await Promise.all(embedded.map((e) => e.stop()));
      if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
    },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/_localcloud/')) {
      const json = { 'content-type': 'application/json' };
      const refusal = adminRefusal(req, host);
      if (refusal) return send(res, 403, json, JSON.stringify({ error: refusal }));
      const body = await readBody(req, MAX_ADMIN_BODY_BYTES);
      if (body === undefined)
        return send(res, 413, json, JSON.stringify({ error: `body over ${MAX_ADMIN_BODY_BYTES} bytes` }));
      const answer = await handleAdmin(cloud, req.method ?? 'GET', url, body);
      send(res, answer.status, json, JSON.stringify(answer.body));
      return;
    }
    const scope = readCredentialScope(req, url);
    if (!scope) {
      send(
        res,
        403,
        { 'content-type': 'application/json', 'x-amzn-errortype': 'MissingAuthenticationTokenException' },
        JSON.stringify({
          __type: 'MissingAuthenticationTokenException',
          message: 'Missing Authentication Token',
        }),
      );
      return;
    }
    if (faults.isUnreachable(scope.region)) {
      // Counted, so a test can prove nothing tried the Region; then no answer at all, as in an outage.
      stats.record(scope.region, scope.service, 'Unreachable');
      req.socket.destroy();
      return;
    }
    const forward = bySigningName.get(scope.service);
    if (forward) {
      stats.record(scope.region, scope.service, forward.operationOf(req, url));
      const delay = faults.delayMs();
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      forward.handle(req, res, scope.accessKeyId);
      return;
    }
    const service = services.get(scope.service);
    const body = (await readBody(req)) ?? '';
    if (!service) {
      send(
        res,
        400,
        { 'content-type': 'application/json', 'x-amzn-errortype': 'UnrecognizedClientException' },
        JSON.stringify({
          __type: 'UnrecognizedClientException',
          message: `The local cloud does not emulate ${scope.service}`,
        }),
      );
      return;
    }
    const accountId = accountForAccessKey(scope.accessKeyId, accounts);
    const answer = await dispatchServiceCall(deps, {
      service,
      region: scope.region,
      accountId,
      accessKeyId: scope.accessKeyId,
      req,
      url,
      body,
    });
    send(res, answer.status, answer.headers, answer.body);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[localcloud] request failed:', error);
      if (!res.headersSent)
        send(res, 500, { 'content-type': 'application/json' }, JSON.stringify({ __type: 'InternalFailure' }));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 4566, host, () => resolve());
    });
  } catch (error) {
    // Nothing may keep running on another port: the embedded emulators stop with the server that failed.
    await Promise.all(embedded.map((e) => e.stop()));
    if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
    throw listenError(error, host, options.port ?? 4566);
  }
  if (!isLoopbackHost(host))
    (options.warn ?? console.warn)(
      `[localcloud] WARNING: listening on ${host}, not a loopback address: anyone who can reach it can read and change the emulated accounts, with any credentials`,
    );
  const port = (server.address() as AddressInfo).port;
  Object.assign(cloud, { port, endpoint: `http://${host}:${port}` });
  queues.endpoint = cloud.endpoint;
  return cloud;
}

/** Why the local cloud cannot listen, with the fix (the emulator is self-contained: a plain error with a code). */
function listenError(error: unknown, host: string, port: number): Error & { code?: string; fix: string } {
  const code = (error as NodeJS.ErrnoException).code;
  const inUse = code === 'EADDRINUSE';
  return Object.assign(
    new Error(
      inUse
        ? `cannot listen on ${host}:${port}: the port is in use by another process`
        : `cannot listen on ${host}:${port}: ${(error as Error).message}`,
      { cause: error },
    ),
    {
      ...(code ? { code } : {}),
      fix: inUse
        ? 'stop the other process, or pass another --port (--port 0 picks a free one)'
        : 'check --host and --port',
    },
  );
}
