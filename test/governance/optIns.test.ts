import { GrantPermissionsCommand, ListLakeFormationOptInsCommand } from '@aws-sdk/client-lakeformation';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, runVerify } from '../../src/ondemand/index.ts';
import { serializeReport } from '../../src/report/writeReport.ts';
import { createRoles, createTables, governanceConfig, sync } from '../support/governance.ts';
import { clientsFor, failure, startTestCloud } from '../support/localCloud.ts';
import { onDatabase, onTable, optIn, optInsOf, optOut } from '../support/optIns.ts';

const ACCOUNT = '123456789012';

describe('Lake Formation opt-ins (hybrid access mode), on demand', () => {
  let cloud: LocalCloud;
  const src = () => clientsFor(cloud, 'us-east-1');
  const dst = () => clientsFor(cloud, 'us-west-2');
  let analyst: string;
  let engineer: string;

  beforeAll(async () => {
    cloud = await startTestCloud();
    [analyst, engineer] = (await createRoles(src(), ['analyst', 'engineer'])) as [string, string];
    await createTables(src(), 'gov', { orders: ['id', 'amount'], users: ['id', 'email'] });
    await createTables(src(), 'scratch', { tmp: ['id'] });
    await src().lakeFormation.send(
      new GrantPermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: analyst },
        Resource: onTable('gov', 'orders'),
        Permissions: ['SELECT'],
      }),
    );
    await optIn(src(), analyst, onTable('gov', 'orders'));
    await optIn(src(), engineer, onDatabase('gov'));
    await optIn(src(), engineer, onTable('scratch', 'tmp'));
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('the local cloud refuses what Lake Formation refuses: unknown tables, other resource types, page sizes', async () => {
    expect((await failure(optIn(src(), analyst, onTable('gov', 'nope')))).name).toBe(
      'EntityNotFoundException',
    );
    const location = { DataLocation: { ResourceArn: 'arn:aws:s3:::bucket/gov' } };
    expect((await failure(optIn(src(), analyst, location))).name).toBe('InvalidInputException');
    expect((await failure(optIn(src(), analyst, onTable('gov', 'orders')))).name).toBe(
      'InvalidInputException',
    );
    expect((await failure(optOut(src(), analyst, onTable('gov', 'users')))).name).toBe(
      'EntityNotFoundException',
    );
    const tooMany = src().lakeFormation.send(new ListLakeFormationOptInsCommand({ MaxResults: 1001 }));
    expect((await failure(tooMany)).name).toBe('InvalidInputException');
  });

  it('creates the opt-ins inside the filters in the target, each after the grants, and verifies clean', async () => {
    const filters = { databases: { include: ['gov'] } };
    const before = cloud.trail.list(ACCOUNT, 'us-west-2').length;
    const report = await sync(cloud, { filters });
    expect(report.targets[0]!.failures).toEqual([]);
    expect(report.targets[0]!.counts.optIn).toMatchObject({ created: 2 });
    const inGov = (await optInsOf(src())).filter((o) => o.includes('"gov"'));
    expect(await optInsOf(dst())).toEqual(inGov);
    expect(inGov).toHaveLength(2);
    // The analyst's grant is in place before Lake Formation starts enforcing it.
    const writes = cloud.trail
      .list(ACCOUNT, 'us-west-2')
      .slice(before)
      .map((e) => e.eventName)
      .filter((name) => /GrantPermissions|LakeFormationOptIn/.test(name));
    expect(writes.indexOf('CreateLakeFormationOptIn')).toBeGreaterThan(
      writes.findLastIndex((name) => name.endsWith('GrantPermissions')),
    );
    const verify = await runVerify(createRuntime(governanceConfig(cloud, { filters, deleteMissing: true })));
    expect(verify.inSync).toBe(true);
  });

  it('a changed condition replaces the opt-in; a removed one goes only with deleteMissing', async () => {
    const filters = { databases: { include: ['gov'] } };
    await optOut(src(), analyst, onTable('gov', 'orders'));
    await optIn(src(), analyst, onTable('gov', 'orders'), "context.region = 'eu'");
    await optOut(src(), engineer, onDatabase('gov'));
    const changed = await sync(cloud, { filters });
    expect(changed.targets[0]!.failures).toEqual([]);
    expect(changed.targets[0]!.counts.optIn).toMatchObject({ updated: 1 });
    expect(await optInsOf(dst())).toContain(
      `${analyst}|{"Table":{"DatabaseName":"gov","Name":"orders"}}|context.region = 'eu'`,
    );
    expect(await optInsOf(dst())).toContain(`${engineer}|{"Database":{"Name":"gov"}}|`);

    const deleted = await sync(cloud, { filters, deleteMissing: true });
    expect(deleted.targets[0]!.failures).toEqual([]);
    expect(await optInsOf(dst())).toEqual((await optInsOf(src())).filter((o) => o.includes('"gov"')));
    expect(await optInsOf(dst())).toHaveLength(1);
    const verify = await runVerify(createRuntime(governanceConfig(cloud, { filters, deleteMissing: true })));
    expect(verify.inSync).toBe(true);
  });

  it('verify reports an opt-in missing in the target', async () => {
    await optIn(src(), engineer, onTable('gov', 'users'));
    const filters = { databases: { include: ['gov'] } };
    const verify = await runVerify(createRuntime(governanceConfig(cloud, { filters })));
    expect(verify.inSync).toBe(false);
    expect(JSON.stringify(verify.reports[0])).toContain(`${engineer}|table:gov.users`);
    // The HTML page counts opt-ins and lists the missing one.
    const page = serializeReport(verify.reports[0]!, 'html');
    expect(page).toContain('optIn');
    expect(page).toContain('table:gov.users');
  });
});
