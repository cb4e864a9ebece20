import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { LakemirrorConfig } from '../src/config/configSchema.ts';
import { SNAPSHOT_MAC_ALGORITHM } from '../src/model/snapshotFormat.ts';
import { acknowledgeWildcards } from './nag.ts';

/** Catalog reads a snapshot, a plan and a replay make (one by one: no wildcard actions). */
export const GLUE_READ_ACTIONS = [
  'glue:GetDatabase',
  'glue:GetDatabases',
  'glue:GetTable',
  'glue:GetTables',
  'glue:GetTableVersions',
  'glue:GetPartition',
  'glue:GetPartitions',
  'glue:BatchGetPartition',
  // Column statistics are read under glue:GetTable / glue:GetPartition (the API reference names them).
  'glue:GetPartitionIndexes',
  'glue:GetUserDefinedFunction',
  'glue:GetUserDefinedFunctions',
  'glue:GetCatalog',
  'glue:GetCatalogs',
  // BatchGetTableOptimizer is authorized per entry as glue:GetTableOptimizer.
  'glue:GetTableOptimizer',
];

/** Catalog writes an apply or a replay makes, only ever in a target Region. */
export const GLUE_WRITE_ACTIONS = [
  'glue:CreateDatabase',
  'glue:UpdateDatabase',
  'glue:DeleteDatabase',
  'glue:CreateTable',
  'glue:UpdateTable',
  'glue:DeleteTable',
  'glue:BatchDeleteTable',
  'glue:CreatePartition',
  'glue:UpdatePartition',
  'glue:DeletePartition',
  'glue:BatchCreatePartition',
  'glue:BatchUpdatePartition',
  'glue:BatchDeletePartition',
  // Column statistics are written under glue:UpdateTable / glue:UpdatePartition (and deleted likewise).
  'glue:CreatePartitionIndex',
  'glue:DeletePartitionIndex',
  'glue:CreateUserDefinedFunction',
  'glue:UpdateUserDefinedFunction',
  'glue:DeleteUserDefinedFunction',
  'glue:CreateCatalog',
  'glue:UpdateCatalog',
  'glue:DeleteCatalog',
  // A table optimizer names the role it runs as: creating or changing one also needs iam:PassRole on it.
  'glue:CreateTableOptimizer',
  'glue:UpdateTableOptimizer',
  'glue:DeleteTableOptimizer',
];

/** Lake Formation reads (grants, locations, LF-Tags, data cells filters, settings). */
export const LF_READ_ACTIONS = [
  'lakeformation:GetDataLakeSettings',
  'lakeformation:ListPermissions',
  'lakeformation:ListResources',
  'lakeformation:DescribeResource',
  'lakeformation:ListLFTags',
  'lakeformation:GetLFTag',
  'lakeformation:GetResourceLFTags',
  'lakeformation:ListDataCellsFilter',
  'lakeformation:GetDataCellsFilter',
];

/** Lake Formation writes an apply or a replay makes in a target Region. */
export const LF_WRITE_ACTIONS = [
  'lakeformation:PutDataLakeSettings',
  'lakeformation:GrantPermissions',
  'lakeformation:RevokePermissions',
  'lakeformation:BatchGrantPermissions',
  'lakeformation:BatchRevokePermissions',
  'lakeformation:RegisterResource',
  'lakeformation:DeregisterResource',
  'lakeformation:UpdateResource',
  'lakeformation:CreateLFTag',
  'lakeformation:UpdateLFTag',
  'lakeformation:DeleteLFTag',
  'lakeformation:AddLFTagsToResource',
  'lakeformation:RemoveLFTagsFromResource',
  'lakeformation:CreateDataCellsFilter',
  'lakeformation:UpdateDataCellsFilter',
  'lakeformation:DeleteDataCellsFilter',
];

/** What failover does to the deployed rules: read one by name, disable it (see src/failover/stopCapture.ts). */
export const FAILOVER_RULE_ACTIONS = ['events:DescribeRule', 'events:DisableRule'];

/** Targets the function roles write to themselves; a target with `roleArn` is written by that role. */
export function directTargets(config: LakemirrorConfig): LakemirrorConfig['targets'] {
  return config.targets.filter((t) => t.roleArn === undefined);
}

/** Glue catalog, database, table and function ARNs of one catalog (account) in one Region. */
export function glueArns(region: string, account: string): string[] {
  const base = `arn:${Aws.PARTITION}:glue:${region}:${account}`;
  return [`${base}:catalog`, `${base}:database/*`, `${base}:table/*/*`, `${base}:userDefinedFunction/*/*`];
}

const sourceAccount = (config: LakemirrorConfig) => config.source.accountId ?? Aws.ACCOUNT_ID;
const targetAccount = (config: LakemirrorConfig, target: LakemirrorConfig['targets'][number]) =>
  target.catalogId ?? sourceAccount(config);

