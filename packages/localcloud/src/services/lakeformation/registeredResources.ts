import { alreadyExists, type RequestContext } from '../../service.ts';
import { lfInvalid, lfNotFound, lfRequired } from './errors.ts';
import { page } from './paging.ts';
import { lakeFormationStateOf } from './state.ts';

type ResourceInfo = Record<string, any>;
interface RegisterInput {
  ResourceArn?: string;
  RoleArn?: string;
  UseServiceLinkedRole?: boolean;
  WithFederation?: boolean;
  HybridAccessEnabled?: boolean;
  WithPrivilegedAccess?: boolean;
  ExpectedResourceOwnerAccount?: string;
}

/** UpdateResource's RoleArn pattern in the API model. */
const ROLE_ARN = /^arn:aws:iam::[0-9]*:role\/.*$/;

const S3_ARN = /^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/;

/** The role Lake Formation uses when a location is registered with UseServiceLinkedRole. */
const serviceLinkedRole = (accountId: string) =>
  `arn:aws:iam::${accountId}:role/aws-service-role/lakeformation.amazonaws.com/AWSServiceRoleForLakeFormationDataAccess`;

function registered(ctx: RequestContext, arn: string): ResourceInfo {
  const info = lakeFormationStateOf(ctx.regionState).resources[arn];
  if (!info) throw lfNotFound('Entity not found');
  return info;
}

export function registerResource(input: RegisterInput, ctx: RequestContext) {
  const arn = lfRequired<string>(input, 'ResourceArn');
  if (!S3_ARN.test(arn)) throw lfInvalid('Unsupported resource ARN Format');
  if (!input.RoleArn && !input.UseServiceLinkedRole) {
    throw lfInvalid('Either RoleArn or UseServiceLinkedRole must be specified.');
  }
  const resources = lakeFormationStateOf(ctx.regionState).resources;
  if (resources[arn]) throw alreadyExists('Resource is already registered');
  const info: ResourceInfo = {
    ResourceArn: arn,
    RoleArn: input.UseServiceLinkedRole ? serviceLinkedRole(ctx.accountId) : input.RoleArn,
    LastModified: ctx.now,
    WithFederation: input.WithFederation ?? false,
    HybridAccessEnabled: input.HybridAccessEnabled ?? false,
  };
  if (input.WithPrivilegedAccess !== undefined) info.WithPrivilegedAccess = input.WithPrivilegedAccess;
  if (input.ExpectedResourceOwnerAccount)
    info.ExpectedResourceOwnerAccount = input.ExpectedResourceOwnerAccount;
  resources[arn] = info;
  return {};
}

export function deregisterResource(input: RegisterInput, ctx: RequestContext) {
  const arn = lfRequired<string>(input, 'ResourceArn');
  registered(ctx, arn);
  delete lakeFormationStateOf(ctx.regionState).resources[arn];
  return {};
}

export function describeResource(input: RegisterInput, ctx: RequestContext) {
  return { ResourceInfo: registered(ctx, lfRequired<string>(input, 'ResourceArn')) };
}

/** UpdateResource changes the role (and federation / hybrid access flags) of a registered location. */
export function updateResource(input: RegisterInput, ctx: RequestContext) {
  const roleArn = lfRequired<string>(input, 'RoleArn');
  if (!ROLE_ARN.test(roleArn)) {
    throw lfInvalid(
      `1 validation error detected: Value '${roleArn}' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws:iam::[0-9]*:role/.*`,
    );
  }
  const info = registered(ctx, lfRequired<string>(input, 'ResourceArn'));
  info.RoleArn = roleArn;
  if (input.WithFederation !== undefined) info.WithFederation = input.WithFederation;
  if (input.HybridAccessEnabled !== undefined) info.HybridAccessEnabled = input.HybridAccessEnabled;
  if (input.ExpectedResourceOwnerAccount)
    info.ExpectedResourceOwnerAccount = input.ExpectedResourceOwnerAccount;
  info.LastModified = ctx.now;
  return {};
}

interface FilterCondition {
  Field?: string;
  ComparisonOperator?: string;
  StringValueList?: string[];
}

function matches(info: ResourceInfo, condition: FilterCondition): boolean {
  const field =
    condition.Field === 'ROLE_ARN' ? 'RoleArn' : condition.Field === 'RESOURCE_ARN' ? 'ResourceArn' : '';
  if (!field) throw lfInvalid(`Unsupported filter field: ${condition.Field}`);
  const actual = String(info[field] ?? '');
  const values = condition.StringValueList ?? [];
  const first = values[0] ?? '';
  switch (condition.ComparisonOperator) {
    case 'EQ':
      return actual === first;
    case 'NE':
      return actual !== first;
    case 'CONTAINS':
      return actual.includes(first);
    case 'NOT_CONTAINS':
      return !actual.includes(first);
    case 'BEGINS_WITH':
      return actual.startsWith(first);
    case 'IN':
      return values.includes(actual);
    default:
      throw lfInvalid(`Unsupported comparison operator: ${condition.ComparisonOperator}`);
  }
}

export function listResources(
  input: { FilterConditionList?: FilterCondition[]; MaxResults?: number; NextToken?: string },
  ctx: RequestContext,
) {
  const conditions = input.FilterConditionList ?? [];
  const all = Object.values(lakeFormationStateOf(ctx.regionState).resources)
    .filter((info) => conditions.every((condition) => matches(info, condition)))
    .sort((a, b) => String(a.ResourceArn).localeCompare(String(b.ResourceArn)));
  const { items, NextToken } = page(all, input, 'ListResources');
  return { ResourceInfoList: items, NextToken };
}
