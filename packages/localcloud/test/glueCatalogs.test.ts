import {
  AlreadyExistsException,
  CreateCatalogCommand,
  CreateConnectionCommand,
  CreateDatabaseCommand,
  DeleteCatalogCommand,
  EntityNotFoundException,
  GetCatalogCommand,
  GetCatalogsCommand,
  type GetCatalogsCommandInput,
  GetDatabasesCommand,
  type GlueClient,
  InvalidInputException,
  UpdateCatalogCommand,
} from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, failure, startTestCloud } from '../../../test/support/localCloud.ts';
import { DEFAULT_ACCOUNT_ID } from '../src/accounts.ts';
import type { LocalCloud } from '../src/server.ts';

const S3_TABLES = {
  Identifier: 'arn:aws:s3tables:us-east-1:123456789012:bucket/*',
  ConnectionName: 'aws:s3tables',
};

describe('local cloud Glue: the catalog hierarchy', () => {
  let cloud: LocalCloud;
  let glue: GlueClient;
  const names = async (input: GetCatalogsCommandInput) =>
    ((await glue.send(new GetCatalogsCommand(input))).CatalogList ?? []).map((c) => c.CatalogId);

  beforeAll(async () => {
    cloud = await startTestCloud();
    glue = clientsFor(cloud, 'us-east-1').glue;
    await glue.send(
      new CreateConnectionCommand({
        ConnectionInput: {
          Name: 'pg',
          ConnectionType: 'POSTGRESQL',
          ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://db:5432/app' },
        },
      }),
    );
    await glue.send(
      new CreateCatalogCommand({
        Name: 'fed_pg',
        CatalogInput: { FederatedCatalog: { Identifier: 'app', ConnectionName: 'pg' } },
      }),
    );
    await glue.send(
      new CreateCatalogCommand({ Name: 's3tablescatalog', CatalogInput: { FederatedCatalog: S3_TABLES } }),
    );
    await glue.send(new CreateCatalogCommand({ Name: 's3tablescatalog/sales', CatalogInput: {} }));
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('lists children, the whole hierarchy with Recursive, and the default catalog with IncludeRoot', async () => {
    const id = (path: string) => `${DEFAULT_ACCOUNT_ID}:${path}`;
    expect(await names({})).toEqual([id('fed_pg'), id('s3tablescatalog')]);
    expect(await names({ Recursive: true })).toEqual([
      id('fed_pg'),
      id('s3tablescatalog'),
      id('s3tablescatalog/sales'),
    ]);
    expect(await names({ IncludeRoot: true })).toEqual([
      DEFAULT_ACCOUNT_ID,
      id('fed_pg'),
      id('s3tablescatalog'),
    ]);
    expect(await names({ ParentCatalogId: id('s3tablescatalog') })).toEqual([id('s3tablescatalog/sales')]);
    const page = await glue.send(new GetCatalogsCommand({ Recursive: true, MaxResults: 2 }));
    expect(page.CatalogList).toHaveLength(2);
    const rest = await glue.send(new GetCatalogsCommand({ Recursive: true, NextToken: page.NextToken }));
    expect(rest.CatalogList?.map((c) => c.Name)).toEqual(['sales']);
    const { Catalog } = await glue.send(new GetCatalogCommand({ CatalogId: id('fed_pg') }));
    expect(Catalog).toMatchObject({
      Name: 'fed_pg',
      ResourceArn: `arn:aws:glue:us-east-1:${DEFAULT_ACCOUNT_ID}:catalog/fed_pg`,
      FederatedCatalog: { Identifier: 'app', ConnectionName: 'pg' },
    });
  });

  it('refuses what Glue refuses: unknown connections and parents, duplicates, IncludeRoot below a parent, big pages, non-empty deletes', async () => {
    const id = (path: string) => `${DEFAULT_ACCOUNT_ID}:${path}`;
    const create = (Name: string, CatalogInput: Record<string, unknown>) =>
      failure(glue.send(new CreateCatalogCommand({ Name, CatalogInput })));
    expect(
      await create('fed_x', { FederatedCatalog: { Identifier: 'x', ConnectionName: 'nope' } }),
    ).toBeInstanceOf(EntityNotFoundException);
    expect(await create('nope/child', {})).toBeInstanceOf(EntityNotFoundException);
    expect(await create('fed_pg', {})).toBeInstanceOf(AlreadyExistsException);
    expect(await create('x', { AllowFullTableExternalDataAccess: 'Maybe' })).toMatchObject({
      name: 'ValidationException',
    });
    const rooted = failure(
      glue.send(new GetCatalogsCommand({ ParentCatalogId: id('s3tablescatalog'), IncludeRoot: true })),
    );
    expect(await rooted).toBeInstanceOf(InvalidInputException);
    expect(await failure(glue.send(new GetCatalogsCommand({ MaxResults: 1001 })))).toMatchObject({
      name: 'ValidationException',
    });
    const parent = failure(glue.send(new DeleteCatalogCommand({ CatalogId: id('s3tablescatalog') })));
    expect(await parent).toBeInstanceOf(InvalidInputException);
    expect(
      await failure(glue.send(new UpdateCatalogCommand({ CatalogId: id('gone'), CatalogInput: {} }))),
    ).toBeInstanceOf(EntityNotFoundException);
  });

  it('updates and deletes, and records the calls in CloudTrail', async () => {
    const id = `${DEFAULT_ACCOUNT_ID}:fed_pg`;
    await glue.send(
      new UpdateCatalogCommand({
        CatalogId: id,
        CatalogInput: {
          Description: 'app db',
          FederatedCatalog: { Identifier: 'app', ConnectionName: 'pg' },
        },
      }),
    );
    expect((await glue.send(new GetCatalogCommand({ CatalogId: id }))).Catalog?.Description).toBe('app db');
    await glue.send(new DeleteCatalogCommand({ CatalogId: id }));
    expect(await failure(glue.send(new GetCatalogCommand({ CatalogId: id })))).toBeInstanceOf(
      EntityNotFoundException,
    );
    const events = cloud.trail.list(DEFAULT_ACCOUNT_ID, 'us-east-1').map((e) => e.eventName);
    expect(events).toEqual(expect.arrayContaining(['CreateCatalog', 'UpdateCatalog', 'DeleteCatalog']));
  });

  it('keeps databases and tables of a catalog below the default one apart, named by the multi-level CatalogId', async () => {
    const CatalogId = `${DEFAULT_ACCOUNT_ID}:s3tablescatalog`;
    await glue.send(new CreateDatabaseCommand({ CatalogId, DatabaseInput: { Name: 'ns' } }));
    const inCatalog = await glue.send(new GetDatabasesCommand({ CatalogId }));
    expect(inCatalog.DatabaseList?.map((d) => d.Name)).toEqual(['ns']);
    const inDefault = await glue.send(new GetDatabasesCommand({}));
    expect(inDefault.DatabaseList?.map((d) => d.Name)).not.toContain('ns');
    const unknown = `${DEFAULT_ACCOUNT_ID}:nowhere`;
    expect(await failure(glue.send(new GetDatabasesCommand({ CatalogId: unknown })))).toBeInstanceOf(
      EntityNotFoundException,
    );
  });
});
