import { type ApiCallCounter, createApiCallCounter } from '../aws/callCounter.ts';
import { type AwsClientOptions, type AwsClients, createAwsClients } from '../aws/clientFactory.ts';
import type { ClientBuilders } from '../aws/clients/clientBuilders.ts';
import { createSnapshotStore } from '../aws/createSnapshotStore.ts';
import { configuredEndpoint, isLocalEndpoint } from '../aws/endpoints.ts';
import { createGlueCatalogObjects } from '../aws/glueCatalogObjects.ts';
import { GlueCatalogReader } from '../aws/glueCatalogReader.ts';
import { GlueCatalogWriter } from '../aws/glueCatalogWriter.ts';
import { KmsSnapshotSigner, kmsKeyRegion } from '../aws/kmsSnapshotSigner.ts';
import { LakeFormationStore } from '../aws/lakeFormationStore.ts';
import { RateLimiterRegistry } from '../aws/rateLimiter.ts';
import type { SnapshotStore } from '../aws/snapshotStore.ts';
import { getCallerIdentity } from '../aws/stsIdentity.ts';
import type { LakemirrorConfig, TargetConfig } from '../config/configSchema.ts';
import { createLeaseStore } from '../lease/createLeaseStore.ts';
import type { LeaseStore } from '../lease/leaseStore.ts';
import { LakemirrorError } from '../model/errors.ts';
import type { SnapshotSigner } from '../model/snapshotSigner.ts';
import { TOOL } from '../version.ts';
import { type Output, silentOutput } from './output.ts';
import type { RegionSide } from './regionSide.ts';

/** Everything a use case needs from the outside world, built once per run from the config. */
export interface Runtime {
  readonly config: LakemirrorConfig;
  readonly output: Output;
  readonly tool: string;
  /** The snapshot store of the config (`snapshots.uri`). */
  readonly store: SnapshotStore;
  /** Where the one-writer-per-target leases are kept (beside the snapshots). */
  readonly leases: LeaseStore;
  /** Signs snapshots written and verifies snapshots read (config `snapshots.signingKey`); absent: unsigned. */
  readonly snapshotSigner?: SnapshotSigner;
  /** Whether every endpoint is the local cloud (no real account is touched). */
  readonly local: boolean;
  /** Filters that match nothing are errors (`--strict`), not warnings. */
  readonly strict: boolean;
  source(): Promise<RegionSide>;
  target(target: TargetConfig): Promise<RegionSide>;
  /** Raw clients of a Region, for the real-time mode and checks. */
  clients(region: string, options?: { roleArn?: string }): AwsClients;
  /**
   * Where and as whom the Region's clients connect, for a client the engine does not build (the drill's IAM
   * client): `createAwsClients(runtime.clientOptions(region), { iam })` acts as the Region's clients do.
   */
  clientOptions(region: string, options?: { roleArn?: string }): AwsClientOptions;
  now(): Date;
}

export interface RuntimeOptions {
  profile?: string;
  endpoint?: string;
  output?: Output;
  strict?: boolean;
  now?: () => Date;
  /** Test hook: wraps each side's writer so a test can crash a run after K writes. */
  wrapSide?: (side: RegionSide) => RegionSide;
}

/**
 * Builds the runtime: one client set, call counter and rate-limiter registry per side, created lazily. Only
 * the clients `builders` names are built (a Lambda handler passes its use case's set, so its bundle holds no
 * other SDK client); asking the runtime for another one is `internal.clientNotBuilt`.
 */
