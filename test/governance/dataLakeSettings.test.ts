import { CreateUserCommand } from '@aws-sdk/client-iam';
import {
  type DataLakeSettings,
  GrantPermissionsCommand,
  PutDataLakeSettingsCommand,
} from '@aws-sdk/client-lakeformation';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminIds,
  clientsFor,
  createRoles,
  createTables,
  grantsOf,
  settingsOf,
  sync,
} from '../support/governance.ts';
import { startTestCloud } from '../support/localCloud.ts';

const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;
const principal = (name: string) => ({ DataLakePrincipalIdentifier: role(name) });
/** The identity lakemirror runs as against the local cloud with its default key. */
const CALLER = 'arn:aws:iam::123456789012:user/localcloud';

describe('data lake settings, merged on demand', () => {
  let cloud: LocalCloud;
  const src = () => clientsFor(cloud, 'us-east-1');
  const dst = () => clientsFor(cloud, 'us-west-2');
  const put = (clients: ReturnType<typeof src>, settings: DataLakeSettings) =>
    clients.lakeFormation.send(new PutDataLakeSettingsCommand({ DataLakeSettings: settings }));

  beforeAll(async () => {
    cloud = await startTestCloud();
    await src().iam.send(new CreateUserCommand({ UserName: 'localcloud' }));
    await createRoles(src(), ['admin-a', 'admin-b', 'auditor', 'etl', 'dr-admin', 'ops', 'breakglass']);
    await put(src(), {
      DataLakeAdmins: [principal('admin-a')],
      ReadOnlyAdmins: [principal('auditor')],
      CreateDatabaseDefaultPermissions: [],
      CreateTableDefaultPermissions: [{ Principal: principal('etl'), Permissions: ['ALL'] }],
      TrustedResourceOwners: ['210987654321'],
      Parameters: { CROSS_ACCOUNT_VERSION: '4', SET_CONTEXT: 'TRUE' },
    });
    // The DR Region already has its own admins: one the team added, one the config protects, and lakemirror.
    await put(dst(), {
      DataLakeAdmins: [principal('dr-admin'), principal('ops'), { DataLakePrincipalIdentifier: CALLER }],
    });
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('adds source admins, read-only admins, defaults, trusted owners and parameters; target-only admins survive', async () => {
    const report = await sync(cloud);
    expect(report.targets[0]!.failures).toEqual([]);
    const settings = await settingsOf(dst());
    expect(adminIds(settings.DataLakeAdmins)).toEqual([
      role('admin-a'),
      role('dr-admin'),
      role('ops'),
      CALLER,
    ]);
    expect(adminIds(settings.ReadOnlyAdmins)).toEqual([role('auditor')]);
    expect(settings.CreateDatabaseDefaultPermissions).toEqual([]);
    expect(settings.CreateTableDefaultPermissions).toEqual([
      { Principal: principal('etl'), Permissions: ['ALL'] },
    ]);
    expect(settings.TrustedResourceOwners).toEqual(['210987654321']);
    expect(settings.Parameters).toEqual({ CROSS_ACCOUNT_VERSION: '4', SET_CONTEXT: 'TRUE' });
  });

  it('follows changes to the source settings', async () => {
    await put(src(), {
      DataLakeAdmins: [principal('admin-a'), principal('admin-b')],
      ReadOnlyAdmins: [],
      CreateDatabaseDefaultPermissions: [{ Principal: principal('etl'), Permissions: ['CREATE_TABLE'] }],
      CreateTableDefaultPermissions: [],
      TrustedResourceOwners: [],
      Parameters: { CROSS_ACCOUNT_VERSION: '3', SET_CONTEXT: 'TRUE' },
    });
    const report = await sync(cloud);
    expect(report.targets[0]!.counts.dataLakeSettings).toMatchObject({ updated: 1 });
    const settings = await settingsOf(dst());
    expect(adminIds(settings.DataLakeAdmins)).toEqual([
      role('admin-a'),
      role('admin-b'),
      role('dr-admin'),
      role('ops'),
      CALLER,
    ]);
    // Read-only admins merge like admins: the one the source dropped stays without deleteMissing.
    expect(adminIds(settings.ReadOnlyAdmins)).toEqual([role('auditor')]);
    expect(settings.CreateDatabaseDefaultPermissions).toEqual([
      { Principal: principal('etl'), Permissions: ['CREATE_TABLE'] },
    ]);
    expect(settings.CreateTableDefaultPermissions).toEqual([]);
    expect(settings.Parameters).toMatchObject({ CROSS_ACCOUNT_VERSION: '3' });
  });

  it('with deleteMissing drops target-only admins but never protected principals nor lakemirror itself', async () => {
    await createTables(dst(), 'dr_only', {});
    await dst().lakeFormation.send(
      new GrantPermissionsCommand({
        Principal: principal('breakglass'),
        Resource: { Catalog: {} },
        Permissions: ['CREATE_DATABASE'],
      }),
    );
    const report = await sync(cloud, {
      deleteMissing: true,
      protectedPrincipals: [role('ops'), role('breakglass')],
      filters: { databases: { exclude: ['dr_only'] } },
    });
    expect(report.targets[0]!.failures).toEqual([]);
    const settings = await settingsOf(dst());
    expect(adminIds(settings.DataLakeAdmins)).toEqual([
      role('admin-a'),
      role('admin-b'),
      role('ops'),
      CALLER,
    ]);
    expect(adminIds(settings.ReadOnlyAdmins)).toEqual([]);
    // A catalog grant of a protected principal is not revoked either.
    expect(await grantsOf(dst(), /breakglass/)).toHaveLength(1);
  });
});
