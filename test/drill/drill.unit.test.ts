import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderVerifyHtml, writeVerifyReport } from '../../src/cli/commands/verifyReportOut.ts';
import { validateConfig } from '../../src/config/loadConfig.ts';
import { principalTarget } from '../../src/drill/checks/principal.ts';
import { linkTargets } from '../../src/drill/checks/resourceLinks.ts';
import { probesOfTable, s3Probe } from '../../src/drill/checks/s3Location.ts';
import { s3TablesReplicationChecks } from '../../src/drill/checks/s3TablesReplication.ts';
import { lookupFor } from '../../src/drill/driftTimes.ts';
import { lagHistory, oldestUnapplied } from '../../src/drill/eventHistory.ts';
import { rpoResult } from '../../src/drill/rpo.ts';
import { undoActions } from '../../src/drill/scratchCleanup.ts';
import { chooseScratchRegion } from '../../src/drill/scratchRegion.ts';
import { drillVerdict } from '../../src/drill/verdict.ts';
import { isLakemirrorError } from '../../src/model/errors.ts';
import type { Action } from '../../src/plan/actions.ts';
import { S3_TABLES_REASON } from '../../src/plan/planCatalogs.ts';
import type { EventItem } from '../../src/realtime/eventTable/items.ts';
import { driftReport, inSyncReport } from '../report/fixtures.ts';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const ACCOUNT = '123456789012';

function item(overrides: Partial<EventItem>): EventItem {
  return {
    pk: `EVT#${overrides.eventId ?? 'e'}`,
    sk: 'event',
    eventId: 'e',
    eventTime: '2026-03-01T11:00:00Z',
    eventName: 'UpdateTable',
    eventSource: 'glue.amazonaws.com',
    objectKey: 'table:sales.orders',
    object: { kind: 'table', database: 'sales', table: 'orders' },
    status: 'pending',
    attempts: 0,
    nextAttemptAt: '2026-03-01T11:00:00Z',
    stagedAt: '2026-03-01T11:00:00Z',
    expiresAt: NOW.getTime() / 1000 + 3600,
    ...overrides,
  };
}

describe('event history', () => {
  it('finds the oldest pending or failed item, skipping expired and superseded ones', () => {
    const items = [
      item({
        eventId: 'old-expired',
        eventTime: '2026-03-01T08:00:00Z',
        expiresAt: NOW.getTime() / 1000 - 1,
      }),
      item({ eventId: 'superseded', eventTime: '2026-03-01T09:00:00Z', objectKey: 'table:sales.stores' }),
      item({
        eventId: 'replayed',
        eventTime: '2026-03-01T09:30:00Z',
        objectKey: 'table:sales.stores',
        status: 'applied',
        appliedAt: '2026-03-01T09:31:00.000Z',
        lagMs: 60_000,
      }),
      item({ eventId: 'failed', eventTime: '2026-03-01T10:00:00Z', status: 'failed' }),
      item({ eventId: 'pending', eventTime: '2026-03-01T11:00:00Z' }),
    ];

    expect(oldestUnapplied(items, NOW)).toEqual({
      eventTime: '2026-03-01T10:00:00Z',
      eventName: 'UpdateTable',
      object: 'table:sales.orders',
    });
    expect(oldestUnapplied(items.slice(2, 3), NOW)).toBeUndefined();
    // A change the circuit breaker holds is not in the target either.
    const held = item({ eventId: 'held', eventTime: '2026-03-01T09:45:00Z', status: 'held' });
    expect(oldestUnapplied([...items, held], NOW)?.eventTime).toBe('2026-03-01T09:45:00Z');
  });

  it('turns applied items of the last day into lag samples, oldest first', () => {
    const applied = (appliedAt: string, lagMs: number) =>
      item({ status: 'applied', appliedAt, lagMs, eventId: appliedAt });
    const samples = lagHistory(
      [
        applied('2026-03-01T11:00:00.000Z', 90_000),
        applied('2026-02-27T11:00:00.000Z', 5_000),
        applied('2026-03-01T10:00:00.000Z', 2_500),
        item({}),
      ],
      NOW,
    );

    expect(samples).toEqual([
      { time: '2026-03-01T10:00:00.000Z', lagSeconds: 2.5 },
      { time: '2026-03-01T11:00:00.000Z', lagSeconds: 90 },
    ]);
  });
});

