import type { ServiceError } from '../service.ts';

/** awsJson1_1 (Glue, CloudTrail): `POST /` with `X-Amz-Target: <prefix>.<Operation>` and a JSON body. */
export function operationFromTarget(target: string | undefined, prefix: string): string | undefined {
  if (!target) return undefined;
  const dot = target.lastIndexOf('.');
  if (dot < 0) return undefined;
  // CloudTrail's target is sent both as `CloudTrail_20131101.Op` and with its `com.amazonaws…` namespace.
  const sent = target.slice(0, dot);
  if (sent !== prefix && !sent.endsWith(`.${prefix}`)) return undefined;
  return target.slice(dot + 1);
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function awsJsonSuccess(output: unknown): WireResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/x-amz-json-1.1' },
    body: JSON.stringify(output ?? {}),
  };
}

/** Errors carry `__type` in the body and `x-amzn-ErrorType` in the headers, as the SDK's parser expects. */
export function awsJsonError(error: ServiceError): WireResponse {
  return {
    status: error.status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': error.code },
    body: JSON.stringify({ __type: error.code, Message: error.message, ...error.extra }),
  };
}
