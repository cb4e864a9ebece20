import { CreateTableCommand, DeleteTableCommand, GetTableCommand } from '@aws-sdk/client-glue';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingOutput } from '../../src/engine/output.ts';
import { createRuntime, runSync, runVerify } from '../../src/ondemand/index.ts';
import { createRoles, createTables, governanceConfig } from '../support/governance.ts';
import { clientsFor, failure, startTestCloud } from '../support/localCloud.ts';
import { createView, tableArn, updateView, viewOf } from '../support/views.ts';

const ACCOUNT = '123456789012';
const SRC = 'us-east-1';
const DST = 'us-west-2';

describe('multi-dialect views, on demand', () => {
  let cloud: LocalCloud;
  const src = () => clientsFor(cloud, SRC);
  const dst = () => clientsFor(cloud, DST);
  let definer: string;
  const filters = { databases: { include: ['gov'] } };
  const config = (overrides = {}) => governanceConfig(cloud, { filters, ...overrides });

  beforeAll(async () => {
    cloud = await startTestCloud();
    [definer] = (await createRoles(src(), ['view-definer'])) as [string];
    await createTables(src(), 'gov', { orders: ['id'], users: ['id'] });
    await createTables(src(), 'other', { ref: ['id'] });
    // Keys sort views before their tables (`gov.a_*` < `gov.orders`): the order must come from the view.
    await createView(src(), 'gov', 'a_orders', definer, [tableArn(SRC, ACCOUNT, 'gov', 'orders')]);
    await createView(src(), 'gov', 'a_mixed', definer, [
      tableArn(SRC, ACCOUNT, 'gov', 'users'),
      tableArn(SRC, ACCOUNT, 'other', 'ref'),
    ]);
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('the local cloud refuses a dialect outside the ViewDialect enum', async () => {
    const bad = src().glue.send(
      new CreateTableCommand({
        DatabaseName: 'gov',
        TableInput: {
          Name: 'bad_view',
          ViewDefinition: { Representations: [{ Dialect: 'HIVE' as never, ViewOriginalText: 'SELECT 1' }] },
        },
      }),
    );
    // The emulator answers request-constraint violations as Glue's ValidationException.
    expect((await failure(bad)).name).toBe('ValidationException');
  });

  it('creates views after the tables they read, sub-objects in the target Region; reports one reading outside the filters', async () => {
    const output = recordingOutput();
    const before = cloud.trail.list(ACCOUNT, DST).length;
    const report = await runSync(createRuntime(config(), { output }));
    expect(report.targets[0]!.failures).toEqual([]);
    expect(await viewOf(dst(), 'gov', 'a_orders')).toEqual({
      definer,
      subObjects: [tableArn(DST, ACCOUNT, 'gov', 'orders')],
      sql: ['ATHENA:SELECT id FROM orders'],
    });
    expect((await viewOf(dst(), 'gov', 'a_mixed')).subObjects).toEqual([
      tableArn(DST, ACCOUNT, 'gov', 'users'),
      tableArn(DST, ACCOUNT, 'other', 'ref'),
    ]);
    const created = cloud.trail
      .list(ACCOUNT, DST)
      .slice(before)
      .filter((e) => e.eventName === 'CreateTable')
      .map((e) => JSON.parse(e.document) as { requestParameters: { tableInput: { name: string } } })
      .map((d) => d.requestParameters.tableInput.name);
    expect(created.slice(-2).sort()).toEqual(['a_mixed', 'a_orders']);
    expect(created.slice(0, -2).sort()).toEqual(['orders', 'users']);
    expect(output.notices.filter((n) => n.code === 'plan.viewOutsideFilter')).toEqual([
      expect.objectContaining({
        level: 'warn',
        message: expect.stringContaining('view gov.a_mixed reads other.ref'),
      }),
    ]);
    const verify = await runVerify(createRuntime(config({ deleteMissing: true })));
    expect(verify.inSync).toBe(true);
  });

  it('a changed view is updated, a dropped one deleted with deleteMissing', async () => {
    await updateView(
      src(),
      'gov',
      'a_orders',
      definer,
      [tableArn(SRC, ACCOUNT, 'gov', 'orders')],
      'SELECT 2',
    );
    await src().glue.send(new DeleteTableCommand({ DatabaseName: 'gov', Name: 'a_mixed' }));
    const changed = await runSync(createRuntime(config()));
    expect(changed.targets[0]!.counts.table).toMatchObject({ updated: 1 });
    expect((await viewOf(dst(), 'gov', 'a_orders')).sql).toEqual(['ATHENA:SELECT 2']);
    const deleted = await runSync(createRuntime(config({ deleteMissing: true })));
    expect(deleted.targets[0]!.failures).toEqual([]);
    const gone = dst().glue.send(new GetTableCommand({ DatabaseName: 'gov', Name: 'a_mixed' }));
    expect((await failure(gone)).name).toBe('EntityNotFoundException');
    expect((await runVerify(createRuntime(config({ deleteMissing: true })))).inSync).toBe(true);
  });
});