describe('RPO', () => {
  it('is the age of the oldest change, judged against the limit', () => {
    const changes = [
      { eventTime: '2026-03-01T11:40:00.000Z', eventName: 'UpdateTable', object: 'table sales.a' },
      { eventTime: '2026-03-01T11:30:00.000Z', eventName: 'CreateTable', object: 'table sales.b' },
    ];

    expect(rpoResult(changes, [], NOW, 15)).toEqual({
      minutes: 30,
      oldestPendingChange: changes[1],
      status: 'fail',
    });
    expect(rpoResult(changes.slice(0, 1), [], NOW, 30).status).toBe('pass');
  });

  it('is null when nothing is pending, and at least 0 when only undated drift is', () => {
    expect(rpoResult([], [], NOW, 15)).toEqual({ minutes: null, status: 'pass' });
    expect(rpoResult([], ['grant x|catalog'], NOW, 15)).toMatchObject({
      minutes: 0,
      oldestPendingChange: { object: 'grant x|catalog', eventName: 'drift (time unknown)' },
    });
  });

  it('dates databases and partitions on create, tables on create and update, nothing else', () => {
    const at = (kind: string, op: 'create' | 'update' | 'delete') =>
      lookupFor({ kind, key: 'k', op, category: 'different', summary: '', changes: [] }) !== undefined;

    expect([at('database', 'create'), at('database', 'update'), at('table', 'update')]).toEqual([
      true,
      false,
      true,
    ]);
    expect([at('partition', 'create'), at('partition', 'update'), at('table', 'delete')]).toEqual([
      true,
      false,
      false,
    ]);
    expect([at('grant', 'create'), at('lfTag', 'update')]).toEqual([false, false]);
  });
});

describe('S3 Tables replication', () => {
  it('says plainly that its status was not read, for each target that skipped an S3 Tables catalog', () => {
    const skipped = [
      { kind: 'catalog', key: 's3tablescatalog', reason: S3_TABLES_REASON },
      {
        kind: 'catalog',
        key: 'fed_mysql',
        reason: 'its connection mysql does not exist in the target Region',
      },
    ];
    const checks = s3TablesReplicationChecks([{ ...inSyncReport(), skipped }, inSyncReport()]);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ status: 'skipped' });
    expect(checks[0]!.detail).toContain('Not read');
    expect(checks[0]!.detail).toContain('s3tablescatalog');
    expect(checks[0]!.detail).not.toContain('fed_mysql');
    expect(checks[0]!.fix).toContain('get-table-replication-status');
  });
});

describe('usability check inputs', () => {
  it('classifies principals: own-account roles and users are looked up, the rest skipped', () => {
    expect(principalTarget(`arn:aws:iam::${ACCOUNT}:role/path/etl`, ACCOUNT)).toEqual({
      kind: 'role',
      name: 'etl',
      arn: `arn:aws:iam::${ACCOUNT}:role/path/etl`,
    });
    expect(principalTarget(`arn:aws:iam::${ACCOUNT}:user/ana`, ACCOUNT)).toMatchObject({
      kind: 'user',
      name: 'ana',
    });
    for (const other of [
      'IAM_ALLOWED_PRINCIPALS',
      'arn:aws:iam::999999999999:role/x',
      '999999999999',
      'arn:aws:organizations::111:organization/o-abc',
      `arn:aws:iam::${ACCOUNT}:saml-provider/okta:group/analysts`,
    ])
      expect(principalTarget(other, ACCOUNT).kind).toBe('skip');
  });

  it('probes table locations as prefixes and Iceberg metadata as exact keys', () => {
    expect(s3Probe('s.t', 's3://b/sales/orders', false)).toMatchObject({ bucket: 'b', key: 'sales/orders/' });
    expect(s3Probe('s.t', 's3a://b/sales/', false)).toMatchObject({ key: 'sales/' });
    expect(s3Probe('s.t', 's3://b', false)).toMatchObject({ bucket: 'b', key: '' });
    expect(s3Probe('s.t', 'hdfs://nn/x', false)).toBeUndefined();
    expect(
      probesOfTable('s.i', {
        StorageDescriptor: { Location: 's3://b/i' },
        Parameters: { metadata_location: 's3://b/i/metadata/1.metadata.json' },
      }).map((p) => [p.key, p.exact]),
    ).toEqual([
      ['i/', false],
      ['i/metadata/1.metadata.json', true],
    ]);
  });

  it('finds resource links among databases and tables', () => {
    const links = linkTargets(
      [
        { kind: 'database', input: { Name: 'sales' } },
        {
          kind: 'database',
          input: { Name: 'shared', TargetDatabase: { CatalogId: ACCOUNT, DatabaseName: 'sales' } },
        },
      ],
      [
        {
          kind: 'table',
          databaseName: 'sales',
          input: { Name: 'l', TargetTable: { DatabaseName: 'x', Name: 'y', Region: 'eu-west-1' } },
        },
      ],
    );

    expect(links).toEqual([
      { link: 'database shared', databaseName: 'sales', catalogId: ACCOUNT },
      { link: 'table sales.l', databaseName: 'x', tableName: 'y', region: 'eu-west-1' },
    ]);
  });
});

