import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSnapshotStore } from '../../../src/aws/fileSnapshotStore.ts';
import { streamSnapshotPartitions } from '../../../src/engine/readSnapshot.ts';
import { tableKey } from '../../../src/model/keys.ts';
import { partitionLineTable } from '../../../src/model/partitionLine.ts';
import type { SnapshotRecord } from '../../../src/model/records.ts';
import type { SnapshotHeader } from '../../../src/model/snapshotFormat.ts';
import { formatRecordLine } from '../../../src/model/snapshotFormat.ts';
import { createSnapshotWriter } from '../../../src/model/snapshotWriter.ts';
import { database, partition, table } from '../support/records.ts';

/**
 * A run streams back the partitions of a snapshot it wrote without validating each line again; instead every
 * table's lines must hash to what was written, so a file changed in between is refused before it is used.
 */
const header: SnapshotHeader = {
  schemaVersion: 2,
  format: 'lakemirror.snapshot',
  source: { region: 'us-east-1', accountId: '123456789012' },
  capturedAt: '2024-05-01T12:00:00.000Z',
  tool: 'lakemirror/0.1.0',
};
const keys = { PartitionKeys: [{ Name: 'year' }] };
const records: SnapshotRecord[] = [
  database('sales'),
  table('sales', 'a', keys),
  partition('sales', 'a', ['2023']),
  partition('sales', 'a', ['2024']),
  table('sales', 'b', keys),
  partition('sales', 'b', ['2024']),
  table('sales', 'c'),
];

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function written() {
  const dir = mkdtempSync(join(tmpdir(), 'lakemirror-written-'));
  dirs.push(dir);
  const writer = createSnapshotWriter(header);
  const text = records.map((r) => writer.line(r)).join('') + writer.end();
  const path = join(dir, 'snap.json');
  writeFileSync(path, text);
  return { store: new FileSnapshotStore(dir), path, digests: writer.partitionDigests() };
}

async function tablesStreamed(
  store: FileSnapshotStore,
  path: string,
  digests?: Parameters<typeof streamSnapshotPartitions>[3],
) {
  const seen: string[] = [];
  try {
    for await (const group of streamSnapshotPartitions(store, path, {}, digests))
      seen.push(`${group.tableKey}:${group.partitions.map((p) => p.input.Values.join('/')).join(',')}`);
    return { seen };
  } catch (error) {
    return { seen, code: (error as { code?: string }).code, message: (error as Error).message };
  }
}

describe('streaming back a snapshot this run wrote', () => {
  it('yields the same tables and partitions as the validating read', async () => {
    const { store, path, digests } = written();
    expect(digests.map(([key]) => key)).toEqual(['sales.a', 'sales.b']);
    const trusted = await tablesStreamed(store, path, digests);
    expect(trusted).toEqual(await tablesStreamed(store, path));
    expect(trusted.seen).toEqual(['sales.a:2023,2024', 'sales.b:2024']);
  });

  it('refuses a table whose partition lines changed, before handing that table on', async () => {
    const { store, path, digests } = written();
    writeFileSync(path, readFileSync(path, 'utf8').replace('"2024"]', '"2025"]'));
    const result = await tablesStreamed(store, path, digests);
    expect(result.code).toBe('snapshot.hashMismatch');
    expect(result.message).toContain('sales.a');
    expect(result.seen).toEqual([]);
  });

  it('refuses a snapshot that lost a table of partitions', async () => {
    const { store, path, digests } = written();
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    const without = lines.filter((line) => !line.includes('"tableName":"b"') || !line.includes('"Values"'));
    writeFileSync(path, without.join('\n'));
    const result = await tablesStreamed(store, path, digests);
    expect(result.code).toBe('snapshot.hashMismatch');
    expect(result.seen).toEqual([]);
  });

  it('hands on a table it is told not to parse as its line count, still checking its lines', async () => {
    const { store, path, digests } = written();
    const groups = [];
    for await (const group of streamSnapshotPartitions(store, path, {}, digests, (key) => key === 'sales.a'))
      groups.push(group);
    expect(groups).toEqual([
      { tableKey: 'sales.a', partitions: [], unparsedCount: 2 },
      { tableKey: 'sales.b', partitions: [partition('sales', 'b', ['2024'])] },
    ]);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"2023"]', '"2022"]'));
    const changed = streamSnapshotPartitions(store, path, {}, digests, (key) => key === 'sales.a');
    await expect(changed.next()).rejects.toMatchObject({ code: 'snapshot.hashMismatch' });
  });
});

describe('partitionLineTable', () => {
  it("reads a partition line's table off its ends, and nothing off another kind's line", () => {
    const odd = partition('we"ird\\db', 'tab,"kind":"partition","tableName":"x"}', ['1']);
    for (const record of [partition('sales', 'a', ['2023']), odd])
      expect(partitionLineTable(formatRecordLine(record))).toBe(
        tableKey(record.databaseName, record.tableName),
      );
    for (const record of [database('sales'), table('sales', 'a', keys)])
      expect(partitionLineTable(formatRecordLine(record))).toBeUndefined();
  });
});
