import {
  CreateCatalogCommand,
  CreateConnectionCommand,
  DeleteCatalogCommand,
  GetCatalogsCommand,
  GetTableCommand,
  UpdateCatalogCommand,
} from '@aws-sdk/client-glue';
import {
  GrantPermissionsCommand,
  ListLakeFormationOptInsCommand,
  ListPermissionsCommand,
  RevokePermissionsCommand,
} from '@aws-sdk/client-lakeformation';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, runSync, runVerify } from '../../src/ondemand/index.ts';
import { ensureEventTable, runOnce } from '../../src/realtime/index.ts';
import { replaySummary } from '../../src/realtime/summary.ts';
import { createRoles, createTables, governanceConfig, sync } from '../support/governance.ts';
import { clientsFor, startTestCloud, type TestClients } from '../support/localCloud.ts';
import { optIn, optOut } from '../support/optIns.ts';
import { TABLE_BUCKET, tableBucket, tableBucketGrants } from '../support/s3Tables.ts';

const ACCOUNT = '123456789012';

/** Every catalog below the default one, as `path → Description|ConnectionName`, read with plain SDK calls. */
async function catalogsOf(clients: TestClients): Promise<Record<string, string>> {
  const { CatalogList } = await clients.glue.send(new GetCatalogsCommand({ Recursive: true }));
  return Object.fromEntries(
    (CatalogList ?? []).map((c) => [
      c.CatalogId!.slice(ACCOUNT.length + 1),
      `${c.Description ?? ''}|${c.FederatedCatalog?.ConnectionName ?? ''}`,
    ]),
  );
}

async function createConnection(clients: TestClients, Name: string): Promise<void> {
  await clients.glue.send(
    new CreateConnectionCommand({
      ConnectionInput: {
        Name,
        ConnectionType: 'POSTGRESQL',
        ConnectionProperties: { JDBC_CONNECTION_URL: `jdbc:postgresql://${Name}:5432/app` },
      },
    }),
  );
}

