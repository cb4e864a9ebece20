import type { IncomingMessage } from 'node:http';

/** The parts of a SigV4 credential scope the local cloud routes on. */
export interface CredentialScope {
  readonly accessKeyId: string;
  readonly region: string;
  readonly service: string;
}

const HEADER_SCOPE = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;
const QUERY_SCOPE = /^([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request$/;

/**
 * Reads access key, Region and service from the Authorization header (or a presigned URL's X-Amz-Credential).
 * The signature itself is not verified: any secret works, as with other AWS emulators.
 */
export function readCredentialScope(req: IncomingMessage, url: URL): CredentialScope | undefined {
  const auth = req.headers.authorization;
  const headerMatch = typeof auth === 'string' ? HEADER_SCOPE.exec(auth) : null;
  if (headerMatch) {
    return { accessKeyId: headerMatch[1]!, region: headerMatch[2]!, service: headerMatch[3]! };
  }
  const credential = url.searchParams.get('X-Amz-Credential');
  const queryMatch = credential ? QUERY_SCOPE.exec(credential) : null;
  if (queryMatch) {
    return { accessKeyId: queryMatch[1]!, region: queryMatch[2]!, service: queryMatch[3]! };
  }
  return undefined;
}