export function createRuntimeWith(
  builders: ClientBuilders,
  config: LakemirrorConfig,
  options: RuntimeOptions = {},
): Runtime {
  const endpoint = options.endpoint ?? config.localcloud?.endpoint;
  const limiters = new RateLimiterRegistry();
  const sides = new Map<string, Promise<RegionSide>>();
  const clientCache = new Map<string, AwsClients>();
  const clientOptions = (
    region: string,
    extra: { roleArn?: string; counter?: ApiCallCounter; profile?: string },
  ): AwsClientOptions => ({
    region,
    ...((extra.profile ?? options.profile) ? { profile: extra.profile ?? options.profile } : {}),
    ...(extra.roleArn ? { roleArn: extra.roleArn } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(extra.counter ? { counter: extra.counter } : {}),
  });
  const clients = (
    region: string,
    extra: { roleArn?: string; counter?: ApiCallCounter; profile?: string } = {},
  ) => {
    const id = `${region}|${extra.roleArn ?? ''}|${extra.counter ? 'counted' : ''}`;
    let set = extra.counter ? undefined : clientCache.get(id);
    if (!set) {
      set = withoutOthers(createAwsClients(clientOptions(region, extra), builders));
      if (!extra.counter) clientCache.set(id, set);
    }
    return set;
  };
  const openSide = (
    key: string,
    spec: { region: string; roleArn?: string; profile?: string; catalogId?: string; accountId?: string },
  ): Promise<RegionSide> => {
    let side = sides.get(key);
    if (!side) {
      side = (async () => {
        const counter = createApiCallCounter();
        const set = clients(spec.region, { ...spec, counter });
        const caller = await callerIdentity(set, spec.region, spec.roleArn, endpoint);
        const accountId = spec.catalogId ?? spec.accountId ?? caller.account;
        const adapterOptions = {
          region: spec.region,
          concurrency: config.concurrency,
          limiters,
          ...(spec.catalogId ? { catalogId: spec.catalogId } : {}),
        };
        const built: RegionSide = {
          region: spec.region,
          accountId,
          glueReader: new GlueCatalogReader(set.glue, adapterOptions),
          glueWriter: new GlueCatalogWriter(set.glue, adapterOptions),
          glueObjects: createGlueCatalogObjects(set.glue, adapterOptions, accountId),
          lakeFormation: new LakeFormationStore(set.lakeFormation, adapterOptions),
          counter,
          ...(caller.arn ? { callerArn: caller.arn } : {}),
          concurrency: config.concurrency,
        };
        return options.wrapSide ? options.wrapSide(built) : built;
      })();
      sides.set(key, side);
    }
    return side;
  };
  const snapshotClients = config.snapshots.uri.startsWith('s3://')
    ? clients(config.source.region)
    : undefined;
  const { signingKey } = config.snapshots;
  const keyRegion = signingKey && kmsKeyRegion(signingKey, config.source.region);
  return {
    config,
    output: options.output ?? silentOutput,
    ...(signingKey && keyRegion
      ? {
          snapshotSigner: new KmsSnapshotSigner(clients(keyRegion).kms, signingKey, {
            region: keyRegion,
            limiters,
          }),
        }
      : {}),
    tool: TOOL,
    store: createSnapshotStore(config.snapshots.uri, snapshotClients ? { s3: snapshotClients.s3 } : {}),
    strict: options.strict === true,
    leases: createLeaseStore(config.snapshots.uri, snapshotClients?.s3),
    local: isLocalEndpoint(endpoint ?? configuredEndpoint('GLUE', undefined, process.env)),
    source: () =>
      openSide('source', {
        region: config.source.region,
        ...(config.source.profile ? { profile: config.source.profile } : {}),
        ...(config.source.accountId ? { accountId: config.source.accountId } : {}),
      }),
    target: (target) =>
      openSide(`target|${target.region}|${target.catalogId ?? ''}`, {
        region: target.region,
        ...(target.roleArn ? { roleArn: target.roleArn } : {}),
        ...(target.profile ? { profile: target.profile } : {}),
        ...(target.catalogId ? { catalogId: target.catalogId } : {}),
      }),
    clients: (region, extra) => clients(region, extra ?? {}),
    clientOptions: (region, extra) => clientOptions(region, extra ?? {}),
    now: options.now ?? (() => new Date()),
  };
}

const CLIENT_NAMES = [
  'glue',
  'lakeFormation',
  'cloudTrail',
  'dynamoDb',
  's3',
  'sts',
  'sqs',
  'kms',
  'eventBridge',
] as const satisfies ReadonlyArray<Exclude<keyof AwsClients, 'region'>>;

// Every client of `AwsClients` is named above (a new one fails to compile here until it is).
const _everyClient: Exclude<Exclude<keyof AwsClients, 'region'>, (typeof CLIENT_NAMES)[number]> extends never
  ? true
  : never = true;
void _everyClient;

/** The clients built, and for each other client a getter that says the use case did not ask for it. */
function withoutOthers(built: { region: string } & Partial<AwsClients>): AwsClients {
  const set = { ...built };
  for (const name of CLIENT_NAMES) {
    if (name in set) continue;
    Object.defineProperty(set, name, {
      get() {
        throw new LakemirrorError({
          code: 'internal.clientNotBuilt',
          source: 'internal',
          object: `the ${name} client of ${built.region}`,
          message: `the runtime was built without the ${name} client, and something asked for it`,
          fix: "add its builder to the use case's client set (src/aws/clients/ondemandClients.ts, realtimeClients.ts)",
        });
      },
    });
  }
  return set as AwsClients;
}

/**
 * Who the credentials act as (STS GetCallerIdentity): the account, named in errors and reports, and the ARN,
 * protected from revokes in the target. Fails early, with a fix, when the credentials (or the role to
 * assume) do not work.
 */
async function callerIdentity(
  set: AwsClients,
  region: string,
  roleArn: string | undefined,
  endpoint: string | undefined,
): Promise<{ account: string; arn?: string }> {
  try {
    const identity = await getCallerIdentity(set.sts);
    return { account: identity.Account ?? 'unknown', ...(identity.Arn ? { arn: identity.Arn } : {}) };
  } catch (error) {
    if (isUnreachable(error)) throw unreachableError(error, region, endpoint);
    throw new LakemirrorError({
      code: 'aws.credentials',
      source: 'user',
      object: `credentials for ${region}`,
      message: roleArn
        ? `could not assume ${roleArn} for ${region}: ${(error as Error).message}`
        : `could not find out which AWS account the credentials for ${region} belong to: ${(error as Error).message}`,
      fix: roleArn
        ? `check that ${roleArn} exists and trusts the identity lakemirror runs as (sts:AssumeRole), and that the Region is reachable`
        : 'check your AWS credentials (AWS_PROFILE, --profile, or the default chain) and that the Region is reachable',
      cause: error,
    });
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ETIMEDOUT',
]);

/** A connection that never got an answer (refused, unknown host, timed out), as opposed to an AWS error. */
export function isUnreachable(error: unknown): boolean {
  const e = error as { code?: string; name?: string; errors?: unknown[]; cause?: unknown };
  if (e.code && NETWORK_CODES.has(e.code)) return true;
  if (e.name === 'TimeoutError') return true;
  if (Array.isArray(e.errors) && e.errors.some(isUnreachable)) return true;
  return e.cause !== undefined && e.cause !== error && isUnreachable(e.cause);
}

function unreachableError(error: unknown, region: string, endpoint: string | undefined): LakemirrorError {
  const where = endpoint ?? `the AWS endpoints of ${region}`;
  return new LakemirrorError({
    code: 'aws.unreachable',
    source: 'user',
    object: `endpoint ${where}`,
    message: `nothing answered at ${where} (${(error as { code?: string }).code ?? (error as Error).name}): no request reached a service`,
    fix: endpoint
      ? `start the service at ${endpoint} (e.g. \`lakemirror localcloud\`), or fix --endpoint / localcloud.endpoint`
      : 'check the network, proxy and Region name',
    cause: error,
  });
}