describe('scratch Region', () => {
  const config = validateConfig({
    source: { region: 'us-east-1' },
    targets: [{ region: 'us-west-2' }, { region: 'us-east-2' }],
  });

  it('picks an unused Region on the local cloud, and requires one on AWS', () => {
    expect(chooseScratchRegion(config, undefined, true)).toBe('us-west-1');
    expect(chooseScratchRegion(config, 'eu-north-1', false)).toBe('eu-north-1');
    expect(() => chooseScratchRegion(config, undefined, false)).toThrow(/name that Region explicitly/);
    try {
      chooseScratchRegion(config, 'us-west-2', true);
      expect.unreachable();
    } catch (error) {
      expect(isLakemirrorError(error, 'drill.scratchRegionInUse')).toBe(true);
    }
  });

  it('undoes a restore: deletes what was created except settings and partitions, tables with their database', () => {
    const created = (kind: string, key: string, desired: object) =>
      ({ kind, op: 'create', key, desired }) as Action;
    const restored = [
      created('dataLakeSettings', 'settings', { kind: 'dataLakeSettings', settings: {} }),
      created('database', 'sales', { kind: 'database', input: { Name: 'sales' } }),
      created('table', 'sales.orders', { kind: 'table', databaseName: 'sales', input: { Name: 'orders' } }),
      created('partition', 'sales.orders/["1"]', {}),
      created('grant', 'p|catalog', {
        kind: 'grant',
        principal: 'p',
        resource: {},
        permissions: ['X'],
        grantable: [],
      }),
    ];

    expect(undoActions(restored).map((a) => [a.kind, a.op, a.key])).toEqual([
      ['database', 'delete', 'sales'],
      ['grant', 'delete', 'p|catalog'],
    ]);
  });
});

describe('verdict', () => {
  const pass = { status: 'pass' } as const;
  const parts = {
    targets: [inSyncReport()],
    rpo: { minutes: null, ...pass },
    rto: { minutes: 1, restoredObjects: 3, scratchTarget: 'us-east-2', ...pass },
    checks: [{ name: 'c', status: 'skipped' as const, detail: '' }],
  };

  it('passes only with no drift, RPO and RTO within limits, and no failed check', () => {
    expect(drillVerdict(parts)).toBe('pass');
    expect(drillVerdict({ ...parts, targets: [driftReport()] })).toBe('fail');
    expect(drillVerdict({ ...parts, rpo: { minutes: 99, status: 'fail' } })).toBe('fail');
    expect(drillVerdict({ ...parts, rto: { ...parts.rto, status: 'fail' } })).toBe('fail');
    expect(drillVerdict({ ...parts, checks: [{ name: 'c', status: 'fail', detail: '' }] })).toBe('fail');
  });
});

describe('verify --out', () => {
  it('writes one HTML document with a section per target, or the verify JSON document', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lakemirror-verify-out-'));
    const result = { inSync: false, reports: [driftReport(), inSyncReport('eu-west-1')] };

    await writeVerifyReport(join(dir, 'drift.html'), result);
    await writeVerifyReport(join(dir, 'drift.json'), result);

    const page = await readFile(join(dir, 'drift.html'), 'utf8');
    expect(page.match(/<!doctype html>/g)).toHaveLength(1);
    expect(page.match(/data-testid="target"/g)).toHaveLength(2);
    expect(page).toContain('data-testid="verdict">DRIFT<');
    expect(JSON.parse(await readFile(join(dir, 'drift.json'), 'utf8'))).toMatchObject({
      kind: 'lakemirror.verify',
      inSync: false,
      reports: [{ target: { region: 'us-west-2' } }, { target: { region: 'eu-west-1' } }],
    });
    expect(renderVerifyHtml({ inSync: true, reports: [inSyncReport()] })).toContain('IN SYNC');
    await expect(writeVerifyReport(join(dir, 'drift.txt'), result)).rejects.toThrow(
      /report format .*drift\.txt/,
    );
  });
});
