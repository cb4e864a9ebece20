/** Services lakemirror talks to, keyed by the suffix of their `AWS_ENDPOINT_URL_<SUFFIX>` variable. */
export type ServiceEnvSuffix =
  | 'GLUE'
  | 'LAKEFORMATION'
  | 'CLOUDTRAIL'
  | 'DYNAMODB'
  | 'S3'
  | 'STS'
  | 'KMS'
  | 'SQS'
  | 'IAM'
  | 'LAMBDA'
  | 'EVENTBRIDGE';

/**
 * The endpoint a client of `service` will use, if any is configured: an explicit one (config
 * `localcloud.endpoint`) wins, then `AWS_ENDPOINT_URL_<SERVICE>`, then `AWS_ENDPOINT_URL`.
 * The SDK resolves the variables itself (@smithy/core getEndpointUrlConfig); this mirrors that
 * rule only to decide path-style S3 addressing and the local-credentials fallback.
 */
export function configuredEndpoint(
  service: ServiceEnvSuffix,
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (explicit) return explicit;
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true') return undefined;
  return env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL || undefined;
}

/** True for endpoints on this machine (an emulator), where dummy credentials are acceptable. */
export function isLocalEndpoint(endpoint: string | undefined): boolean {
  if (!endpoint) return false;
  try {
    const host = new URL(endpoint).hostname;
    return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host.endsWith('.localhost');
  } catch {
    return false;
  }
}
