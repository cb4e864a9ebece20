import type { S3Client } from '@aws-sdk/client-s3';
import { parseSnapshotUri } from '../config/snapshotUri.ts';
import { LakemirrorError } from '../model/errors.ts';
import type { AwsCallContextOptions } from './awsCallContext.ts';
import { FileSnapshotStore } from './fileSnapshotStore.ts';
import { S3SnapshotStore } from './s3SnapshotStore.ts';
import type { SnapshotStore } from './snapshotStore.ts';

/** The store for config `snapshots.uri`: a directory, or an S3 prefix read and written with `s3`. */
export function createSnapshotStore(
  uri: string,
  deps: { s3?: S3Client; options?: AwsCallContextOptions } = {},
): SnapshotStore {
  const location = parseSnapshotUri(uri);
  if (location.kind === 'file') return new FileSnapshotStore(location.directory);
  if (!deps.s3)
    throw new LakemirrorError({
      code: 'internal.missingClient',
      source: 'internal',
      object: uri,
      message: `an S3 client is needed for snapshot location ${uri}`,
    });
  return new S3SnapshotStore(
    deps.s3,
    location.bucket,
    location.prefix,
    deps.options ?? { region: 'us-east-1' },
  );
}