/** Statements by role in the replication. Sids name them so tests and reviewers can find them. */
export const statements = {
  sourceGlueRead: (config: LakemirrorConfig) =>
    new iam.PolicyStatement({
      sid: 'GlueReadSource',
      actions: GLUE_READ_ACTIONS,
      resources: glueArns(config.source.region, sourceAccount(config)),
    }),

  /** A plan diffs against the target, so the target is read too (never the source written). */
  targetGlueRead: (config: LakemirrorConfig) =>
    directTargets(config).length === 0
      ? undefined
      : new iam.PolicyStatement({
          sid: 'GlueReadTargets',
          actions: GLUE_READ_ACTIONS,
          resources: directTargets(config).flatMap((t) => glueArns(t.region, targetAccount(config, t))),
        }),

  targetGlueWrite: (config: LakemirrorConfig) =>
    directTargets(config).length === 0
      ? undefined
      : new iam.PolicyStatement({
          sid: 'GlueWriteTargets',
          actions: GLUE_WRITE_ACTIONS,
          resources: directTargets(config).flatMap((t) => glueArns(t.region, targetAccount(config, t))),
        }),

  /**
   * Creating or changing a table optimizer passes its role (the source's, through accountMapping) to Glue:
   * roles of the target accounts, passed only to Glue.
   */
  targetOptimizerPassRole: (config: LakemirrorConfig) =>
    directTargets(config).length === 0
      ? undefined
      : new iam.PolicyStatement({
          sid: 'PassOptimizerRolesToGlue',
          actions: ['iam:PassRole'],
          resources: [
            ...new Set(
              directTargets(config).map(
                (t) => `arn:${Aws.PARTITION}:iam::${targetAccount(config, t)}:role/*`,
              ),
            ),
          ],
          conditions: { StringEquals: { 'iam:PassedToService': 'glue.amazonaws.com' } },
        }),

  /** Lake Formation has no resource-level permissions: `*`, pinned to the Regions by condition. */
  lakeFormationRead: (sid: string, regions: string[]) =>
    regions.length === 0
      ? undefined
      : new iam.PolicyStatement({
          sid,
          actions: LF_READ_ACTIONS,
          resources: ['*'],
          conditions: { StringEquals: { 'aws:RequestedRegion': [...new Set(regions)] } },
        }),

  lakeFormationWrite: (config: LakemirrorConfig) =>
    directTargets(config).length === 0
      ? undefined
      : new iam.PolicyStatement({
          sid: 'LakeFormationWriteTargets',
          actions: LF_WRITE_ACTIONS,
          resources: ['*'],
          conditions: { StringEquals: { 'aws:RequestedRegion': directTargets(config).map((t) => t.region) } },
        }),

  assumeTargetRoles: (config: LakemirrorConfig) => {
    const roles = config.targets.flatMap((t) => (t.roleArn ? [t.roleArn] : []));
    return roles.length === 0
      ? undefined
      : new iam.PolicyStatement({ sid: 'AssumeTargetRoles', actions: ['sts:AssumeRole'], resources: roles });
  },

  /** Verify reads the targets only: it may assume their read-only roles, never the write roles. */
  assumeReadOnlyTargetRoles: (config: LakemirrorConfig) => {
    const roles = config.targets.flatMap((t) => (t.readOnlyRoleArn ? [t.readOnlyRoleArn] : []));
    return roles.length === 0
      ? undefined
      : new iam.PolicyStatement({
          sid: 'AssumeReadOnlyTargetRoles',
          actions: ['sts:AssumeRole'],
          resources: roles,
        });
  },

  /** Signs the snapshots a function writes (config `snapshots.signingKey`): GenerateMac on that key only. */
  snapshotSign: (config: LakemirrorConfig) => snapshotKeyStatement(config, 'SnapshotSign', 'kms:GenerateMac'),

  /** Verifies the snapshots a function reads: VerifyMac on that key only. */
  snapshotVerify: (config: LakemirrorConfig) =>
    snapshotKeyStatement(config, 'SnapshotVerify', 'kms:VerifyMac'),

  cloudTrailLookup: (config: LakemirrorConfig) =>
    new iam.PolicyStatement({
      sid: 'CloudTrailLookupSource',
      actions: ['cloudtrail:LookupEvents'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:RequestedRegion': config.source.region } },
    }),
};

/** Adds the defined statements to a role's default policy. */
export function addStatements(role: iam.IRole, ...list: (iam.PolicyStatement | undefined)[]): void {
  for (const statement of list) {
    if (!statement) continue;
    role.addToPrincipalPolicy(statement);
    if (statement.actions.includes('iam:PassRole')) {
      acknowledgeWildcards(
        role,
        statement.resources,
        "A table optimizer's role is named by the source table's optimizer, known only at run time; the roles are the target accounts' and are passed to Glue only (iam:PassedToService).",
      );
    }
    if (statement.actions.some((a) => a.startsWith('glue:'))) {
      acknowledgeWildcards(
        role,
        statement.resources,
        'Glue database/table/function ARNs of the configured Regions and catalogs only: which databases exist is only known at run time (the filters are globs applied after listing).',
      );
    }
  }
}

/** Regions read from: the source and every target written directly. */
export function readRegions(config: LakemirrorConfig): string[] {
  return [config.source.region, ...directTargets(config).map((t) => t.region)];
}

/** The ARN of `snapshots.signingKey`: as given, or a bare key id as a key of the source Region and account. */
export function signingKeyArn(config: LakemirrorConfig): string | undefined {
  const key = config.snapshots.signingKey;
  if (!key || key.startsWith('arn:')) return key;
  return `arn:${Aws.PARTITION}:kms:${config.source.region}:${sourceAccount(config)}:key/${key}`;
}

/** One KMS MAC action on the signing key, for the one algorithm snapshots use. */
function snapshotKeyStatement(
  config: LakemirrorConfig,
  sid: string,
  action: 'kms:GenerateMac' | 'kms:VerifyMac',
): iam.PolicyStatement | undefined {
  const key = signingKeyArn(config);
  if (!key) return undefined;
  return new iam.PolicyStatement({
    sid,
    actions: [action],
    resources: [key],
    conditions: { StringEquals: { 'kms:MacAlgorithm': SNAPSHOT_MAC_ALGORITHM } },
  });
}
