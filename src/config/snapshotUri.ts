import { LakemirrorError } from '../model/errors.ts';
import { showValue } from './showValue.ts';

/** Where snapshots live: a local directory or an S3 prefix. */
export type SnapshotLocation =
  | { kind: 'file'; directory: string }
  | { kind: 's3'; bucket: string; prefix: string };

const S3_URI = /^s3:\/\/([^/]+)\/?(.*)$/;
const BUCKET_NAME = /^(?!xn--)(?!.*\.\.)(?!.*-s3alias$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** Something with a URI scheme (`s3:`, `https:`), as opposed to a path; one letter is a Windows drive. */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/** True when `name` is a valid S3 general-purpose bucket name (3–63 chars, lowercase, no `..`, not an IP). */
export function isValidBucketName(name: string): boolean {
  return BUCKET_NAME.test(name) && !/^\d+\.\d+\.\d+\.\d+$/.test(name);
}

/**
 * Parses a snapshot location. Anything that looks like a URL but is not exactly `s3://bucket/prefix`
 * is rejected, because silently treating `s3:/x` as a relative directory would write snapshots
 * somewhere nobody will look for them during a recovery.
 */
export function parseSnapshotUri(uri: string): SnapshotLocation {
  const trimmed = uri.trim();
  if (trimmed === '') throw invalidUri(uri, 'it is empty');
  const match = S3_URI.exec(trimmed);
  if (match) {
    const bucket = match[1] ?? '';
    if (!isValidBucketName(bucket)) throw invalidUri(uri, `'${bucket}' is not a valid S3 bucket name`);
    const rawPrefix = match[2] ?? '';
    const prefix = rawPrefix === '' || rawPrefix.endsWith('/') ? rawPrefix : `${rawPrefix}/`;
    return { kind: 's3', bucket, prefix };
  }
  if (HAS_SCHEME.test(trimmed) || /^s3:/i.test(trimmed)) {
    throw invalidUri(uri, 'only s3://bucket/prefix/ URIs or local directory paths are supported');
  }
  return { kind: 'file', directory: trimmed };
}

function invalidUri(uri: string, why: string): LakemirrorError {
  return new LakemirrorError({
    code: 'config.snapshotUri',
    source: 'user',
    message: `snapshot location ${showValue(uri)} is not valid: ${why}`,
    fix: "use a directory path such as '.lakemirror/snapshots' or 's3://my-bucket/lakemirror/snapshots/'",
  });
}
