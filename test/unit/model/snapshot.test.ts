import { describe, expect, it } from 'vitest';
import type { SnapshotRecord } from '../../../src/model/records.ts';
import { SNAPSHOT_SCHEMA_VERSION, type SnapshotHeader } from '../../../src/model/snapshotFormat.ts';
import { parseSnapshotText, SnapshotLineParser } from '../../../src/model/snapshotParser.ts';
import { createSnapshotWriter } from '../../../src/model/snapshotWriter.ts';
import {
  ANALYST,
  database,
  dataCellsFilter,
  grant,
  lfTag,
  location,
  onTable,
  partition,
  settings,
  table,
} from '../support/records.ts';

const header: SnapshotHeader = {
  schemaVersion: SNAPSHOT_SCHEMA_VERSION,
  format: 'lakemirror.snapshot',
  source: { region: 'us-east-1', accountId: '123456789012' },
  capturedAt: '2024-05-01T12:00:00.000Z',
  tool: 'lakemirror/0.1.0',
};

const records: SnapshotRecord[] = [
  database('sales'),
  table('sales', 'customers'),
  table('sales', 'orders', { PartitionKeys: [{ Name: 'year' }, { Name: 'month' }] }),
  partition('sales', 'orders', ['2024', '01']),
  partition('sales', 'orders', ['2024', '02']),
  location('arn:aws:s3:::src-bucket/sales'),
  lfTag('env', ['dev', 'prod']),
  settings({ DataLakeAdmins: [{ DataLakePrincipalIdentifier: ANALYST }] }),
  dataCellsFilter('sales', 'orders', 'eu_only'),
  grant(ANALYST, onTable('sales', 'orders'), ['SELECT']),
];

function write(items: readonly SnapshotRecord[]): string {
  const writer = createSnapshotWriter(header);
  return items.map((r) => writer.line(r)).join('') + writer.end();
}

function codeOf(act: () => unknown): string | undefined {
  try {
    act();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('snapshot writer and parser', () => {
  it('round-trip records, and the file is one JSON document', () => {
    const text = write(records);

    const parsed = parseSnapshotText(text);

    expect(parsed.records).toEqual(records);
    expect(parsed.header).toEqual(header);
    expect(parsed.trailer).toMatchObject({
      recordCount: 10,
      countsByKind: { table: 2, partition: 2, grant: 1 },
    });
    expect(JSON.parse(text).records).toHaveLength(10);
    expect(text.split('\n')).toHaveLength(records.length + 3);
  });

  it('write and read an empty snapshot', () => {
    const text = write([]);

    expect(parseSnapshotText(text).records).toEqual([]);
    expect(JSON.parse(text).records).toEqual([]);
  });

  it('parse one line at a time and report the header early', () => {
    const parser = new SnapshotLineParser();
    const lines = write(records).split('\n');

    parser.push(lines[0] ?? '');

    expect(parser.header?.source.region).toBe('us-east-1');
    expect(parser.push(lines[1] ?? '')).toEqual(database('sales'));
  });

  it('refuse records out of order when writing', () => {
    const writer = createSnapshotWriter(header);
    writer.line(table('sales', 'orders'));

    expect(codeOf(() => writer.line(database('sales')))).toBe('snapshot.order');
  });
});

describe('snapshot errors', () => {
  it('a file cut off before the trailer is snapshot.truncated', () => {
    const lines = write(records).split('\n');
    const cut = lines.slice(0, 5).join('\n');

    expect(codeOf(() => parseSnapshotText(cut))).toBe('snapshot.truncated');
  });

  it('a file cut off in the middle of a line is snapshot.truncated', () => {
    const text = write(records);
    const cut = text.slice(0, text.indexOf('"kind":"location"') + 5);

    expect(codeOf(() => parseSnapshotText(cut))).toBe('snapshot.truncated');
  });

  it('an unknown schemaVersion is snapshot.schemaVersion', () => {
    const text = write(records).replace(`"schemaVersion":${SNAPSHOT_SCHEMA_VERSION}`, '"schemaVersion":99');

    expect(codeOf(() => parseSnapshotText(text))).toBe('snapshot.schemaVersion');
  });

  it('a changed record is snapshot.hashMismatch', () => {
    const text = write(records).replace('"amount"', '"amount2"');

    expect(codeOf(() => parseSnapshotText(text))).toBe('snapshot.hashMismatch');
  });

  it('a removed record is snapshot.hashMismatch on the count', () => {
    const lines = write(records).split('\n');
    const text = [...lines.slice(0, 2), ...lines.slice(3)].join('\n');

    expect(() => parseSnapshotText(text)).toThrow(/counts 10 records/);
  });

  it('a record that fails its schema is snapshot.invalidRecord with its line number', () => {
    const text = write(records).replace(
      '{"input":{"Name":"sales"},"kind":"database"}',
      '{"input":{},"kind":"database"}',
    );

    expect(() => parseSnapshotText(text)).toThrow(
      expect.objectContaining({ code: 'snapshot.invalidRecord' }),
    );
    expect(() => parseSnapshotText(text)).toThrow(/line 2/);
  });

  it('records out of order are snapshot.order naming the record and the fix', () => {
    const lines = write(records).split('\n');
    const swapped = [lines[0], lines[3], lines[2], ...lines.slice(4)].join('\n');

    const act = () => parseSnapshotText(swapped);

    expect(act).toThrow(
      expect.objectContaining({ code: 'snapshot.order', object: 'record sales.customers' }),
    );
    expect(act).toThrow(expect.objectContaining({ fix: expect.stringContaining('lakemirror snapshot') }));
  });

  it('a partition away from its table is snapshot.order', () => {
    const text = `${write([database('sales'), table('sales', 'a'), table('sales', 'b')])}`;
    const lines = text.split('\n');
    const withStray = [
      ...lines.slice(0, 4),
      `${JSON.stringify(partition('sales', 'a', ['1']))},`,
      ...lines.slice(4),
    ];
    withStray[3] = `${withStray[3]},`;

    expect(codeOf(() => parseSnapshotText(withStray.join('\n')))).toBe('snapshot.order');
  });

  it('a first line that is not a header is snapshot.malformed', () => {
    expect(codeOf(() => parseSnapshotText('hello\n'))).toBe('snapshot.malformed');
  });
});