describe('catalogs besides the default one (source.catalogs)', () => {
  let cloud: LocalCloud;
  const src = () => clientsFor(cloud, 'us-east-1');
  const dst = () => clientsFor(cloud, 'us-west-2');
  const federated = (ConnectionName: string) => ({ FederatedCatalog: { Identifier: 'app', ConnectionName } });

  beforeAll(async () => {
    cloud = await startTestCloud();
    await createTables(src(), 'sales', { orders: ['id', 'amount'] });
    // The connection of fed_pg exists in both Regions; the one of fed_mysql only in the source.
    await createConnection(src(), 'pg');
    await createConnection(dst(), 'pg');
    await createConnection(src(), 'mysql');
    const create = (Name: string, CatalogInput: Record<string, unknown>) =>
      src().glue.send(new CreateCatalogCommand({ Name, CatalogInput }));
    await create('fed_pg', { ...federated('pg'), Description: 'orders db' });
    await create('fed_mysql', federated('mysql'));
    await create('fed_mysql/inner', {});
    await create('rs_sales', {
      TargetRedshiftCatalog: { CatalogArn: `arn:aws:glue:us-east-1:${ACCOUNT}:catalog/rs_producer/dev` },
    });
    await tableBucket(src(), 'us-east-1', ACCOUNT, ['orders', 'secret']);
    // S3 Tables replication has copied the table bucket: the target has its catalog and tables, not the grants.
    await tableBucket(dst(), 'us-west-2', ACCOUNT, ['orders', 'secret']);
    const [analyst] = await createRoles(src(), ['analyst']);
    for (const Name of ['orders', 'secret'])
      await src().lakeFormation.send(
        new GrantPermissionsCommand({
          Principal: { DataLakePrincipalIdentifier: analyst },
          Resource: { Table: { CatalogId: `${ACCOUNT}:${TABLE_BUCKET}`, DatabaseName: 'ns', Name } },
          Permissions: ['SELECT'],
        }),
      );
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('creates what can exist in the target, reports the rest as skipped with why, and verifies clean', async () => {
    const report = await sync(cloud, { source: { region: 'us-east-1', catalogs: '*' } });
    const target = report.targets[0]!;
    expect(target.failures).toEqual([]);
    expect(target.counts.catalog).toMatchObject({ created: 1 });
    expect(await catalogsOf(dst())).toEqual({
      fed_pg: 'orders db|pg',
      s3tablescatalog: '|aws:s3tables',
      [TABLE_BUCKET]: '|',
    });
    // The table bucket's tables came by S3 Tables replication; lakemirror replicated the grants on them.
    const analyst = `arn:aws:iam::${ACCOUNT}:role/analyst`;
    expect(await tableBucketGrants(dst(), ACCOUNT)).toEqual([
      `${analyst}|orders|SELECT`,
      `${analyst}|secret|SELECT`,
    ]);
    // The default catalog is replicated as before.
    const table = await dst().glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'orders' }));
    expect(table.Table?.StorageDescriptor?.Columns?.map((c) => c.Name)).toEqual(['id', 'amount']);
    const skipped = Object.fromEntries((target.skipped ?? []).map((s) => [s.key, s.reason]));
    expect(Object.keys(skipped).sort()).toEqual([
      'fed_mysql',
      'fed_mysql/inner',
      'rs_sales',
      's3tablescatalog',
      's3tablescatalog/analytics',
    ]);
    expect(skipped.rs_sales).toContain('a Redshift catalog');
    expect(skipped.fed_mysql).toContain('connection mysql does not exist in the target Region');
    expect(skipped['fed_mysql/inner']).toBe('its parent catalog fed_mysql is skipped');
    expect(skipped.s3tablescatalog).toContain('replicated by S3 Tables replication');
    expect(skipped['s3tablescatalog/analytics']).toContain('replicated by S3 Tables replication');
    const verify = await runVerify(
      createRuntime(governanceConfig(cloud, { source: { region: 'us-east-1', catalogs: '*' } })),
    );
    expect(verify.reports[0]!.drift).toEqual([]);
    // Connections are never read: verify cannot tell whether the target lacks mysql, and says so.
    expect(verify.reports[0]!.skipped?.find((s) => s.key === 'fed_mysql')?.reason).toContain(
      'does not read connections',
    );
    expect(verify.reports[0]).toMatchObject({ leaks: [] });
    expect(verify.inSync).toBe(true);
  });

  it('a grant on a catalog below the default one stays on that catalog, never on the default catalog', async () => {
    const analyst = `arn:aws:iam::${ACCOUNT}:role/analyst`;
    const onFedPg = { Catalog: { Id: `${ACCOUNT}:fed_pg` } };
    const grant = {
      Principal: { DataLakePrincipalIdentifier: analyst },
      Permissions: ['CREATE_DATABASE' as const],
    };
    await src().lakeFormation.send(new GrantPermissionsCommand({ ...grant, Resource: onFedPg }));
    const holders = async (Resource: Record<string, unknown>) => {
      const { PrincipalResourcePermissions } = await dst().lakeFormation.send(
        new ListPermissionsCommand({ Resource }),
      );
      return (PrincipalResourcePermissions ?? []).map((p) => p.Principal?.DataLakePrincipalIdentifier);
    };
    const report = await sync(cloud, { source: { region: 'us-east-1', catalogs: ['fed_pg'] } });
    expect(report.targets[0]!.failures).toEqual([]);
    expect(await holders(onFedPg)).toEqual([analyst]);
    expect(await holders({ Catalog: {} })).not.toContain(analyst);
    // Outside source.catalogs the grant is not replicated (nor its catalog).
    await src().lakeFormation.send(new RevokePermissionsCommand({ ...grant, Resource: onFedPg }));
    await dst().lakeFormation.send(new RevokePermissionsCommand({ ...grant, Resource: onFedPg }));
    await src().lakeFormation.send(new GrantPermissionsCommand({ ...grant, Resource: onFedPg }));
    await sync(cloud, { source: { region: 'us-east-1', catalogs: ['rs_*'] } });
    expect(await holders(onFedPg)).toEqual([]);
    await src().lakeFormation.send(new RevokePermissionsCommand({ ...grant, Resource: onFedPg }));
  });

  it('only the selected catalogs: a glob leaves the others alone on both sides', async () => {
    await dst().glue.send(new CreateCatalogCommand({ Name: 'target_own', CatalogInput: {} }));
    const report = await sync(cloud, {
      source: { region: 'us-east-1', catalogs: ['fed_*'] },
      deleteMissing: true,
    });
    expect(report.targets[0]!.failures).toEqual([]);
    expect(report.targets[0]!.skipped?.map((s) => s.key)).toEqual(['fed_mysql', 'fed_mysql/inner']);
    expect(await catalogsOf(dst())).toMatchObject({ fed_pg: 'orders db|pg', target_own: '|' });
  });

  it('replicates a change, and a deletion only with deleteMissing', async () => {
    const id = `${ACCOUNT}:fed_pg`;
    await src().glue.send(
      new UpdateCatalogCommand({ CatalogId: id, CatalogInput: { ...federated('pg'), Description: 'v2' } }),
    );
    const changed = await sync(cloud, { source: { region: 'us-east-1', catalogs: ['fed_pg'] } });
    expect(changed.targets[0]!.counts.catalog).toMatchObject({ updated: 1 });
    expect((await catalogsOf(dst())).fed_pg).toBe('v2|pg');

    await src().glue.send(new DeleteCatalogCommand({ CatalogId: id }));
    const kept = await sync(cloud, { source: { region: 'us-east-1', catalogs: ['fed_pg'] } });
    expect(kept.targets[0]!.keptTargetOnly).toBe(1);
    expect(await catalogsOf(dst())).toHaveProperty('fed_pg');
    const deleted = await sync(cloud, {
      source: { region: 'us-east-1', catalogs: ['fed_pg'] },
      deleteMissing: true,
    });
    expect(deleted.targets[0]!.counts.catalog).toMatchObject({ deleted: 1 });
    expect(await catalogsOf(dst())).not.toHaveProperty('fed_pg');
    expect(await catalogsOf(dst())).toHaveProperty('target_own');
  });

  it('filters take catalog/db.table globs: grants on an excluded table of the table bucket stay out', async () => {
    const analyst = `arn:aws:iam::${ACCOUNT}:role/analyst`;
    for (const Name of ['orders', 'secret'])
      await dst().lakeFormation.send(
        new RevokePermissionsCommand({
          Principal: { DataLakePrincipalIdentifier: analyst },
          Resource: { Table: { CatalogId: `${ACCOUNT}:${TABLE_BUCKET}`, DatabaseName: 'ns', Name } },
          Permissions: ['SELECT'],
        }),
      );
    const report = await sync(cloud, {
      source: { region: 'us-east-1', catalogs: ['s3tablescatalog'] },
      filters: { tables: { exclude: ['s3tablescatalog/*/ns.secret'] } },
    });
    expect(report.targets[0]!.failures).toEqual([]);
    expect(await tableBucketGrants(dst(), ACCOUNT)).toEqual([`${analyst}|orders|SELECT`]);
  });

  it('replicates a catalog created, changed and deleted by real time, only when source.catalogs selects it', async () => {
    const config = governanceConfig(cloud, {
      source: { region: 'us-east-1', catalogs: ['rt_*'] },
      realtime: { eventTable: 'rt-catalogs', overlapMinutes: 1, lookbackMinutes: 1 },
    });
    await ensureEventTable(createRuntime(config));
    await cloud.trail.clear();
    const replay = async () => {
      const { replay } = await runOnce(createRuntime(config));
      expect(replay.objects.failed).toBe(0);
      return replay;
    };
    const id = (path: string) => `${ACCOUNT}:${path}`;
    await src().glue.send(
      new CreateCatalogCommand({ Name: 'rt_pg', CatalogInput: { ...federated('pg'), Description: 'v1' } }),
    );
    // Its connection is missing in the target: skipped with the reason, settled, never retried as a failure.
    await src().glue.send(new CreateCatalogCommand({ Name: 'rt_mysql', CatalogInput: federated('mysql') }));
    await src().glue.send(new CreateCatalogCommand({ Name: 'unselected', CatalogInput: {} }));
    const created = await replay();
    expect(created.objects.reconciled).toBe(2);
    expect(replaySummary(created).join('\n')).toContain(
      'skipped catalog rt_mysql: its connection mysql does not exist in the target Region',
    );
    expect(created.targets[0]!.skipped).toEqual([
      {
        kind: 'catalog',
        key: 'rt_mysql',
        reason: expect.stringContaining('connection mysql does not exist'),
      },
    ]);
    let target = await catalogsOf(dst());
    expect(target.rt_pg).toBe('v1|pg');
    expect(target).not.toHaveProperty('rt_mysql');
    expect(target).not.toHaveProperty('unselected');

    await src().glue.send(
      new UpdateCatalogCommand({
        CatalogId: id('rt_pg'),
        CatalogInput: { ...federated('pg'), Description: 'v2' },
      }),
    );
    // A grant on the catalog itself (Catalog.Id account:path) follows it, not the default catalog.
    const grant = {
      Principal: { DataLakePrincipalIdentifier: `arn:aws:iam::${ACCOUNT}:role/analyst` },
      Permissions: ['CREATE_DATABASE' as const],
      Resource: { Catalog: { Id: id('rt_pg') } },
    };
    await src().lakeFormation.send(new GrantPermissionsCommand(grant));
    await replay();
    expect((await catalogsOf(dst())).rt_pg).toBe('v2|pg');
    const { PrincipalResourcePermissions: granted } = await dst().lakeFormation.send(
      new ListPermissionsCommand({ Resource: grant.Resource }),
    );
    expect(granted?.map((p) => p.Permissions)).toEqual([['CREATE_DATABASE']]);
    await src().lakeFormation.send(new RevokePermissionsCommand(grant));
    await replay();
    const { PrincipalResourcePermissions: revoked } = await dst().lakeFormation.send(
      new ListPermissionsCommand({ Resource: grant.Resource }),
    );
    expect(revoked).toEqual([]);

    await src().glue.send(new DeleteCatalogCommand({ CatalogId: id('rt_pg') }));
    await replay();
    target = await catalogsOf(dst());
    expect(target).not.toHaveProperty('rt_pg');
    expect(target).toHaveProperty('target_own');
  });

  it('opt-ins on a table of a selected S3 Tables catalog: by sync, and their removal by real time', async () => {
    const config = governanceConfig(cloud, {
      source: { region: 'us-east-1', catalogs: ['s3tablescatalog'] },
      realtime: { eventTable: 'rt-catalog-opt-ins', overlapMinutes: 1, lookbackMinutes: 1 },
    });
    const analyst = `arn:aws:iam::${ACCOUNT}:role/analyst`;
    const orders = { Table: { CatalogId: `${ACCOUNT}:${TABLE_BUCKET}`, DatabaseName: 'ns', Name: 'orders' } };
    const inBucket = async (clients: TestClients) => {
      const { LakeFormationOptInsInfoList } = await clients.lakeFormation.send(
        new ListLakeFormationOptInsCommand({ Resource: orders }),
      );
      return (LakeFormationOptInsInfoList ?? []).map(
        (o) => `${o.Principal?.DataLakePrincipalIdentifier}|${o.Resource?.Table?.CatalogId}`,
      );
    };
    await optIn(src(), analyst, orders);
    const report = await runSync(createRuntime(config));
    expect(report.targets[0]!.failures).toEqual([]);
    expect(await inBucket(dst())).toEqual([`${analyst}|${ACCOUNT}:${TABLE_BUCKET}`]);

    await ensureEventTable(createRuntime(config));
    await cloud.trail.clear();
    await optOut(src(), analyst, orders);
    const { replay } = await runOnce(createRuntime(config));
    expect(replay.objects).toEqual({ reconciled: 1, failed: 0 });
    expect(await inBucket(dst())).toEqual([]);
  });
});
