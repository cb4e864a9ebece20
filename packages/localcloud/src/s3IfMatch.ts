import type { IncomingMessage, ServerResponse } from 'node:http';

/** The part of s3rver's filesystem store the If-Match check reads. */
export interface S3rverStore {
  getMetadata(bucket: string, key: string): Promise<{ etag?: string }>;
}

/**
 * s3rver ignores If-Match on GetObject/HeadObject; S3 answers 412 PreconditionFailed when the object's ETag is
 * not the one given (quotes ignored, `*` matches any). A missing object is left to s3rver (404 NoSuchKey).
 */
export async function ifMatchHolds(store: S3rverStore, url: string, ifMatch: string): Promise<boolean> {
  const [bucket, ...keyParts] = new URL(url, 'http://localhost').pathname.slice(1).split('/');
  if (!bucket || keyParts.length === 0) return true;
  const key = keyParts.map(decodeURIComponent).join('/');
  const metadata = await store.getMetadata(bucket, key).catch(() => undefined);
  if (!metadata?.etag) return true;
  const unquote = (etag: string) => etag.trim().replace(/^"|"$/g, '');
  return ifMatch
    .split(',')
    .some((wanted) => wanted.trim() === '*' || unquote(wanted) === unquote(metadata.etag!));
}

/** S3's 412 answer (no body for HEAD). */
export function preconditionFailed(req: IncomingMessage, res: ServerResponse): void {
  const body =
    req.method === 'HEAD'
      ? ''
      : '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message><Condition>If-Match</Condition></Error>';
  req.resume();
  res.writeHead(412, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
