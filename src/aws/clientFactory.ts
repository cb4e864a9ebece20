import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { GlueClient } from '@aws-sdk/client-glue';
import { KMSClient } from '@aws-sdk/client-kms';
import { LakeFormationClient } from '@aws-sdk/client-lakeformation';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
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

/** The SDK clients the adapters need, all for one Region. */
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
 * Builds the clients for one Region. Adapters never construct clients, so this is the one place
 * that decides endpoints, credentials and SDK retries. Glue, Lake Formation and CloudTrail calls all go
 * through `callWithRetry` and the shared `AdaptiveRateLimiter`, so their clients make one attempt: the
 * SDK's adaptive mode retried throttles behind our limiter's back and ran its own CUBIC limiter, which took
 * seconds to recover from each throttle. The other clients (S3, DynamoDB, STS) keep the SDK's adaptive mode.
 */
export function createAwsClients(options: AwsClientOptions): AwsClients {
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
  const common = (service: ServiceEnvSuffix) => ({
    region: options.region,
    retryMode: 'adaptive' as const,
    logger: SILENT_SDK_LOGGER,
    credentials: credentialsFor(service),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
  const ownRetries = (service: ServiceEnvSuffix) => ({ ...common(service), maxAttempts: 1 });
  const s3Endpoint = configuredEndpoint('S3', options.endpoint, env);
  const dynamoDbClient = new DynamoDBClient(common('DYNAMODB'));
  const clients: AwsClients = {
    region: options.region,
    glue: new GlueClient(ownRetries('GLUE')),
    lakeFormation: new LakeFormationClient(ownRetries('LAKEFORMATION')),
    cloudTrail: new CloudTrailClient(ownRetries('CLOUDTRAIL')),
    dynamoDb: DynamoDBDocumentClient.from(dynamoDbClient, {
      marshallOptions: { removeUndefinedValues: true },
    }),
    s3: new S3Client({ ...common('S3'), ...(s3Endpoint ? { forcePathStyle: true } : {}) }),
    sts: new STSClient(common('STS')),
    sqs: new SQSClient(common('SQS')),
    kms: new KMSClient(common('KMS')),
    // One attempt: the adapter's retry policy decides (a hard failover tries the failed Region only once).
    eventBridge: new EventBridgeClient(ownRetries('EVENTBRIDGE')),
  };
  if (options.counter) {
    attachCallCounter(clients.glue, 'Glue', options.counter);
    attachCallCounter(clients.lakeFormation, 'LakeFormation', options.counter);
    attachCallCounter(clients.cloudTrail, 'CloudTrail', options.counter);
    attachCallCounter(dynamoDbClient, 'DynamoDB', options.counter);
    attachCallCounter(clients.s3, 'S3', options.counter);
    attachCallCounter(clients.sts, 'STS', options.counter);
    attachCallCounter(clients.sqs, 'SQS', options.counter);
    attachCallCounter(clients.kms, 'KMS', options.counter);
    attachCallCounter(clients.eventBridge, 'EventBridge', options.counter);
  }
  return clients;
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
