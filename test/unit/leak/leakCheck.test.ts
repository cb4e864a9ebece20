import { describe, expect, it } from 'vitest';
import { findLeaks, type LeakScope } from '../../../src/leak/leakCheck.ts';
import { database, grant, location, table } from '../support/records.ts';

const sameAccount: LeakScope = {
  s3Mapping: { 'src-bucket': 'dst-bucket', 'shared-bucket': 'shared-bucket' },
  source: { region: 'us-east-1', accountId: '111111111111' },
  target: { region: 'us-west-2', accountId: '111111111111' },
};

describe('findLeaks', () => {
  it('names each field holding a source bucket, in any S3 form, at any depth', () => {
    const records = [
      database('db', { Parameters: { location: 's3://src-bucket/db/' } }),
      table('db', 't', {
        StorageDescriptor: {
          Location: 's3://dst-bucket/t/',
          SerdeInfo: { Parameters: { path: 's3a://src-bucket' } },
        },
        ViewOriginalText: "SELECT * FROM x WHERE p = 'https://src-bucket.s3.us-east-1.amazonaws.com/k'",
      }),
      location('arn:aws:s3:::src-bucket/prefix'),
    ];

    expect(findLeaks(records, sameAccount).map((l) => [l.kind, l.key, l.field, l.reference])).toEqual([
      ['database', 'db', 'input.Parameters.location', 's3://src-bucket'],
      ['table', 'db.t', 'input.StorageDescriptor.SerdeInfo.Parameters.path', 's3a://src-bucket'],
      ['table', 'db.t', 'input.ViewOriginalText', 'https://src-bucket.s3.us-east-1.amazonaws.com'],
      ['location', 'arn:aws:s3:::src-bucket/prefix', 'resourceArn', 'arn:aws:s3:::src-bucket'],
    ]);
  });

  it('ignores target buckets, buckets mapped to themselves and longer names that start alike', () => {
    const records = [
      database('db', {
        LocationUri: 's3://dst-bucket/db/',
        Parameters: { a: 's3://shared-bucket/x', b: 's3://src-bucket-2/x', c: 'src-bucket' },
      }),
    ];

    expect(findLeaks(records, sameAccount)).toEqual([]);
  });

  it('across Regions, names ARNs of the source Region', () => {
    const records = [table('db', 't', { Parameters: { key: 'arn:aws:kms:us-east-1:111111111111:key/abc' } })];

    expect(findLeaks(records, { ...sameAccount, s3Mapping: {} })).toEqual([
      expect.objectContaining({ field: 'input.Parameters.key', names: 'sourceRegion' }),
    ]);
    expect(findLeaks(records, { ...sameAccount, s3Mapping: {}, target: sameAccount.source })).toEqual([]);
  });

  it('across accounts, names ARNs of a source account the accountMapping moves elsewhere', () => {
    const crossAccount: LeakScope = {
      s3Mapping: {},
      source: { region: 'us-east-1', accountId: '111111111111' },
      target: { region: 'us-east-1', accountId: '222222222222' },
      accountMapping: { '111111111111': '222222222222' },
    };
    const records = [
      grant('arn:aws:iam::111111111111:role/analyst', { Catalog: {} }, ['DESCRIBE']),
      grant('arn:aws:iam::222222222222:role/analyst', { Catalog: {} }, ['DESCRIBE']),
    ];

    expect(findLeaks(records, crossAccount)).toEqual([
      expect.objectContaining({ kind: 'grant', field: 'principal', names: 'sourceAccount' }),
    ]);
    expect(
      findLeaks(records, { ...crossAccount, accountMapping: { '111111111111': '111111111111' } }),
    ).toEqual([]);
  });
});
