import { S3Client } from '@aws-sdk/client-s3';
import type { AwsClientBuilder } from '../clientFactory.ts';

/** S3, path-style when an endpoint is configured (an emulator has no per-bucket host names). */
export const s3: AwsClientBuilder<S3Client> = (s) =>
  s.count(
    new S3Client({ ...s.config('S3', 'sdk'), ...(s.endpoint('S3') ? { forcePathStyle: true } : {}) }),
    'S3',
  );
