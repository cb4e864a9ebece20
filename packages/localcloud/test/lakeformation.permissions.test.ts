import {
  BatchGrantPermissionsCommand,
  BatchRevokePermissionsCommand,
  CreateLFTagCommand,
  EntityNotFoundException,
  GrantPermissionsCommand,
  InvalidInputException,
  ListPermissionsCommand,
  RegisterResourceCommand,
  RevokePermissionsCommand,
} from '@aws-sdk/client-lakeformation';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT, role, seedGlue } from '../../../test/support/lakeFormationFixtures.ts';
import { clientsFor, startTestCloud } from '../../../test/support/localCloud.ts';
import type { LocalCloud } from '../src/server.ts';

describe('Lake Formation permissions', () => {
  let cloud: LocalCloud;
  const lf = () => clientsFor(cloud).lakeFormation;
  const analyst = { DataLakePrincipalIdentifier: role('analyst') };
  const list = async (input: ConstructorParameters<typeof ListPermissionsCommand>[0] = {}) =>
    (await lf().send(new ListPermissionsCommand(input))).PrincipalResourcePermissions ?? [];

  beforeAll(async () => {
    cloud = await startTestCloud({ embedded: false });
  });
  afterAll(async () => {
    await cloud.stop();
  });
  beforeEach(async () => {
    await cloud.reset();
    seedGlue(cloud, 'sales', { orders: ['id', 'amount', 'email'], customers: ['id', 'name'] });
  });

  it('grants on a database, normalizing the stored resource, and lists it with who and when', async () => {
    await lf().send(
      new GrantPermissionsCommand({
        Principal: analyst,
        Resource: { Database: { Name: 'SALES' } },
        Permissions: ['DESCRIBE'],
      }),
    );
    const [grant] = await list();
    expect(grant).toMatchObject({
      Principal: analyst,
      Resource: { Database: { CatalogId: ACCOUNT, Name: 'sales' } },
      Permissions: ['DESCRIBE'],
      PermissionsWithGrantOption: [],
      LastUpdatedBy: `arn:aws:iam::${ACCOUNT}:user/localcloud`,
    });
    expect(grant?.LastUpdated).toBeInstanceOf(Date);
  });

  it('merges a second grant on the same resource and is idempotent for the same one', async () => {
    const resource = { Table: { DatabaseName: 'sales', Name: 'orders' } };
    await lf().send(
      new GrantPermissionsCommand({ Principal: analyst, Resource: resource, Permissions: ['SELECT'] }),
    );
    await lf().send(
      new GrantPermissionsCommand({ Principal: analyst, Resource: resource, Permissions: ['SELECT'] }),
    );
    await lf().send(
      new GrantPermissionsCommand({
        Principal: analyst,
        Resource: resource,
        Permissions: ['DESCRIBE'],
        PermissionsWithGrantOption: ['DESCRIBE'],
      }),
    );
    const grants = await list();
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({
      Permissions: ['DESCRIBE', 'SELECT'],
      PermissionsWithGrantOption: ['DESCRIBE'],
    });
  });

  it('grants on TableWildcard and on columns (names sorted, or wildcard with exclusions)', async () => {
    await lf().send(
      new GrantPermissionsCommand({
        Principal: analyst,
        Resource: { Table: { DatabaseName: 'sales', TableWildcard: {} } },
        Permissions: ['DESCRIBE'],
      }),
    );
    await lf().send(
      new GrantPermissionsCommand({
        Principal: analyst,
        Resource: {
          TableWithColumns: { DatabaseName: 'sales', Name: 'orders', ColumnNames: ['id', 'amount'] },
        },
        Permissions: ['SELECT'],
      }),
    );
    await lf().send(
      new GrantPermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: role('auditor') },
        Resource: {
          TableWithColumns: {
            DatabaseName: 'sales',
            Name: 'orders',
            ColumnWildcard: { ExcludedColumnNames: ['email'] },
          },
        },
        Permissions: ['SELECT'],
      }),
    );
    const resources = (await list()).map((g) => g.Resource);
    expect(resources).toEqual([
      { Table: { CatalogId: ACCOUNT, DatabaseName: 'sales', TableWildcard: {} } },
      {
        TableWithColumns: {
          CatalogId: ACCOUNT,
          DatabaseName: 'sales',
          Name: 'orders',
          ColumnNames: ['amount', 'id'],
        },
      },
      {
        TableWithColumns: {
          CatalogId: ACCOUNT,
          DatabaseName: 'sales',
          Name: 'orders',
          ColumnWildcard: { ExcludedColumnNames: ['email'] },
        },
      },
    ]);
  });

  it('grants on the catalog, a registered location, an LF-Tag and an LF-Tag policy', async () => {
    await lf().send(
      new GrantPermissionsCommand({
        Principal: analyst,
        Resource: { Catalog: {} },
        Permissions: ['CREATE_DATABASE'],
      }),
    );
    const location = { DataLocation: { ResourceArn: 'arn:aws:s3:::lake/raw' } };
    await expect(
      lf().send(
        new GrantPermissionsCommand({
          Principal: analyst,
          Resource: location,
          Permissions: ['DATA_LOCATION_ACCESS'],
        }),
      ),
    ).rejects.toBeInstanceOf(EntityNotFoundException);
    await lf().send(
      new RegisterResourceCommand({ ResourceArn: 'arn:aws:s3:::lake', UseServiceLinkedRole: true }),
    );
    await lf().send(
      new GrantPermissionsCommand({
        Principal: analyst,
        Resource: location,
        Permissions: ['DATA_LOCATION_ACCESS'],
      }),
    );
    await expect(
      lf().send(
        new GrantPermissionsCommand({
          Principal: analyst,
          Resource: { LFTag: { TagKey: 'domain', TagValues: ['sales'] } },
          Permissions: ['ASSOCIATE'],
        }),
      ),
    ).rejects.toBeInstanceOf(EntityNotFoundException);
    await lf().send(new CreateLFTagCommand({ TagKey: 'domain', TagValues: ['sales', 'hr'] }));
    await lf().send(
      new GrantPermissionsCommand({
        Principal: analyst,
        Resource: { LFTag: { TagKey: 'domain', TagValues: ['sales'] } },
        Permissions: ['ASSOCIATE'],
      }),
    );
    await lf().send(
      new GrantPermissionsCommand({
        Principal: analyst,
        Resource: {
          LFTagPolicy: {
            ResourceType: 'TABLE',
            Expression: [{ TagKey: 'domain', TagValues: ['hr', 'sales'] }],
          },
        },
        Permissions: ['SELECT'],
      }),
    );
    expect(await list({ ResourceType: 'CATALOG' })).toHaveLength(1);
    expect(await list({ ResourceType: 'DATA_LOCATION' })).toHaveLength(1);
    expect(await list({ ResourceType: 'LF_TAG' })).toHaveLength(1);
    expect(await list({ ResourceType: 'LF_TAG_POLICY_TABLE' })).toHaveLength(1);
  });

  it('refuses grant options that are not a subset of the permissions', async () => {
    await expect(
      lf().send(
        new GrantPermissionsCommand({
          Principal: analyst,
          Resource: { Database: { Name: 'sales' } },
          Permissions: ['DESCRIBE'],
          PermissionsWithGrantOption: ['ALTER'],
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidInputException);
  });

  it('answers EntityNotFoundException for a missing database or table, and for another Region', async () => {
    for (const resource of [
      { Database: { Name: 'nope' } },
      { Table: { DatabaseName: 'sales', Name: 'nope' } },
      { TableWithColumns: { DatabaseName: 'nope', Name: 'orders', ColumnNames: ['id'] } },
    ]) {
      await expect(
        lf().send(
          new GrantPermissionsCommand({ Principal: analyst, Resource: resource, Permissions: ['SELECT'] }),
        ),
      ).rejects.toBeInstanceOf(EntityNotFoundException);
    }
    const west = clientsFor(cloud, 'us-west-2').lakeFormation;
    await expect(
      west.send(
        new GrantPermissionsCommand({
          Principal: analyst,
          Resource: { Database: { Name: 'sales' } },
          Permissions: ['DESCRIBE'],
        }),
      ),
    ).rejects.toBeInstanceOf(EntityNotFoundException);
  });

  it('refuses an unknown principal of the caller account once IAM holds roles, naming it', async () => {
    cloud.state.get(ACCOUNT, 'global').slice('iam', () => ({
      roles: { analyst: { RoleName: 'analyst', Path: '/', Arn: role('analyst') } },
      users: {},
    }));
    const ghost = role('ghost');
    const error = await lf()
      .send(
        new GrantPermissionsCommand({
          Principal: { DataLakePrincipalIdentifier: ghost },
          Resource: { Database: { Name: 'sales' } },
          Permissions: ['DESCRIBE'],
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputException);
    expect((error as Error).message).toContain(ghost);
    for (const id of [role('analyst'), 'IAM_ALLOWED_PRINCIPALS', '210987654321', role('x', '210987654321')]) {
      await lf().send(
        new GrantPermissionsCommand({
          Principal: { DataLakePrincipalIdentifier: id },
          Resource: { Database: { Name: 'sales' } },
          Permissions: ['DESCRIBE'],
        }),
      );
    }
  });

  it('revokes permissions (taking their grant option) and refuses to revoke what is not held', async () => {
    const resource = { Database: { Name: 'sales' } };
    await lf().send(
      new GrantPermissionsCommand({
        Principal: analyst,
        Resource: resource,
        Permissions: ['ALTER', 'DESCRIBE'],
        PermissionsWithGrantOption: ['ALTER', 'DESCRIBE'],
      }),
    );
    await lf().send(
      new RevokePermissionsCommand({
        Principal: analyst,
        Resource: resource,
        Permissions: [],
        PermissionsWithGrantOption: ['DESCRIBE'],
      }),
    );
    await lf().send(
      new RevokePermissionsCommand({ Principal: analyst, Resource: resource, Permissions: ['ALTER'] }),
    );
    expect(await list()).toMatchObject([{ Permissions: ['DESCRIBE'], PermissionsWithGrantOption: [] }]);
    await lf().send(
      new RevokePermissionsCommand({ Principal: analyst, Resource: resource, Permissions: ['DESCRIBE'] }),
    );
    expect(await list()).toEqual([]);
    await expect(
      lf().send(
        new RevokePermissionsCommand({ Principal: analyst, Resource: resource, Permissions: ['DESCRIBE'] }),
      ),
    ).rejects.toThrow(/No permissions revoked/);
  });

  it('batch grants at most 20 entries and reports each failed entry', async () => {
    const entry = (id: number) => ({
      Id: String(id),
      Principal: { DataLakePrincipalIdentifier: role(`r${id}`) },
      Resource: { Database: { Name: 'sales' } },
      Permissions: ['DESCRIBE' as const],
    });
    await expect(
      lf().send(
        new BatchGrantPermissionsCommand({ Entries: Array.from({ length: 21 }, (_, i) => entry(i)) }),
      ),
    ).rejects.toBeInstanceOf(InvalidInputException);
    const answer = await lf().send(
      new BatchGrantPermissionsCommand({
        Entries: [
          entry(1),
          { ...entry(2), Resource: { Table: { DatabaseName: 'sales', Name: 'missing' } } },
          entry(3),
        ],
      }),
    );
    expect(answer.Failures).toEqual([
      {
        RequestEntry: expect.objectContaining({ Id: '2' }),
        Error: { ErrorCode: 'EntityNotFoundException', ErrorMessage: expect.any(String) },
      },
    ]);
    expect(await list()).toHaveLength(2);
    const revoked = await lf().send(new BatchRevokePermissionsCommand({ Entries: [entry(1), entry(9)] }));
    expect(revoked.Failures?.map((f) => [f.RequestEntry?.Id, f.Error?.ErrorCode])).toEqual([
      ['9', 'InvalidInputException'],
    ]);
    expect(await list()).toHaveLength(1);
  });

  it('filters ListPermissions by principal, resource and type, and pages with NextToken', async () => {
    for (let i = 0; i < 5; i++) {
      await lf().send(
        new GrantPermissionsCommand({
          Principal: { DataLakePrincipalIdentifier: role(`r${i}`) },
          Resource: { Table: { DatabaseName: 'sales', Name: i % 2 ? 'orders' : 'customers' } },
          Permissions: ['SELECT'],
        }),
      );
    }
    await lf().send(
      new GrantPermissionsCommand({
        Principal: analyst,
        Resource: { TableWithColumns: { DatabaseName: 'sales', Name: 'orders', ColumnNames: ['id'] } },
        Permissions: ['SELECT'],
      }),
    );
    await lf().send(
      new GrantPermissionsCommand({
        Principal: analyst,
        Resource: { Database: { Name: 'sales' } },
        Permissions: ['DESCRIBE'],
      }),
    );
    expect(await list({ Principal: analyst })).toHaveLength(2);
    expect(await list({ Resource: { Table: { DatabaseName: 'SALES', Name: 'orders' } } })).toHaveLength(3);
    expect(await list({ ResourceType: 'TABLE' })).toHaveLength(6);
    expect(await list({ ResourceType: 'DATABASE' })).toHaveLength(1);
    const seen: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await lf().send(new ListPermissionsCommand({ MaxResults: 3, NextToken }));
      expect(page.PrincipalResourcePermissions!.length).toBeLessThanOrEqual(3);
      seen.push(...page.PrincipalResourcePermissions!.map((p) => p.Principal!.DataLakePrincipalIdentifier!));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(seen).toHaveLength(7);
    await expect(lf().send(new ListPermissionsCommand({ NextToken: 'garbage' }))).rejects.toBeInstanceOf(
      InvalidInputException,
    );
  });

  it('records a CloudTrail event for a mutating call, success or failure', async () => {
    await lf().send(
      new GrantPermissionsCommand({
        Principal: analyst,
        Resource: { Database: { Name: 'sales' } },
        Permissions: ['DESCRIBE'],
      }),
    );
    await lf()
      .send(new ListPermissionsCommand({}))
      .catch(() => undefined);
    const events = cloud.trail.list(ACCOUNT, 'us-east-1');
    const grant = events.find((e) => e.eventName === 'GrantPermissions');
    expect(grant).toMatchObject({ eventSource: 'lakeformation.amazonaws.com', readOnly: false });
    expect(events.find((e) => e.eventName === 'ListPermissions')).toMatchObject({ readOnly: true });
  });
});
