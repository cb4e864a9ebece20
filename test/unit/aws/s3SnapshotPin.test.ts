import { describe, expect, it } from 'vitest';
import { pinnedParams, versionOf } from '../../../src/aws/s3SnapshotStore.ts';

describe('S3 snapshot pins', () => {
  it('pin a versioned bucket by VersionId, reading exactly that version later', () => {
    const version = versionOf({ VersionId: '3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY', ETag: '"abc"' }).version!;

    expect(version).toBe('versionId:3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY');
    expect(pinnedParams(version)).toEqual({ VersionId: '3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY' });
  });

  it('pin an unversioned bucket (VersionId absent or "null") by ETag with If-Match', () => {
    for (const answer of [{ ETag: '"abc"' }, { VersionId: 'null', ETag: '"abc"' }]) {
      const version = versionOf(answer).version!;

      expect(version).toBe('etag:"abc"');
      expect(pinnedParams(version)).toEqual({ IfMatch: '"abc"' });
    }
  });
});
