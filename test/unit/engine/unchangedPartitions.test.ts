import { describe, expect, it } from 'vitest';
import { eachTablePartitions } from '../../../src/engine/eachTablePartitions.ts';
import type { KeptTargetOnly } from '../../../src/engine/keptTargetOnly.ts';
import type { RegionSide } from '../../../src/engine/regionSide.ts';
import type { PartitionGroup, SourceRecords } from '../../../src/engine/sourceSnapshot.ts';
import type { TargetPartitionSource, TargetRunOptions } from '../../../src/engine/targetRun.ts';
import { tableKey } from '../../../src/model/keys.ts';
import type { PartitionRecord } from '../../../src/model/records.ts';
import type { Action } from '../../../src/plan/actions.ts';
import { partition, table } from '../support/records.ts';

/*
 * A table whose partition lines hash the same in the source snapshot and in the target's capture needs no
 * planning: neither side's lines of it are parsed. A table that differs is planned as before.
 */
const keys = { PartitionKeys: [{ Name: 'dt' }] };
const tables = [table('sales', 'a', keys), table('sales', 'b', keys)];
const partitionsOf: Record<string, PartitionRecord[]> = {
  'sales.a': [partition('sales', 'a', ['1']), partition('sales', 'a', ['2'])],
  'sales.b': [partition('sales', 'b', ['1'])],
};

/** A partition stream that records which tables it was asked to hand on unparsed. */
function stream(groups: Record<string, PartitionRecord[]>, unparsedAsked: string[]) {
  return async function* (unparsed?: (key: string) => boolean): AsyncGenerator<PartitionGroup> {
    for (const [key, partitions] of Object.entries(groups)) {
      if (unparsed?.(key)) {
        unparsedAsked.push(key);
        yield { tableKey: key, partitions: [], unparsedCount: partitions.length };
      } else yield { tableKey: key, partitions };
    }
  };
}

async function visitAll(options: { s3Mapping?: Record<string, string>; observe?: boolean }) {
  const sourceUnparsed: string[] = [];
  const targetUnparsed: string[] = [];
  const source: SourceRecords = {
    records: tables,
    partitions: stream(partitionsOf, sourceUnparsed),
    partitionDigests: [
      ['sales.a', 'digest-a'],
      ['sales.b', 'digest-b'],
    ],
  };
  // The target has table a as the source does, and table b without its partition.
  const stored: TargetPartitionSource = {
    partitions: stream({ 'sales.a': partitionsOf['sales.a']!, 'sales.b': [] }, targetUnparsed),
    partitionDigests: [
      ['sales.a', 'digest-a'],
      ['sales.b', 'digest-of-nothing'],
    ],
  };
  const visits: Array<{ table: string; actions: Action[]; count: number }> = [];
  const kept: KeptTargetOnly = { partitionsOf: (_, actions) => actions, result: () => ({}) };
  const run = {
    plan: { deleteMissing: true, s3Mapping: options.s3Mapping ?? {}, catalog: true, permissions: true },
    ...(options.observe ? { observeTargetPartitions: () => {} } : {}),
  } as unknown as TargetRunOptions;
  await eachTablePartitions({
    source,
    tables,
    target: { region: 'us-west-2', concurrency: 2 } as RegionSide,
    fate: { created: new Set(), skipped: new Set() },
    run,
    kept,
    stored,
    visit: async (t, actions, count) => {
      visits.push({ table: tableKey(t.databaseName, t.input.Name), actions, count });
    },
  });
  return { visits, sourceUnparsed, targetUnparsed };
}

describe('eachTablePartitions with the digests of both sides', () => {
  it('leaves a table whose lines hash the same unparsed on both sides, and plans the one that differs', async () => {
    const { visits, sourceUnparsed, targetUnparsed } = await visitAll({});
    expect(sourceUnparsed).toEqual(['sales.a']);
    expect(targetUnparsed).toEqual(['sales.a']);
    const a = visits.find((v) => v.table === 'sales.a')!;
    expect(a).toEqual({ table: 'sales.a', actions: [], count: 2 });
    const b = visits.find((v) => v.table === 'sales.b')!;
    expect(b.actions.map((action) => `${action.op} ${action.key}`)).toEqual(['create sales.b/["1"]']);
  });

  it('parses every table when an S3 mapping rewrites the source or verify observes the target', async () => {
    for (const options of [{ s3Mapping: { 'src-bucket': 'dst-bucket' } }, { observe: true }]) {
      const { sourceUnparsed, targetUnparsed, visits } = await visitAll(options);
      expect(sourceUnparsed).toEqual([]);
      expect(targetUnparsed).toEqual([]);
      expect(visits.find((v) => v.table === 'sales.b')!.actions).toHaveLength(1);
    }
  });
});
