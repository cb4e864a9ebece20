import type { S3Client } from '@aws-sdk/client-s3';
import { deleteObject, getObject, putObject } from '../aws/commands/s3.ts';
import type { LeaseStore } from './leaseStore.ts';

/** Leases as objects under `<snapshots prefix>leases/`; `If-None-Match: *` makes creation atomic (S3 answers 412). */
export class S3LeaseStore implements LeaseStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly prefix: string,
  ) {}

  async create(name: string, text: string): Promise<boolean> {
    try {
      await putObject(this.s3, { Bucket: this.bucket, Key: this.key(name), Body: text, IfNoneMatch: '*' });
      return true;
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      // 409 ConditionalRequestConflict: another conditional write to the same key was in flight.
      if (status === 412 || status === 409) return false;
      throw error;
    }
  }

  async read(name: string): Promise<string | undefined> {
    try {
      const result = await getObject(this.s3, { Bucket: this.bucket, Key: this.key(name) });
      return await result.Body?.transformToString('utf8');
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async write(name: string, text: string): Promise<void> {
    await putObject(this.s3, { Bucket: this.bucket, Key: this.key(name), Body: text });
  }

  async remove(name: string): Promise<void> {
    await deleteObject(this.s3, { Bucket: this.bucket, Key: this.key(name) });
  }

  describe(name: string): string {
    return `s3://${this.bucket}/${this.key(name)}`;
  }

  private key(name: string): string {
    return `${this.prefix}leases/${name}`;
  }
}
