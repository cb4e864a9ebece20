import type { GlueClient } from '@aws-sdk/client-glue';
import { ListRolesCommand } from '@aws-sdk/client-iam';
import type { LakeFormationClient } from '@aws-sdk/client-lakeformation';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { clientsFor, startTestCloud } from '../../../test/support/localCloud.ts';
import { DEMO_BUCKET, DEMO_ROLES, demoLake } from '../src/seed/demoLake.ts';
import { PARTITION_BATCH, seedDemoLake } from '../src/seed/seedDemoLake.ts';
import type { LocalCloud } from '../src/server.ts';

interface SentCommand {
  name: string;
  input: any;
}

/** A stand-in for the Glue or Lake Formation client until their emulators land: records what it is sent. */
function recordingClient<T>(sent: SentCommand[], exists: Set<string>): T {
  return {
    send: async (command: { constructor: { name: string }; input: any }) => {
      const name = command.constructor.name.replace(/Command$/, '');
      sent.push({ name, input: command.input });
      const key = `${name}:${JSON.stringify(command.input)}`;
      if (name.startsWith('Create') || name === 'RegisterResource') {
        if (exists.has(key)) throw Object.assign(new Error('exists'), { name: 'AlreadyExistsException' });
        exists.add(key);
      }
      if (name === 'BatchCreatePartition') return { Errors: [] };
      if (name === 'GetLFTag') return { TagValues: command.input.TagKey === 'domain' ? ['sales'] : [] };
      return {};
    },
  } as unknown as T;
}

describe('demo lake', () => {
  it('is deterministic and covers every kind of object lakemirror replicates', () => {
    const lake = demoLake();
    expect(demoLake()).toEqual(lake);
    expect(lake.databases.map((d) => d.Name)).toEqual(['sales', 'marketing', 'finance', 'shared_sales']);
    expect(lake.databases[3]?.TargetDatabase).toEqual({ CatalogId: '123456789012', DatabaseName: 'sales' });
    expect(lake.tables.length).toBeGreaterThanOrEqual(20);
    const inputs = lake.tables.map((t) => t.input);
    expect(inputs.some((t) => t.Parameters?.table_type === 'ICEBERG' && t.Parameters.metadata_location)).toBe(
      true,
    );
    expect(inputs.some((t) => t.StorageDescriptor?.SerdeInfo?.Parameters?.path)).toBe(true);
    expect(inputs.some((t) => t.TableType === 'VIRTUAL_VIEW' && t.ViewExpandedText)).toBe(true);
    expect(inputs.some((t) => t.TargetTable)).toBe(true);
    expect(
      inputs.some((t) => t.StorageDescriptor?.SerdeInfo?.SerializationLibrary?.endsWith('OpenCSVSerde')),
    ).toBe(true);
    const partitions = lake.partitions.reduce((n, p) => n + p.inputs.length, 0);
    expect(partitions).toBeGreaterThanOrEqual(200);
    expect(lake.dataLakeSettings.CreateDatabaseDefaultPermissions).toEqual([]);
    const resources = lake.grants.map((g) => Object.keys(g.Resource ?? {})[0]);
    for (const kind of ['Catalog', 'Database', 'Table', 'TableWithColumns', 'DataLocation', 'LFTagPolicy']) {
      expect(resources).toContain(kind);
    }
    expect(lake.grants.some((g) => g.Resource?.Table?.TableWildcard)).toBe(true);
    expect(lake.grants.some((g) => g.Resource?.TableWithColumns?.ColumnWildcard?.ExcludedColumnNames)).toBe(
      true,
    );
    expect(lake.grants.some((g) => g.PermissionsWithGrantOption?.length)).toBe(true);
    expect(lake.grants.some((g) => g.Resource?.DataCellsFilter)).toBe(true);
    expect(lake.dataCellsFilters[0]?.RowFilter?.FilterExpression).toBe("region = 'eu'");
  });

  it('seeds through the SDK clients in order, idempotently, in batches of at most 100 partitions', async () => {
    const cloud: LocalCloud = await startTestCloud();
    try {
      const real = clientsFor(cloud);
      const sent: SentCommand[] = [];
      const exists = new Set<string>();
      const clients = {
        iam: real.iam,
        s3: real.s3,
        glue: recordingClient<GlueClient>(sent, exists),
        lakeFormation: recordingClient<LakeFormationClient>(sent, exists),
      };
      const lake = demoLake();
      const first = await seedDemoLake(clients, lake);
      expect(first.created).toMatchObject({ role: 4, bucket: 1, database: 4, table: lake.tables.length });

      const names = sent.map((c) => c.name);
      expect(names[0]).toBe('PutDataLakeSettings');
      expect(names.indexOf('PutDataLakeSettings')).toBeLessThan(names.indexOf('CreateDatabase'));
      const batches = sent.filter((c) => c.name === 'BatchCreatePartition');
      expect(batches.every((b) => b.input.PartitionInputList.length <= PARTITION_BATCH)).toBe(true);
      expect(batches.length).toBeGreaterThan(lake.partitions.length);

      const roles = await real.iam.send(new ListRolesCommand({}));
      expect(roles.Roles?.map((r) => r.RoleName).sort()).toEqual([...DEMO_ROLES].sort());
      const objects = await real.s3.send(new ListObjectsV2Command({ Bucket: DEMO_BUCKET }));
      expect(objects.KeyCount).toBe(lake.objects.length);

      sent.length = 0;
      const second = await seedDemoLake(clients, lake);
      expect(second.existing).toMatchObject({ role: 4, database: 4, table: lake.tables.length, lfTag: 2 });
      expect(sent.filter((c) => c.name === 'UpdateTable')).toHaveLength(lake.tables.length);
      expect(sent.find((c) => c.name === 'UpdateLFTag')?.input).toEqual({
        TagKey: 'domain',
        TagValuesToAdd: ['finance', 'marketing'],
      });
    } finally {
      await cloud.stop();
    }
  });
});
