import { describe, expect, it } from 'vitest';
import {
  type AccountRewrite,
  mapPrincipal,
  rewriteRecordForTarget,
} from '../../../src/plan/accountMapping.ts';
import { plan, planWithReport } from '../../../src/plan/plan.ts';
import { admin, database, grant, location, onDatabase, settings, table } from '../support/records.ts';

const SRC = '111111111111';
const DST = '222222222222';
const OTHER = '999999999999';
const role = (name: string, account = SRC) => `arn:aws:iam::${account}:role/${name}`;

const crossAccount: AccountRewrite = {
  sourceAccountId: SRC,
  targetAccountId: DST,
  accountMapping: { [SRC]: DST },
};

describe('mapPrincipal', () => {
  it('rewrites role and user ARNs, account ids and account IAMPrincipals of a mapped account', () => {
    expect(mapPrincipal(role('analyst'), crossAccount)).toBe(role('analyst', DST));
    expect(mapPrincipal(`arn:aws:iam::${SRC}:user/ops/alice`, crossAccount)).toBe(
      `arn:aws:iam::${DST}:user/ops/alice`,
    );
    expect(mapPrincipal(SRC, crossAccount)).toBe(DST);
    expect(mapPrincipal(`${SRC}:IAMPrincipals`, crossAccount)).toBe(`${DST}:IAMPrincipals`);
  });

  it('leaves principals that name no account alone', () => {
    expect(mapPrincipal('IAM_ALLOWED_PRINCIPALS', crossAccount)).toBe('IAM_ALLOWED_PRINCIPALS');
    const org = 'arn:aws:organizations::111111111111:organization/o-abc';
    expect(mapPrincipal(org, crossAccount)).toBe(org);
  });

  it('cannot place an account the mapping does not name', () => {
    expect(mapPrincipal(role('partner', OTHER), crossAccount)).toBeUndefined();
    expect(mapPrincipal(OTHER, crossAccount)).toBeUndefined();
  });

  it('changes nothing for a same-account target', () => {
    const same = { sourceAccountId: SRC, targetAccountId: SRC, accountMapping: { [SRC]: DST } };
    expect(mapPrincipal(role('partner', OTHER), same)).toBe(role('partner', OTHER));
    expect(mapPrincipal(role('analyst'), same)).toBe(role('analyst'));
  });
});

