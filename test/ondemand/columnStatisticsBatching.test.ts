import {
  type ColumnStatistics,
  CreateDatabaseCommand,
  CreateTableCommand,
  type GlueClient,
} from '@aws-sdk/client-glue';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGlueCatalogObjects } from '../../src/aws/glueCatalogObjects.ts';
import { callsIn, clientsFor, startTestCloud } from '../support/localCloud.ts';

const manyColumns = Array.from({ length: 120 }, (_, i) => ({ Name: `c${i}`, Type: 'bigint' }));
const stats = (name: string): ColumnStatistics => ({
  ColumnName: name,
  ColumnType: 'bigint',
  AnalyzedTime: new Date('2026-11-01T00:00:00Z'),
  StatisticsData: {
    Type: 'LONG',
    LongColumnStatisticsData: { NumberOfNulls: 0, NumberOfDistinctValues: 1 },
  },
});

describe('column statistics adapter: batched at the API maxima', () => {
  let cloud: LocalCloud;
  let glue: GlueClient;
  beforeAll(async () => {
    cloud = await startTestCloud();
    glue = clientsFor(cloud, 'us-east-1').glue;
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'db' } }));
    await glue.send(
      new CreateTableCommand({
        DatabaseName: 'db',
        TableInput: { Name: 't', StorageDescriptor: { Columns: manyColumns } },
      }),
    );
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('the adapter writes 30 statistics in 2 calls and reads 120 columns in 2 calls', async () => {
    const { columnStatistics } = createGlueCatalogObjects(glue, { region: 'us-east-1' });
    const owner = { database: 'db', table: 't' };
    cloud.stats.reset();
    await columnStatistics.update(
      owner,
      manyColumns.slice(0, 30).map((c) => stats(c.Name)),
    );
    const found = await columnStatistics.get(
      owner,
      manyColumns.map((c) => c.Name),
    );
    expect(found?.length).toBe(30);
    expect(callsIn(cloud, 'us-east-1')).toEqual({
      'glue:UpdateColumnStatisticsForTable': 2,
      'glue:GetColumnStatisticsForTable': 2,
    });
  });
});
