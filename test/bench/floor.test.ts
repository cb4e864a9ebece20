import { describe, expect, it } from 'vitest';
import {
  burstFloor,
  EMPTY_SHAPE,
  floorSeconds,
  fullSyncFloor,
  type LakeShape,
  pages,
  partitionsAddedFloor,
  reconcileCoverage,
  reconcileRunFloor,
  regionReadFloor,
  resyncFloor,
} from '../../bench/floor.ts';
import { databaseShapes, generateLake, lakeShape } from '../../bench/generateLake.ts';

const shape: LakeShape = {
  databases: 2,
  tablesPerDatabase: [150, 3],
  partitionsPerTable: [0, 1000, 1001, 250],
  grants: 41,
  lfTags: 2,
  lfTagAssignments: 7,
  dataCellsFilters: 3,
  locations: 1,
  partitionIndexes: 2,
  columnsPerTable: [101, 7],
  statisticsPerTable: [26, 6],
  functions: 101,
};

describe('floor', () => {
  it('counts a page even for an empty list and splits full pages exactly', () => {
    expect([pages(0, 100), pages(100, 100), pages(101, 100)]).toEqual([1, 1, 2]);
  });

  it('reads a Region: pages of databases, tables, partitions, LF lists, and tags per resource', () => {
    expect(regionReadFloor(shape)).toEqual({
      'glue:GetDatabases': 1,
      'glue:GetTables': 2 + 1,
      'glue:GetPartitions': 1 + 1 + 2 + 1,
      'lakeformation:ListPermissions': 1,
      'lakeformation:ListResources': 1,
      'lakeformation:ListLFTags': 1,
      'lakeformation:ListDataCellsFilter': 1,
      'lakeformation:GetDataLakeSettings': 1,
      'lakeformation:GetResourceLFTags': 2 + 153,
      'glue:GetPartitionIndexes': 4,
      'glue:GetColumnStatisticsForTable': 2 + 1,
      'glue:GetUserDefinedFunctions': 2,
    });
  });

  it('writes a full lake into an empty target in maximal batches', () => {
    const { source, target } = fullSyncFloor(shape);
    expect(source).toEqual(regionReadFloor(shape));
    expect(target).toEqual({
      ...regionReadFloor(EMPTY_SHAPE),
      'lakeformation:PutDataLakeSettings': 1,
      'glue:CreateDatabase': 2,
      'glue:CreateTable': 153,
      'glue:BatchCreatePartition': 0 + 10 + 11 + 3,
      'lakeformation:CreateDataCellsFilter': 3,
      'lakeformation:RegisterResource': 1,
      'lakeformation:CreateLFTag': 2,
      'lakeformation:AddLFTagsToResource': 7,
      'lakeformation:BatchGrantPermissions': 3,
      'glue:CreatePartitionIndex': 2,
      'glue:UpdateColumnStatisticsForTable': 2 + 1,
      'glue:CreateUserDefinedFunction': 101,
    });
  });

  it('re-sync reads both sides in full and writes nothing', () => {
    expect(resyncFloor(shape)).toEqual({ source: regionReadFloor(shape), target: regionReadFloor(shape) });
  });

  it('new partitions: the source read includes them, writes are per table in batches of 100', () => {
    const floor = partitionsAddedFloor(shape, [0, 0, 150, 1]);
    expect(floor.source['glue:GetPartitions']).toBe(1 + 1 + 2 + 1);
    expect(floor.target['glue:BatchCreatePartition']).toBe(2 + 1);
  });

  it('real-time: LookupEvents pages per source, one read and one write per changed object', () => {
    const floor = burstFloor({
      eventsBySource: { 'glue.amazonaws.com': 1000, 'lakeformation.amazonaws.com': 0 },
      changedTables: 200,
      addedPartitionsPerTable: [40, 0, 1001],
    });
    expect(floor.source).toEqual({
      'cloudtrail:LookupEvents': 20 + 1,
      'glue:GetTable': 200,
      'glue:BatchGetPartition': 1 + 2,
    });
    expect(floor.target).toEqual({ 'glue:UpdateTable': 200, 'glue:BatchCreatePartition': 1 + 11 });
  });

  it('time is the slowest (Region, service) bucket, not the sum, minus the full bucket', () => {
    const floor = {
      source: { 'glue:GetTables': 150, 'lakeformation:ListPermissions': 100 },
      target: { 'glue:CreateTable': 550 },
    };
    expect(floorSeconds(floor, 50)).toBe((550 - 50) / 50);
    expect(floorSeconds(floor, 0)).toBe(0);
    expect(floorSeconds({ source: { 'cloudtrail:LookupEvents': 22 }, target: {} }, 0)).toBe(10);
  });
});

describe('reconcile coverage model', () => {
  const settings = { everyMinutes: 60, intervalMinutes: 5, maxCallsPerRun: 500, costFactor: 1 };
  const of = (size: 'small' | 'large') => {
    const lake = generateLake(size, 1);
    return [databaseShapes(lake), lakeShape(lake)] as const;
  };

  it('covers the small lake in one 60-minute cycle (13 runs of a 5-minute schedule), paced by the cycle', () => {
    expect(reconcileCoverage(...of('small'), settings)).toMatchObject({
      runs: 13,
      minutes: 60,
      budgetBound: false,
    });
  });

  it('is bound by the budget on the large lake: one database a run at 500 calls, 60 minutes at about 4,100', () => {
    expect(reconcileCoverage(...of('large'), settings)).toMatchObject({
      runs: 101,
      minutes: 500,
      budgetBound: true,
    });
    const raised = { ...settings, costFactor: 1.238, maxCallsPerRun: 4100 };
    expect(reconcileCoverage(...of('large'), raised)).toMatchObject({ runs: 13, minutes: 60 });
  });

  it('charges a run its listing, and per database compared its tables, partitions, grants and tag reads', () => {
    const db = { name: 'sales', tables: 150, partitionsPerTable: [2500, 10] };
    const floor = reconcileRunFloor(120, [db], { ...EMPTY_SHAPE, grants: 5, lfTags: 1, dataCellsFilters: 1 });
    expect(floor.source).toEqual({
      'glue:GetDatabases': 2,
      'glue:GetTables': 2,
      'glue:GetPartitions': 4,
      'lakeformation:ListPermissions': 1,
      'lakeformation:ListDataCellsFilter': 1,
      'lakeformation:GetResourceLFTags': 151,
    });
    expect(floor.target).toEqual(floor.source);
  });
});