describe('rewriteRecordForTarget', () => {
  it('rewrites a grant principal, or reports it and drops the grant', () => {
    const mapped = rewriteRecordForTarget(
      grant(role('analyst'), onDatabase('sales'), ['DESCRIBE']),
      crossAccount,
    );
    expect(mapped).toEqual(grant(role('analyst', DST), onDatabase('sales'), ['DESCRIBE']));

    const unmapped = rewriteRecordForTarget(
      grant(role('partner', OTHER), onDatabase('sales'), ['DESCRIBE']),
      crossAccount,
    );
    expect(unmapped).toEqual({ unmapped: [role('partner', OTHER)] });
  });

  it('keeps what it can of data lake settings, sorted, and reports the rest', () => {
    const source = settings({
      DataLakeAdmins: [admin(role('zeta')), admin(role('partner', OTHER))],
      ReadOnlyAdmins: [admin(role('auditor'))],
      CreateTableDefaultPermissions: [
        { Principal: admin('IAM_ALLOWED_PRINCIPALS'), Permissions: ['ALL'] },
        { Principal: admin(role('etl')), Permissions: ['ALL'] },
      ],
      TrustedResourceOwners: [SRC],
    });
    const result = rewriteRecordForTarget(source, {
      ...crossAccount,
      accountMapping: { [SRC]: DST, '000000000001': '000000000002' },
    });
    expect(result).toEqual({
      unmapped: [role('partner', OTHER)],
      record: settings({
        DataLakeAdmins: [admin(role('zeta', DST))],
        ReadOnlyAdmins: [admin(role('auditor', DST))],
        CreateTableDefaultPermissions: [
          { Principal: admin('IAM_ALLOWED_PRINCIPALS'), Permissions: ['ALL'] },
          { Principal: admin(role('etl', DST)), Permissions: ['ALL'] },
        ],
        TrustedResourceOwners: [DST],
      }),
    });
  });

  it('points resource links where resourceLinkMapping says, then accountMapping', () => {
    const link = database('shared_sales', {
      TargetDatabase: { CatalogId: SRC, DatabaseName: 'sales', Region: 'us-east-1' },
    });
    const rewrite = { ...crossAccount, resourceLinkMapping: { regions: { 'us-east-1': 'us-west-2' } } };
    expect(rewriteRecordForTarget(link, rewrite)).toEqual(
      database('shared_sales', {
        TargetDatabase: { CatalogId: DST, DatabaseName: 'sales', Region: 'us-west-2' },
      }),
    );
    const tableLink = table('sales', 'orders_link', {
      TargetTable: { CatalogId: OTHER, DatabaseName: 'shared', Name: 'orders' },
    });
    const explicit = { ...crossAccount, resourceLinkMapping: { catalogs: { [OTHER]: '333333333333' } } };
    expect(rewriteRecordForTarget(tableLink, explicit)).toMatchObject({
      input: { TargetTable: { CatalogId: '333333333333', DatabaseName: 'shared', Name: 'orders' } },
    });
    // A link into an unmapped catalog stays pointing there: a shared catalog is valid across accounts.
    expect(rewriteRecordForTarget(tableLink, crossAccount)).toEqual(tableLink);
  });

  it('reports a location whose role cannot be placed and rewrites one that can', () => {
    const arn = 'arn:aws:s3:::bucket/prefix';
    expect(rewriteRecordForTarget(location(arn, { roleArn: role('etl') }), crossAccount)).toEqual(
      location(arn, { roleArn: role('etl', DST) }),
    );
    expect(rewriteRecordForTarget(location(arn, { roleArn: role('etl', OTHER) }), crossAccount)).toEqual({
      unmapped: [role('etl', OTHER)],
    });
  });

  it("maps a table optimizer's role, or reports it and drops the optimizer", () => {
    const optimizer = (roleArn: string) => ({
      kind: 'tableOptimizer' as const,
      databaseName: 'sales',
      tableName: 'clicks',
      type: 'compaction' as const,
      configuration: { roleArn, enabled: true },
    });
    expect(rewriteRecordForTarget(optimizer(role('glue-optimizer')), crossAccount)).toEqual(
      optimizer(role('glue-optimizer', DST)),
    );
    expect(rewriteRecordForTarget(optimizer(role('glue-optimizer', OTHER)), crossAccount)).toEqual({
      unmapped: [role('glue-optimizer', OTHER)],
    });
  });

  it('never changes its input', () => {
    const record = grant(role('analyst'), onDatabase('sales'), ['DESCRIBE']);
    const copy = structuredClone(record);
    rewriteRecordForTarget(record, crossAccount);
    expect(record).toEqual(copy);
  });
});

describe('planWithReport with accounts', () => {
  const options = {
    deleteMissing: false,
    s3Mapping: {},
    catalog: true,
    permissions: true,
    accounts: { sourceAccountId: SRC, targetAccountId: DST },
    accountMapping: { [SRC]: DST },
  };

  it('plans mapped grants against the target principal and reports unmapped ones', () => {
    const source = [
      database('sales'),
      grant(role('analyst'), onDatabase('sales'), ['DESCRIBE']),
      grant(role('partner', OTHER), onDatabase('sales'), ['DESCRIBE']),
    ];
    const target = [database('sales'), grant(role('analyst', DST), onDatabase('sales'), ['DESCRIBE'])];
    const result = planWithReport(source, target, options);
    expect(result.actions).toEqual([]);
    expect(result.unmapped).toEqual([
      {
        kind: 'grant',
        key: `${role('partner', OTHER)}|database:sales`,
        principals: [role('partner', OTHER)],
        partiallyApplied: false,
      },
    ]);
  });

  it('without accounts, plans the records unchanged (same-account behaviour)', () => {
    const source = [grant(role('partner', OTHER), onDatabase('sales'), ['DESCRIBE'])];
    const { accounts: _, ...sameAccount } = options;
    expect(plan(source, [], sameAccount).map((a) => a.key)).toEqual([
      `${role('partner', OTHER)}|database:sales`,
    ]);
  });
});
