import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../src/model/hash.ts';
import { SNAPSHOT_SCHEMA_VERSION, type SnapshotHeader } from '../../../src/model/snapshotFormat.ts';
import { parseSnapshotText } from '../../../src/model/snapshotParser.ts';
import { createSnapshotWriter } from '../../../src/model/snapshotWriter.ts';
import { database, grant, onTable, table } from '../support/records.ts';

const header: SnapshotHeader = {
  schemaVersion: 2,
  format: 'lakemirror.snapshot',
  source: { region: 'us-east-1', accountId: '123456789012' },
  capturedAt: '2024-05-01T12:00:00.000Z',
  tool: 'lakemirror/0.1.0',
};
const records = [
  database('sales'),
  table('sales', 'orders'),
  grant('arn:aws:iam::123456789012:role/analyst', onTable('sales', 'orders'), ['SELECT']),
];

function write(): string {
  const writer = createSnapshotWriter(header);
  return records.map((r) => writer.line(r)).join('') + writer.end();
}

function codeOf(act: () => unknown): string | undefined {
  try {
    act();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('schemaVersion 2: the content hash covers the header', () => {
  it.each([
    ['source.region', '"region":"us-east-1"', '"region":"us-west-2"'],
    ['source.accountId', '"accountId":"123456789012"', '"accountId":"999999999999"'],
    ['capturedAt', '"capturedAt":"2024-05-01T12:00:00.000Z"', '"capturedAt":"2025-05-01T12:00:00.000Z"'],
    ['tool', '"tool":"lakemirror/0.1.0"', '"tool":"lakemirror/9.9.9"'],
  ])('an edited %s is snapshot.hashMismatch', (_field, from, to) => {
    const text = write();
    expect(text).toContain(from);

    expect(codeOf(() => parseSnapshotText(text.replace(from, to)))).toBe('snapshot.hashMismatch');
  });

  it('the hash is that of the header JSON and the record lines, joined by newlines', () => {
    const text = write();
    const lines = text.split('\n');
    const headerJson = lines[0]!.slice('{"header":'.length, -',"records":['.length);
    const recordLines = lines.slice(1, 1 + records.length).map((l) => l.replace(/,$/, ''));

    expect(parseSnapshotText(text).trailer.contentHash).toBe(sha256([headerJson, ...recordLines].join('\n')));
  });

  it('a schemaVersion 1 snapshot (records-only hash) still reads', () => {
    const recordLines = records.map((r) => JSON.stringify(r, Object.keys(r).sort()));
    const lines = write().split('\n');
    const v1 = [
      lines[0]!.replace(`"schemaVersion":${SNAPSHOT_SCHEMA_VERSION}`, '"schemaVersion":1'),
      ...lines.slice(1, 1 + records.length),
      lines[1 + records.length]!.replace(/sha256:[0-9a-f]{64}/, recordsOnlyHash(lines, recordLines.length)),
    ].join('\n');

    const parsed = parseSnapshotText(v1);

    expect(parsed.header.schemaVersion).toBe(1);
    expect(parsed.records).toEqual(records);
  });
});

function recordsOnlyHash(lines: string[], count: number): string {
  return sha256(
    lines
      .slice(1, 1 + count)
      .map((l) => l.replace(/,$/, ''))
      .join('\n'),
  );
}
