import {
  AccessDeniedException,
  AlreadyExistsException,
  BatchDeleteTableCommand,
  ConcurrentModificationException,
  CreateDatabaseCommand,
  CreateTableCommand,
  DeleteDatabaseCommand,
  DeleteTableCommand,
  EntityNotFoundException,
  GetDatabaseCommand,
  GetDatabasesCommand,
  GetTableCommand,
  GetTablesCommand,
  GetTableVersionsCommand,
  type GlueClient,
  InvalidInputException,
  type PrincipalPermissions,
  UpdateDatabaseCommand,
  UpdateTableCommand,
  ValidationException,
} from '@aws-sdk/client-glue';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientsFor, failure, startTestCloud } from '../../../test/support/localCloud.ts';
import { DEFAULT_ACCOUNT_ID } from '../src/accounts.ts';
import type { LocalCloud } from '../src/server.ts';
import { lakeFormationStateOf } from '../src/services/lakeformation/state.ts';

const columns = [{ Name: 'id', Type: 'bigint' }];
const tableInput = (name: string) => ({
  Name: name,
  TableType: 'EXTERNAL_TABLE',
  StorageDescriptor: { Columns: columns, Location: `s3://lake/${name.toLowerCase()}/` },
  PartitionKeys: [{ Name: 'dt', Type: 'string' }],
});

