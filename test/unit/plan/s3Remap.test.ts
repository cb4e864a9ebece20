import { describe, expect, it } from 'vitest';
import { remapRecord, remapS3Uri, type UndecidedS3Reference } from '../../../src/plan/s3Remap.ts';
import { ANALYST, database, grant, location, onLocation, partition, table } from '../support/records.ts';

const mapping = { 'src-bucket': 'dst-bucket' };

describe('remapS3Uri', () => {
  it.each([
    ['s3://src-bucket/a/b/', 's3://dst-bucket/a/b/'],
    ['s3a://src-bucket/a', 's3a://dst-bucket/a'],
    ['s3n://src-bucket', 's3n://dst-bucket'],
    ['arn:aws:s3:::src-bucket/prefix', 'arn:aws:s3:::dst-bucket/prefix'],
    ['arn:aws-cn:s3:::src-bucket', 'arn:aws-cn:s3:::dst-bucket'],
    ['s3://other-bucket/a', 's3://other-bucket/a'],
    ['s3://src-bucket-2/a', 's3://src-bucket-2/a'],
    ['hdfs://src-bucket/a', 'hdfs://src-bucket/a'],
  ])('maps %s to %s', (uri, expected) => {
    expect(remapS3Uri(uri, mapping)).toBe(expected);
  });
});

describe('remapRecord', () => {
  it('remaps a database LocationUri', () => {
    const record = remapRecord(database('sales', { LocationUri: 's3://src-bucket/sales/' }), mapping);

    expect(record.input.LocationUri).toBe('s3://dst-bucket/sales/');
  });

  it('remaps every location of a table and leaves the input unchanged', () => {
    // Prepare
    const source = table('sales', 'orders', {
      Parameters: {
        table_type: 'ICEBERG',
        metadata_location: 's3://src-bucket/sales/orders/metadata/00002.json',
        previous_metadata_location: 's3://src-bucket/sales/orders/metadata/00001.json',
        comment: 's3://src-bucket/any-key-holding-one-uri',
      },
      StorageDescriptor: {
        Location: 's3://src-bucket/sales/orders/',
        AdditionalLocations: ['s3a://src-bucket/extra/', 's3://other/keep/'],
        Parameters: { location: 's3://src-bucket/sd-location' },
        SerdeInfo: { Parameters: { path: 's3://src-bucket/delta/orders', 'serialization.format': '1' } },
        SkewedInfo: {
          SkewedColumnNames: ['region'],
          SkewedColumnValueLocationMaps: { eu: 's3://src-bucket/skew/eu/' },
        },
      },
    });
    const before = structuredClone(source);

    // Act
    const remapped = remapRecord(source, mapping);

    // Assess
    expect(remapped.input.Parameters).toEqual({
      table_type: 'ICEBERG',
      metadata_location: 's3://dst-bucket/sales/orders/metadata/00002.json',
      previous_metadata_location: 's3://dst-bucket/sales/orders/metadata/00001.json',
      comment: 's3://dst-bucket/any-key-holding-one-uri',
    });
    const sd = remapped.input.StorageDescriptor;
    expect(sd?.Location).toBe('s3://dst-bucket/sales/orders/');
    expect(sd?.AdditionalLocations).toEqual(['s3a://dst-bucket/extra/', 's3://other/keep/']);
    expect(sd?.Parameters).toEqual({ location: 's3://dst-bucket/sd-location' });
    expect(sd?.SerdeInfo?.Parameters).toEqual({
      path: 's3://dst-bucket/delta/orders',
      'serialization.format': '1',
    });
    expect(sd?.SkewedInfo?.SkewedColumnValueLocationMaps).toEqual({ eu: 's3://dst-bucket/skew/eu/' });
    expect(source).toEqual(before);
  });

  it('remaps partition locations', () => {
    const record = remapRecord(partition('sales', 'orders', ['2024']), mapping);

    expect(record.input.StorageDescriptor?.Location).toBe('s3://dst-bucket/sales/orders/2024/');
  });

  it('remaps registered locations and DataLocation grants given as ARNs', () => {
    const registered = remapRecord(location('arn:aws:s3:::src-bucket/sales'), mapping);
    const granted = remapRecord(
      grant(ANALYST, onLocation('arn:aws:s3:::src-bucket/sales'), ['DATA_LOCATION_ACCESS']),
      mapping,
    );

    expect(registered.resourceArn).toBe('arn:aws:s3:::dst-bucket/sales');
    expect(granted.resource).toEqual(onLocation('arn:aws:s3:::dst-bucket/sales'));
  });

  it('leaves a bucket that is not in the mapping alone', () => {
    const record = table('sales', 'orders', { StorageDescriptor: { Location: 's3://elsewhere/orders/' } });

    expect(remapRecord(record, mapping)).toEqual(record);
  });

  it('remaps a database parameter holding a source-bucket URI (the known fields are examples, not a list)', () => {
    const record = remapRecord(
      database('sales', {
        Parameters: { location: 's3://src-bucket/db/', owner_note: 'arn:aws:s3:::src-bucket' },
      }),
      mapping,
    );

    expect(record.input.Parameters).toEqual({
      location: 's3://dst-bucket/db/',
      owner_note: 'arn:aws:s3:::dst-bucket',
    });
  });

  it('reports, and leaves as it is, a source bucket inside a longer text or in a name', () => {
    // Prepare
    const undecided: UndecidedS3Reference[] = [];
    const view = table('sales', 'v', {
      TableType: 'VIRTUAL_VIEW',
      ViewOriginalText: "SELECT * FROM parquet.`s3://src-bucket/raw/` WHERE x = 's3://other/keep'",
      Parameters: { 'spark.sql.sources.paths': '["s3://src-bucket/a","s3://src-bucket/b"]', plain: 'no uri' },
    });
    const odd = partition('sales', 'orders', ['s3://src-bucket/as-a-value']);

    // Act
    const remappedView = remapRecord(view, mapping, (r) => undecided.push(r));
    const remappedPartition = remapRecord(odd, mapping, (r) => undecided.push(r));

    // Assess
    expect(remappedView.input.ViewOriginalText).toBe(view.input.ViewOriginalText);
    expect(remappedView.input.Parameters).toEqual(view.input.Parameters);
    expect(remappedPartition.input.Values).toEqual(['s3://src-bucket/as-a-value']);
    expect(undecided).toEqual([
      expect.objectContaining({ key: 'sales.v', field: 'input.ViewOriginalText', reason: 'embedded' }),
      expect.objectContaining({ field: 'input.Parameters.spark.sql.sources.paths', reason: 'embedded' }),
      expect.objectContaining({
        kind: 'partition',
        field: 'input.Values.0',
        bucket: 'src-bucket',
        reason: 'identity',
      }),
      // The test helper builds the partition's location from its value: two URIs in one string.
      expect.objectContaining({
        kind: 'partition',
        field: 'input.StorageDescriptor.Location',
        reason: 'embedded',
      }),
    ]);
  });
});
