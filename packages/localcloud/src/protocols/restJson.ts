import type { ServiceError } from '../service.ts';
import type { WireResponse } from './awsJson.ts';

/** restJson1 (Lake Formation): `POST /<Operation>` with a JSON body. */
export function operationFromPath(pathname: string): string | undefined {
  const match = /^\/([A-Za-z0-9]+)\/?$/.exec(pathname);
  return match ? match[1] : undefined;
}

export function restJsonSuccess(output: unknown): WireResponse {
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(output ?? {}) };
}

export function restJsonError(error: ServiceError): WireResponse {
  return {
    status: error.status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': error.code },
    body: JSON.stringify({ Message: error.message, ...error.extra }),
  };
}
