import {
  AddLFTagsToResourceCommand,
  BatchGrantPermissionsCommand,
  CreateLFTagCommand,
  DeleteLFTagCommand,
  GrantPermissionsCommand,
  RemoveLFTagsFromResourceCommand,
  RevokePermissionsCommand,
  UpdateLFTagCommand,
} from '@aws-sdk/client-lakeformation';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, runVerify, syncExitCode } from '../../src/ondemand/index.ts';
import {
  assignedTags,
  clientsFor,
  createRoles,
  createTables,
  governanceConfig,
  grantsOf,
  sync,
  tagsOf,
} from '../support/governance.ts';
import { startTestCloud } from '../support/localCloud.ts';

const orders = { Table: { DatabaseName: 'gov', Name: 'orders' } };
const ledger = { Table: { DatabaseName: 'gov', Name: 'ledger' } };
const email = { TableWithColumns: { DatabaseName: 'gov', Name: 'orders', ColumnNames: ['email'] } };
const tag = (TagKey: string, value: string) => ({ TagKey, TagValues: [value] });
const LF_TAG_GRANTS = /steward|analyst/;

describe('LF-Tags, assignments and grants on tags, on demand', () => {
  let cloud: LocalCloud;
  const src = () => clientsFor(cloud, 'us-east-1');
  const dst = () => clientsFor(cloud, 'us-west-2');
  let steward: string;
  let analyst: string;

  beforeAll(async () => {
    cloud = await startTestCloud();
    [steward, analyst] = (await createRoles(src(), ['steward', 'analyst'])) as [string, string];
    await createTables(src(), 'gov', {
      orders: ['id', 'region', 'email'],
      customers: ['id', 'name'],
      ledger: ['id', 'amount'],
    });
    const lf = src().lakeFormation;
    await lf.send(new CreateLFTagCommand({ TagKey: 'domain', TagValues: ['sales', 'finance'] }));
    await lf.send(new CreateLFTagCommand({ TagKey: 'pii', TagValues: ['yes', 'no'] }));
    await lf.send(
      new AddLFTagsToResourceCommand({
        Resource: { Database: { Name: 'gov' } },
        LFTags: [tag('domain', 'sales')],
      }),
    );
    await lf.send(new AddLFTagsToResourceCommand({ Resource: orders, LFTags: [tag('pii', 'no')] }));
    await lf.send(new AddLFTagsToResourceCommand({ Resource: email, LFTags: [tag('pii', 'yes')] }));
    await lf.send(new AddLFTagsToResourceCommand({ Resource: ledger, LFTags: [tag('domain', 'finance')] }));
    await lf.send(
      new BatchGrantPermissionsCommand({
        Entries: [
          {
            Id: '1',
            Principal: { DataLakePrincipalIdentifier: steward },
            Resource: { LFTag: { TagKey: 'domain', TagValues: ['finance', 'sales'] } },
            Permissions: ['ASSOCIATE', 'DESCRIBE'],
          },
          {
            Id: '2',
            Principal: { DataLakePrincipalIdentifier: analyst },
            Resource: {
              LFTagPolicy: { ResourceType: 'TABLE', Expression: [{ TagKey: 'pii', TagValues: ['no'] }] },
            },
            Permissions: ['DESCRIBE', 'SELECT'],
          },
        ],
      }),
    );
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('creates tag definitions, assignments (database, table, columns) and grants on tags and expressions', async () => {
    const report = await sync(cloud);
    expect(report.targets[0]!.failures).toEqual([]);
    expect(syncExitCode(report)).toBe(0);

    expect(await tagsOf(dst())).toEqual({ domain: ['finance', 'sales'], pii: ['no', 'yes'] });
    expect((await assignedTags(dst(), { Database: { Name: 'gov' } })).database).toEqual(['domain=sales']);
    expect(await assignedTags(dst(), orders)).toMatchObject({
      table: ['pii=no'],
      columns: { email: ['pii=yes'] },
    });
    // Inherited from the database, so never assigned on the table itself.
    expect(await assignedTags(dst(), { Table: { DatabaseName: 'gov', Name: 'customers' } })).toMatchObject({
      table: [],
      columns: {},
    });
    expect(await grantsOf(dst(), LF_TAG_GRANTS)).toEqual(await grantsOf(src(), LF_TAG_GRANTS));
    expect(await grantsOf(dst(), LF_TAG_GRANTS)).toHaveLength(2);
    expect((await runVerify(createRuntime(governanceConfig(cloud)))).inSync).toBe(true);
  });

  it('follows changes: new values, moved assignments, more permissions', async () => {
    const lf = src().lakeFormation;
    await lf.send(new UpdateLFTagCommand({ TagKey: 'domain', TagValuesToAdd: ['marketing'] }));
    await lf.send(new AddLFTagsToResourceCommand({ Resource: orders, LFTags: [tag('pii', 'yes')] }));
    await lf.send(new RemoveLFTagsFromResourceCommand({ Resource: email, LFTags: [tag('pii', 'yes')] }));
    await lf.send(
      new AddLFTagsToResourceCommand({
        Resource: { TableWithColumns: { DatabaseName: 'gov', Name: 'orders', ColumnNames: ['region'] } },
        LFTags: [tag('domain', 'marketing')],
      }),
    );
    await lf.send(
      new GrantPermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: analyst },
        Resource: {
          LFTagPolicy: { ResourceType: 'TABLE', Expression: [{ TagKey: 'pii', TagValues: ['no'] }] },
        },
        Permissions: ['ALTER'],
      }),
    );

    // Without deleteMissing the column tag the source dropped stays (a target-only tag on that resource).
    const report = await sync(cloud, { deleteMissing: true });
    expect(report.targets[0]!.failures).toEqual([]);
    expect((await tagsOf(dst())).domain).toEqual(['finance', 'marketing', 'sales']);
    expect(await assignedTags(dst(), orders)).toMatchObject({
      table: ['pii=yes'],
      columns: { region: ['domain=marketing'] },
    });
    expect(await grantsOf(dst(), LF_TAG_GRANTS)).toEqual(await grantsOf(src(), LF_TAG_GRANTS));
  });

  it('keeps a value removed in the source while the target assigns it; removes it with deleteMissing once unassigned', async () => {
    const lf = src().lakeFormation;
    // The target also assigns domain=finance on a table outside the replicated scope.
    await createTables(dst(), 'archive', { events: ['id'] });
    const events = { Table: { DatabaseName: 'archive', Name: 'events' } };
    await dst().lakeFormation.send(
      new AddLFTagsToResourceCommand({ Resource: events, LFTags: [tag('domain', 'finance')] }),
    );
    const scoped = { deleteMissing: true, filters: { databases: { include: ['gov'] } } };

    await lf.send(
      new RemoveLFTagsFromResourceCommand({ Resource: ledger, LFTags: [tag('domain', 'finance')] }),
    );
    await lf.send(
      new RevokePermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: steward },
        Resource: { LFTag: { TagKey: 'domain', TagValues: ['finance', 'sales'] } },
        Permissions: ['ASSOCIATE', 'DESCRIBE'],
      }),
    );
    await lf.send(new UpdateLFTagCommand({ TagKey: 'domain', TagValuesToDelete: ['finance'] }));

    // Merge mode: nothing the target has is taken away.
    const kept = await sync(cloud, { filters: scoped.filters });
    expect(kept.targets[0]!.failures).toEqual([]);
    expect((await tagsOf(dst())).domain).toContain('finance');
    expect((await assignedTags(dst(), ledger)).table).toEqual(['domain=finance']);
    expect(await grantsOf(dst(), /steward/)).toHaveLength(1);

    // deleteMissing: the replicated assignment and the grant go; archive.events still carries the value.
    const first = await sync(cloud, scoped);
    expect(first.targets[0]!.failures).toEqual([]);
    expect((await assignedTags(dst(), ledger)).table).toEqual([]);
    expect(await grantsOf(dst(), /steward/)).toEqual([]);
    expect((await tagsOf(dst())).domain).toEqual(['finance', 'marketing', 'sales']);

    // Once nothing in the target assigns it, the value is removed.
    await dst().lakeFormation.send(
      new RemoveLFTagsFromResourceCommand({ Resource: events, LFTags: [tag('domain', 'finance')] }),
    );
    const second = await sync(cloud, scoped);
    expect(second.targets[0]!.failures).toEqual([]);
    expect(second.targets[0]!.counts.lfTag).toMatchObject({ deleted: 1 });
    expect((await tagsOf(dst())).domain).toEqual(['marketing', 'sales']);
  });

  it('deletes a tag the source dropped (with its assignments) only with deleteMissing', async () => {
    const lf = src().lakeFormation;
    await lf.send(
      new RevokePermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: analyst },
        Resource: {
          LFTagPolicy: { ResourceType: 'TABLE', Expression: [{ TagKey: 'pii', TagValues: ['no'] }] },
        },
        Permissions: ['ALTER', 'DESCRIBE', 'SELECT'],
      }),
    );
    await lf.send(new DeleteLFTagCommand({ TagKey: 'pii' }));

    const scoped = { filters: { databases: { include: ['gov'] } } };
    await sync(cloud, scoped);
    expect(Object.keys(await tagsOf(dst()))).toEqual(['domain', 'pii']);

    // One run: revoke the grant on the expression, unassign, then delete the tag.
    const once = await sync(cloud, { ...scoped, deleteMissing: true });
    expect(once.targets[0]!.failures).toEqual([]);
    expect(Object.keys(await tagsOf(dst()))).toEqual(['domain']);
    expect(await grantsOf(dst(), /analyst/)).toEqual([]);
    expect((await assignedTags(dst(), orders)).table).toEqual([]);
    const verified = await runVerify(
      createRuntime(governanceConfig(cloud, { ...scoped, deleteMissing: true })),
    );
    expect(verified.reports[0]!.drift).toEqual([]);
  });
});
