import type { S3Client } from '@aws-sdk/client-s3';
import { parseSnapshotUri } from '../config/snapshotUri.ts';
import { LakemirrorError } from '../model/errors.ts';
import { FileLeaseStore } from './fileLeaseStore.ts';
import type { LeaseStore } from './leaseStore.ts';
import { S3LeaseStore } from './s3LeaseStore.ts';

/** Leases are kept in the snapshot store (`snapshots.uri`), under `leases/`. */
export function createLeaseStore(uri: string, s3?: S3Client): LeaseStore {
  const location = parseSnapshotUri(uri);
  if (location.kind === 'file') return new FileLeaseStore(location.directory);
  if (!s3)
    throw new LakemirrorError({
      code: 'internal.missingClient',
      source: 'internal',
      object: uri,
      message: `an S3 client is needed for lease location ${uri}`,
    });
  return new S3LeaseStore(s3, location.bucket, location.prefix);
}
