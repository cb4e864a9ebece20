import { describe, expect, it } from 'vitest';
import { kmsKeyRegion } from '../../../src/aws/kmsSnapshotSigner.ts';

describe('the Region KMS is called in for snapshots.signingKey', () => {
  it('is the Region a key ARN names', () => {
    expect(
      kmsKeyRegion(
        'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        'us-east-1',
      ),
    ).toBe('eu-west-1');
  });

  it('is the source Region for a bare key id', () => {
    expect(kmsKeyRegion('1234abcd-12ab-34cd-56ef-1234567890ab', 'us-east-1')).toBe('us-east-1');
  });
});
