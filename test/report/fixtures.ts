import type { DriftReport, DrillReport } from '../../src/report/reportTypes.ts';

/** A name built to break naive HTML: quotes, tags, an entity, and non-Latin text. */
export const HOSTILE_NAME = `sales."orders"<script>window.__pwned=1</script>&amp;'ü日本'`;

const source = { region: 'us-east-1', accountId: '111122223333' };

export function driftReport(overrides: Partial<DriftReport> = {}): DriftReport {
  return {
    schemaVersion: 1,
    kind: 'lakemirror.drift',
    generatedAt: '2025-03-14T09:41:07.000Z',
    source,
    target: { region: 'us-west-2', accountId: '444455556666' },
    inSync: false,
    targetOnlyAccepted: false,
    countsByKind: {
      grant: { source: 38, target: 38, drifted: 2, missingInTarget: 1, different: 0, onlyInTarget: 1 },
      table: { source: 42, target: 41, drifted: 2, missingInTarget: 1, different: 1, onlyInTarget: 0 },
      database: { source: 3, target: 3, drifted: 0, missingInTarget: 0, different: 0, onlyInTarget: 0 },
      partition: {
        source: 12_840,
        target: 12_840,
        drifted: 0,
        missingInTarget: 0,
        different: 0,
        onlyInTarget: 0,
      },
    },
    drift: [
      {
        kind: 'table',
        key: 'sales.orders',
        op: 'update',
        category: 'different',
        summary: 'column type and a parameter differ',
        changes: [
          { path: 'StorageDescriptor.Columns[2].Type', before: 'int', after: 'bigint' },
          { path: 'Parameters.classification', before: 'csv', after: 'parquet' },
          { path: 'Description', before: undefined, after: 'x'.repeat(400) },
        ],
      },
      {
        kind: 'table',
        key: HOSTILE_NAME,
        op: 'create',
        category: 'missingInTarget',
        summary: 'missing in target',
        changes: [],
      },
      {
        kind: 'grant',
        key: 'arn:aws:iam::111122223333:role/analyst|table:sales.orders',
        op: 'create',
        category: 'missingInTarget',
        summary: 'SELECT not granted in target',
        changes: [{ path: 'permissions', before: [], after: ['SELECT'] }],
      },
      {
        kind: 'grant',
        key: 'arn:aws:iam::111122223333:role/contractor|table:sales.orders',
        op: 'delete',
        category: 'onlyInTarget',
        summary: 'SELECT granted only in target',
        changes: [],
      },
    ],
    ...overrides,
  };
}

export function inSyncReport(region = 'eu-west-1'): DriftReport {
  return driftReport({
    target: { region, accountId: '444455556666' },
    inSync: true,
    drift: [],
    countsByKind: {
      database: { source: 3, target: 3, drifted: 0, missingInTarget: 0, different: 0, onlyInTarget: 0 },
      table: { source: 42, target: 42, drifted: 0, missingInTarget: 0, different: 0, onlyInTarget: 0 },
    },
  });
}

function lag(minutes: number[]): DrillReport['lagHistory'] {
  const start = Date.parse('2025-03-14T08:40:00.000Z');
  return minutes.map((m, i) => ({
    time: new Date(start + i * 5 * 60_000).toISOString(),
    lagSeconds: m * 60,
  }));
}

export function failingDrill(): DrillReport {
  return {
    schemaVersion: 1,
    kind: 'lakemirror.drill',
    generatedAt: '2025-03-14T09:41:07.000Z',
    verdict: 'fail',
    durationMs: 412_300,
    thresholds: { maxRpoMinutes: 15, maxRtoMinutes: 30 },
    rpo: {
      minutes: 22.4,
      oldestPendingChange: {
        eventTime: '2025-03-14T09:18:43.000Z',
        eventName: 'UpdateTable',
        object: 'sales.orders',
      },
      status: 'fail',
    },
    rto: {
      minutes: 6.2,
      restoredObjects: 12_923,
      scratchTarget: 'us-west-2/lakemirror_drill_0314',
      status: 'pass',
      failover: {
        minutes: 7.5,
        steps: [
          { name: 'stop-replication', ms: 40 },
          { name: 'verify', ms: 61_000 },
          { name: 'base-snapshot', ms: 12_000 },
          { name: 'rewrite-links', ms: 4_500 },
          { name: 'reversed-config', ms: 2 },
        ],
      },
    },
    targets: [driftReport(), inSyncReport()],
    checks: [
      { name: 'Databases resolvable in target', status: 'pass', detail: '3 of 3 databases found.' },
      {
        name: 'Analyst role can read replicated tables',
        status: 'fail',
        detail: 'Lake Formation denied SELECT on 1 table in us-west-2.',
        fix: 'Run `lakemirror sync --permissions` or grant SELECT on sales.orders to the analyst role in us-west-2.',
        failures: ['arn:aws:iam::111122223333:role/analyst → sales.orders: AccessDeniedException'],
      },
      {
        name: 'Athena query on a sample partition',
        status: 'skipped',
        detail: 'No Athena workgroup configured.',
      },
      {
        name: 'S3 locations point to replica buckets',
        status: 'pass',
        detail: '42 of 42 table locations remapped.',
      },
    ],
    lagHistory: lag([0.5, 1, 2, 4, 3, 6, 9, 14, 18, 22.4, 20, 16, 12]),
  };
}

export function passingDrill(): DrillReport {
  return {
    ...failingDrill(),
    verdict: 'pass',
    rpo: { minutes: 1.5, status: 'pass' },
    rto: {
      minutes: 4.8,
      restoredObjects: 12_923,
      scratchTarget: 'us-west-2/lakemirror_drill_0314',
      status: 'pass',
    },
    targets: [inSyncReport('us-west-2'), inSyncReport()],
    checks: [
      { name: 'Databases resolvable in target', status: 'pass', detail: '3 of 3 databases found.' },
      {
        name: 'Analyst role can read replicated tables',
        status: 'pass',
        detail: '42 of 42 tables readable.',
      },
    ],
    lagHistory: lag([0.5, 0.8, 1.2, 0.9, 1.5, 1.1, 0.7, 0.6]),
  };
}
