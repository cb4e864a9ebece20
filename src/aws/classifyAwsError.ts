/** How the retry policy treats an error. */
export type AwsErrorClass = 'throttling' | 'transient' | 'fatal';

const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
  'SlowDown',
]);

const TRANSIENT_NAMES = new Set([
  'InternalServiceException',
  'InternalServerException',
  'InternalFailure',
  'InternalError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'ConcurrentModificationException',
  'OperationTimeoutException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

const TRANSIENT_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

/** The exception name AWS gave an error (`name`, or `Code` on some protocols). */
export function awsErrorName(error: unknown): string {
  const e = error as { name?: unknown; Code?: unknown } | undefined;
  if (typeof e?.name === 'string' && e.name !== 'Error') return e.name;
  if (typeof e?.Code === 'string') return e.Code;
  return typeof e?.name === 'string' ? e.name : 'UnknownError';
}

/**
 * Throttling is retried until a deadline (the limiter slows down meanwhile), transient server
 * faults a bounded number of times, and everything else (access denied, validation, not found)
 * is the caller's to handle at once.
 */
export function classifyAwsError(error: unknown): AwsErrorClass {
  const e = error as
    | { message?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number } }
    | undefined;
  const name = awsErrorName(error);
  const status = e?.$metadata?.httpStatusCode;
  const message = typeof e?.message === 'string' ? e.message : '';
  if (THROTTLING_NAMES.has(name) || status === 429 || /rate exceeded/i.test(message)) return 'throttling';
  if (TRANSIENT_NAMES.has(name) || (status !== undefined && status >= 500)) return 'transient';
  if (typeof e?.code === 'string' && TRANSIENT_NETWORK_CODES.has(e.code)) return 'transient';
  return 'fatal';
}
