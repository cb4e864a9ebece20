import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { GlueClient } from '@aws-sdk/client-glue';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { LakeFormationClient } from '@aws-sdk/client-lakeformation';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Logger } from '@smithy/types';
import { type ApiCallCounter, attachCallCounter } from './callCounter.ts';
import { configuredEndpoint, isLocalEndpoint, type ServiceEnvSuffix } from './endpoints.ts';

/** Where and as whom to connect: one set of clients per account and Region. */
export interface AwsClientOptions {
  region: string;
  profile?: string;
  /** Assumed through STS (`fromTemporaryCredentials`) on top of the profile/default credentials. */
  roleArn?: string;
  /** Overrides every service endpoint (config `localcloud.endpoint`). */
  endpoint?: string;
  /** When given, every attempted request is counted into it. */
  counter?: ApiCallCounter;
  /** Environment for endpoint decisions; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** The SDK clients the engine's adapters need, all for one Region (`ENGINE_CLIENTS` builds them). */
export interface AwsClients {
  region: string;
  glue: GlueClient;
  lakeFormation: LakeFormationClient;
  cloudTrail: CloudTrailClient;
  dynamoDb: DynamoDBDocumentClient;
  s3: S3Client;
  sts: STSClient;
  /** The push queue (realtime.capture "push"). */
  sqs: SQSClient;
  /** Signs and verifies snapshots (config `snapshots.signingKey`). */
  kms: KMSClient;
  /** The deployed real-time stack's rules, which failover disables. */
  eventBridge: EventBridgeClient;
}

/** The configuration every client of one service starts from. */
export interface BaseClientConfig {
  region: string;
  retryMode: 'adaptive';
  maxAttempts?: number;
  logger: Logger;
  credentials: AwsCredentialIdentityProvider;
  endpoint?: string;
}

/** What a client builder gets: the shared configuration decisions of `createAwsClients`. */
export interface ClientSettings {
  region: string;
  /**
   * The base config of a client of `service`. `retries: 'own'` makes one attempt: its calls go through
   * `callWithRetry` and the shared rate limiter, and SDK retries behind their back only slowed recovery.
   */
  config(service: ServiceEnvSuffix, retries: 'sdk' | 'own'): BaseClientConfig;
  /** The endpoint `service` will use, if one is configured (decides path-style S3). */
  endpoint(service: ServiceEnvSuffix): string | undefined;
  /** Counts the client's attempted requests as `<name>:<Operation>` when the caller gave a counter. */
  count<C extends Parameters<typeof attachCallCounter>[0]>(client: C, name: string): C;
}

/** Builds one SDK client; one small module per service (`src/aws/clients/`), so a bundle holds only those it uses. */
export type AwsClientBuilder<C> = (settings: ClientSettings) => C;

/** The clients `createAwsClients` built: one per builder the caller asked for, under the builder's key. */
export type BuiltClients<B extends Record<string, AwsClientBuilder<unknown>>> = { region: string } & {
  [K in keyof B]: ReturnType<B[K]>;
};

/**
 * The SDK logs nothing for lakemirror (its own output port reports calls), but its logger middleware still
 * copies every response through the sensitive-data filter whenever the client's logger has an `info`
 * method, as the SDK's default no-op logger does: for GetPartitions that is a deep walk of up to 1,000
 * partitions per call, about 5% of a re-sync's CPU. The middleware calls `logger?.info?.(…)` and
 * `logger?.error?.(…)`, so a logger without those two skips the copy.
 */
const SILENT_SDK_LOGGER = { debug() {}, trace() {}, warn() {} } as unknown as Logger;

/** Dummy credentials an emulator accepts; only ever used against a local endpoint. */
export const LOCAL_CREDENTIALS: AwsCredentialIdentity = { accessKeyId: 'test', secretAccessKey: 'test' };

/**
 * Builds the clients `builders` names for one Region, and only those (`ENGINE_CLIENTS` in
 * `src/aws/clients/engineClients.ts` is the engine's set; a Lambda handler that needs one client imports only
 * its builder, so its bundle holds no other SDK client). Adapters never construct clients, so this is the one
 * place that decides endpoints, credentials and SDK retries. Glue, Lake Formation and CloudTrail calls all go
 * through `callWithRetry` and the shared `AdaptiveRateLimiter`, so their clients make one attempt: the
 * SDK's adaptive mode retried throttles behind our limiter's back and ran its own CUBIC limiter, which took
 * seconds to recover from each throttle. The other clients (S3, DynamoDB, STS…) keep the SDK's adaptive mode.
 */
export function createAwsClients<B extends Record<string, AwsClientBuilder<unknown>>>(
  options: AwsClientOptions,
  builders: B,
): BuiltClients<B> {
  const settings = clientSettings(options);
  const clients: Record<string, unknown> = { region: options.region };
  for (const [name, build] of Object.entries(builders)) clients[name] = build(settings);
  return clients as BuiltClients<B>;
}

function clientSettings(options: AwsClientOptions): ClientSettings {
  const env = options.env ?? process.env;
  const baseCredentials = fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
  // One AssumeRole provider for all of the Region's clients: each provider caches its own credentials, so
  // one per client meant one AssumeRole call (and one internal STS client) per service.
  const stsEndpoint = configuredEndpoint('STS', options.endpoint, env);
  const assumed = options.roleArn
    ? fromTemporaryCredentials({
        params: { RoleArn: options.roleArn, RoleSessionName: 'lakemirror' },
        masterCredentials: isLocalEndpoint(stsEndpoint)
          ? withLocalFallback(baseCredentials)
          : baseCredentials,
        clientConfig: { region: options.region, ...(options.endpoint ? { endpoint: options.endpoint } : {}) },
      })
    : undefined;
  const credentialsFor = (service: ServiceEnvSuffix): AwsCredentialIdentityProvider => {
    if (assumed) return assumed;
    const endpoint = configuredEndpoint(service, options.endpoint, env);
    // A named profile must work as named, even locally: falling back would hide a mistyped profile.
    return isLocalEndpoint(endpoint) && !options.profile
      ? withLocalFallback(baseCredentials)
      : baseCredentials;
  };
  return {
    region: options.region,
    config: (service, retries) => ({
      region: options.region,
      retryMode: 'adaptive',
      logger: SILENT_SDK_LOGGER,
      credentials: credentialsFor(service),
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(retries === 'own' ? { maxAttempts: 1 } : {}),
    }),
    endpoint: (service) => configuredEndpoint(service, options.endpoint, env),
    count: (client, name) => {
      if (options.counter) attachCallCounter(client, name, options.counter);
      return client;
    },
  };
}

/**
 * The default chain, or the emulator's dummy keys when the chain finds nothing: a fresh
 * machine can run the demo against the local cloud without configuring AWS credentials.
 */
export function withLocalFallback(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let fallback = false;
  return async (identityProperties) => {
    if (fallback) return LOCAL_CREDENTIALS;
    try {
      return await provider(identityProperties);
    } catch {
      fallback = true;
      return LOCAL_CREDENTIALS;
    }
  };
}