/** Resolves to the error a call rejects with (fails the test when it succeeds). */
describe('local cloud Glue: databases and tables', () => {
  let cloud: LocalCloud;
  let glue: GlueClient;
  beforeAll(async () => {
    cloud = await startTestCloud({ embedded: false });
    glue = clientsFor(cloud).glue;
  });
  afterAll(async () => {
    await cloud.stop();
  });
  beforeEach(async () => {
    await cloud.reset();
  });

  it('creates, reads, updates and deletes a database with server-managed members', async () => {
    await glue.send(
      new CreateDatabaseCommand({
        DatabaseInput: { Name: 'Sales', Description: 'd', Parameters: { a: '1' } },
      }),
    );
    const { Database } = await glue.send(new GetDatabaseCommand({ Name: 'SALES' }));
    expect(Database).toMatchObject({ Name: 'sales', Description: 'd', CatalogId: DEFAULT_ACCOUNT_ID });
    expect(Database?.CreateTime).toBeInstanceOf(Date);
    // The data lake settings' CreateTableDefaultPermissions (IAM_ALLOWED_PRINCIPALS ALL by default).
    expect(Database?.CreateTableDefaultPermissions).toEqual([
      { Principal: { DataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS' }, Permissions: ['ALL'] },
    ]);
    await glue.send(
      new UpdateDatabaseCommand({ Name: 'sales', DatabaseInput: { Name: 'sales', Description: 'e' } }),
    );
    const updated = (await glue.send(new GetDatabaseCommand({ Name: 'sales' }))).Database;
    expect(updated).toMatchObject({ Description: 'e', CreateTime: Database?.CreateTime });
    await glue.send(new DeleteDatabaseCommand({ Name: 'sales' }));
    const error = await failure(glue.send(new GetDatabaseCommand({ Name: 'sales' })));
    expect(error).toBeInstanceOf(EntityNotFoundException);
  });

  it('answers AlreadyExistsException, EntityNotFoundException and ValidationException as Glue does', async () => {
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'db' } }));
    expect(
      await failure(glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'DB' } }))),
    ).toBeInstanceOf(AlreadyExistsException);
    expect(
      await failure(glue.send(new CreateTableCommand({ DatabaseName: 'nope', TableInput: tableInput('t') }))),
    ).toBeInstanceOf(EntityNotFoundException);
    expect(
      await failure(glue.send(new GetTableCommand({ DatabaseName: 'db', Name: 'nope' }))),
    ).toBeInstanceOf(EntityNotFoundException);
    expect(await failure(glue.send(new GetDatabaseCommand({ Name: undefined as never })))).toBeInstanceOf(
      ValidationException,
    );
    await glue.send(new CreateTableCommand({ DatabaseName: 'db', TableInput: tableInput('t') }));
    expect(
      await failure(glue.send(new CreateTableCommand({ DatabaseName: 'db', TableInput: tableInput('T') }))),
    ).toBeInstanceOf(AlreadyExistsException);
  });

  it('refuses another account catalog it has not been shared', async () => {
    const error = await failure(glue.send(new GetDatabasesCommand({ CatalogId: '999999999999' })));
    expect(error).toBeInstanceOf(AccessDeniedException);
    expect(error.message).toContain('arn:aws:glue:us-east-1:999999999999:catalog');
  });

  it('pages GetDatabases and GetTables (250 tables at MaxResults 100) and filters by Expression', async () => {
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'big' } }));
    const names = Array.from({ length: 250 }, (_, i) => `T_${String(i).padStart(3, '0')}`);
    await Promise.all(
      names.map((name) =>
        glue.send(new CreateTableCommand({ DatabaseName: 'big', TableInput: tableInput(name) })),
      ),
    );
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await glue.send(
        new GetTablesCommand({ DatabaseName: 'big', MaxResults: 100, NextToken: token }),
      );
      expect(page.TableList!.length).toBeLessThanOrEqual(100);
      seen.push(...page.TableList!.map((t) => t.Name!));
      token = page.NextToken;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(names.map((n) => n.toLowerCase()));
    const filtered = await glue.send(new GetTablesCommand({ DatabaseName: 'big', Expression: 't_00.*' }));
    expect(filtered.TableList!.map((t) => t.Name)).toHaveLength(10);
    expect(
      await failure(glue.send(new GetTablesCommand({ DatabaseName: 'big', MaxResults: 101 }))),
    ).toBeInstanceOf(ValidationException);
    expect(
      await failure(glue.send(new GetTablesCommand({ DatabaseName: 'big', NextToken: 'garbage' }))),
    ).toBeInstanceOf(InvalidInputException);
    const dbs = await glue.send(new GetDatabasesCommand({ MaxResults: 1 }));
    expect(dbs.DatabaseList!.map((d) => d.Name)).toEqual(['big']);
    expect(dbs.NextToken).toBeUndefined();
  });

  it('fills the server-managed table members and lowercases names', async () => {
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'db' } }));
    await glue.send(new CreateTableCommand({ DatabaseName: 'DB', TableInput: tableInput('Events') }));
    const { Table } = await glue.send(new GetTableCommand({ DatabaseName: 'db', Name: 'EVENTS' }));
    expect(Table).toMatchObject({
      Name: 'events',
      DatabaseName: 'db',
      CatalogId: DEFAULT_ACCOUNT_ID,
      VersionId: '0',
      IsRegisteredWithLakeFormation: false,
      StorageDescriptor: { Columns: columns, Location: 's3://lake/events/' },
    });
    expect(Table?.CreatedBy).toContain(DEFAULT_ACCOUNT_ID);
    expect(Table?.CreateTime).toBeInstanceOf(Date);
    expect(Table?.UpdateTime).toBeInstanceOf(Date);
  });

  it('archives versions unless SkipArchive and enforces the VersionId of UpdateTable', async () => {
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'db' } }));
    await glue.send(new CreateTableCommand({ DatabaseName: 'db', TableInput: tableInput('t') }));
    const update = (description: string, extra: object = {}) =>
      glue.send(
        new UpdateTableCommand({
          DatabaseName: 'db',
          TableInput: { ...tableInput('t'), Description: description },
          ...extra,
        }),
      );
    await update('one', { VersionId: '0' });
    await update('two', { SkipArchive: true });
    const conflict = await failure(update('stale', { VersionId: '0' }));
    expect(conflict).toBeInstanceOf(ConcurrentModificationException);
    const current = (await glue.send(new GetTableCommand({ DatabaseName: 'db', Name: 't' }))).Table!;
    expect(current).toMatchObject({ Description: 'two', VersionId: '2' });
    const versions = await glue.send(new GetTableVersionsCommand({ DatabaseName: 'db', TableName: 't' }));
    // "1" was replaced with SkipArchive, so only the original and the current versions remain.
    expect(versions.TableVersions!.map((v) => v.VersionId)).toEqual(['2', '0']);
    expect(versions.TableVersions![1]!.Table!.Description).toBeUndefined();
    const first = await glue.send(
      new GetTableVersionsCommand({ DatabaseName: 'db', TableName: 't', MaxResults: 1 }),
    );
    const second = await glue.send(
      new GetTableVersionsCommand({
        DatabaseName: 'db',
        TableName: 't',
        MaxResults: 1,
        NextToken: first.NextToken,
      }),
    );
    expect([...first.TableVersions!, ...second.TableVersions!].map((v) => v.VersionId)).toEqual(['2', '0']);
    expect(second.NextToken).toBeUndefined();
  });

  it('stores and returns resource links', async () => {
    const target = { CatalogId: '111122223333', DatabaseName: 'shared', Region: 'eu-west-1' };
    await glue.send(
      new CreateDatabaseCommand({ DatabaseInput: { Name: 'link_db', TargetDatabase: target } }),
    );
    expect((await glue.send(new GetDatabaseCommand({ Name: 'link_db' }))).Database?.TargetDatabase).toEqual(
      target,
    );
    const targetTable = {
      CatalogId: '111122223333',
      DatabaseName: 'shared',
      Name: 'orders',
      Region: 'eu-west-1',
    };
    await glue.send(
      new CreateTableCommand({
        DatabaseName: 'link_db',
        TableInput: { Name: 'orders_link', TargetTable: targetTable },
      }),
    );
    const { Table } = await glue.send(new GetTableCommand({ DatabaseName: 'link_db', Name: 'orders_link' }));
    expect(Table?.TargetTable).toEqual(targetTable);
  });

  it('deletes tables singly and in batches with per-item errors', async () => {
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'db' } }));
    for (const name of ['a', 'b', 'c']) {
      await glue.send(new CreateTableCommand({ DatabaseName: 'db', TableInput: tableInput(name) }));
    }
    await glue.send(new DeleteTableCommand({ DatabaseName: 'db', Name: 'A' }));
    const answer = await glue.send(
      new BatchDeleteTableCommand({ DatabaseName: 'db', TablesToDelete: ['b', 'zz'] }),
    );
    expect(answer.Errors).toEqual([
      {
        TableName: 'zz',
        ErrorDetail: { ErrorCode: 'EntityNotFoundException', ErrorMessage: 'Table zz not found.' },
      },
    ]);
    const left = await glue.send(new GetTablesCommand({ DatabaseName: 'db' }));
    expect(left.TableList!.map((t) => t.Name)).toEqual(['c']);
    const tooMany = Array.from({ length: 101 }, (_, i) => `t${i}`);
    expect(
      await failure(glue.send(new BatchDeleteTableCommand({ DatabaseName: 'db', TablesToDelete: tooMany }))),
    ).toBeInstanceOf(ValidationException);
  });

  it('grants Lake Formation create defaults and forgets them on delete', async () => {
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'lf' } }));
    await glue.send(new CreateTableCommand({ DatabaseName: 'lf', TableInput: tableInput('t') }));
    const lf = () => lakeFormationStateOf(cloud.state.get(DEFAULT_ACCOUNT_ID, 'us-east-1'));
    expect(lf().permissions.map((p) => p.Resource)).toEqual([
      { Database: { CatalogId: DEFAULT_ACCOUNT_ID, Name: 'lf' } },
      { Table: { CatalogId: DEFAULT_ACCOUNT_ID, DatabaseName: 'lf', Name: 't' } },
    ]);
    expect(lf().permissions[0]).toMatchObject({
      Principal: { DataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS' },
      Permissions: ['ALL'],
    });
    await glue.send(new DeleteTableCommand({ DatabaseName: 'lf', Name: 't' }));
    expect(lf().permissions).toHaveLength(1);
    await glue.send(new CreateTableCommand({ DatabaseName: 'lf', TableInput: tableInput('t2') }));
    await glue.send(new DeleteDatabaseCommand({ Name: 'lf' }));
    expect(lf().permissions).toHaveLength(0);
    // The database's tables went with it: a database of the same name starts empty.
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'lf' } }));
    expect((await glue.send(new GetTablesCommand({ DatabaseName: 'lf' }))).TableList).toEqual([]);
  });

  it('uses the database CreateTableDefaultPermissions for its tables', async () => {
    const perms: PrincipalPermissions[] = [
      { Principal: { DataLakePrincipalIdentifier: 'arn:aws:iam::1:role/r' }, Permissions: ['SELECT'] },
    ];
    await glue.send(
      new CreateDatabaseCommand({ DatabaseInput: { Name: 'own', CreateTableDefaultPermissions: perms } }),
    );
    await glue.send(new CreateTableCommand({ DatabaseName: 'own', TableInput: tableInput('t') }));
    const grants = lakeFormationStateOf(cloud.state.get(DEFAULT_ACCOUNT_ID, 'us-east-1')).permissions;
    expect(grants.filter((g) => 'Table' in g.Resource)).toMatchObject([
      { Principal: perms[0]!.Principal, Permissions: ['SELECT'] },
    ]);
  });

  it('records CloudTrail events for mutating calls, successes and failures', async () => {
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'trail' } }));
    await failure(glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'trail' } })));
    const events = cloud.trail
      .list(DEFAULT_ACCOUNT_ID, 'us-east-1')
      .filter((e) => e.eventName === 'CreateDatabase');
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ eventSource: 'glue.amazonaws.com', readOnly: false });
    expect(JSON.parse(events[1]!.document)).toMatchObject({ errorCode: 'AlreadyExistsException' });
  });

  it('keeps Regions apart', async () => {
    const west = clientsFor(cloud, 'us-west-2').glue;
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'east_only' } }));
    expect(await failure(west.send(new GetDatabaseCommand({ Name: 'east_only' })))).toBeInstanceOf(
      EntityNotFoundException,
    );
    await west.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'east_only', Description: 'west' } }));
    expect(
      (await glue.send(new GetDatabaseCommand({ Name: 'east_only' }))).Database?.Description,
    ).toBeUndefined();
  });
});
