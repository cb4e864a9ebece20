import type { RequestContext } from '../../service.ts';
import { callerArn } from '../sts/sessions.ts';
import { lfInvalid, lfNotFound, lfRequired } from './errors.ts';
import { checkResourceExists } from './existence.ts';
import { page } from './paging.ts';
import { checkedPrincipal } from './principals.ts';
import { type LfResource, normalizeResource, resourceKey } from './resources.ts';
import { lakeFormationStateOf, type StoredOptIn } from './state.ts';

/*
 * Lake Formation opt-ins (hybrid access mode): a principal opted in on a database or table has its access
 * there enforced by Lake Formation permissions instead of IAM. One opt-in per principal and resource.
 */

interface OptInRequest {
  Principal?: { DataLakePrincipalIdentifier?: string };
  Resource?: LfResource;
  Condition?: { Expression?: string };
}

/** Opt-ins apply to the Data Catalog's databases and tables (named or all tables of a database). */
const OPT_IN_RESOURCES = ['Database', 'Table'];

function parse(ctx: RequestContext, request: OptInRequest) {
  const principal = checkedPrincipal(ctx, lfRequired(request, 'Principal'));
  const resource = normalizeResource(lfRequired(request, 'Resource'), ctx.accountId);
  const kind = Object.keys(resource)[0]!;
  if (!OPT_IN_RESOURCES.includes(kind)) {
    throw lfInvalid(`Resource type ${kind} is not supported for Lake Formation opt-in.`);
  }
  return { principal, resource, key: resourceKey(resource) };
}

function indexOf(optIns: StoredOptIn[], principal: string, key: string): number {
  return optIns.findIndex(
    (o) => o.Principal.DataLakePrincipalIdentifier === principal && resourceKey(o.Resource) === key,
  );
}

/** The opt-ins of a Region's state; states saved before opt-ins were emulated have none. */
export function optInsOf(ctx: RequestContext): StoredOptIn[] {
  const lf = lakeFormationStateOf(ctx.regionState);
  lf.optIns ??= [];
  return lf.optIns;
}

export function createLakeFormationOptIn(input: OptInRequest, ctx: RequestContext) {
  const { principal, resource, key } = parse(ctx, input);
  checkResourceExists(ctx, resource);
  const optIns = optInsOf(ctx);
  if (indexOf(optIns, principal.DataLakePrincipalIdentifier, key) >= 0) {
    throw lfInvalid(
      `Principal ${principal.DataLakePrincipalIdentifier} is already opted in on this resource.`,
    );
  }
  const expression = input.Condition?.Expression;
  optIns.push({
    Principal: principal,
    Resource: resource,
    ...(expression ? { Condition: { Expression: expression } } : {}),
    LastModified: ctx.now,
    LastUpdatedBy: callerArn(ctx),
  });
  return {};
}

export function deleteLakeFormationOptIn(input: OptInRequest, ctx: RequestContext) {
  const { principal, key } = parse(ctx, input);
  const optIns = optInsOf(ctx);
  const index = indexOf(optIns, principal.DataLakePrincipalIdentifier, key);
  if (index < 0) throw lfNotFound('Opt-in not found for this principal and resource.');
  optIns.splice(index, 1);
  return {};
}

/** Lists opt-ins, optionally of one principal and/or on one resource, at most 1000 a page. */
export function listLakeFormationOptIns(
  input: OptInRequest & { MaxResults?: number; NextToken?: string },
  ctx: RequestContext,
) {
  const principal = input.Principal?.DataLakePrincipalIdentifier;
  const key = input.Resource ? resourceKey(normalizeResource(input.Resource, ctx.accountId)) : undefined;
  const found = optInsOf(ctx).filter(
    (o) =>
      (principal === undefined || o.Principal.DataLakePrincipalIdentifier === principal) &&
      (key === undefined || resourceKey(o.Resource) === key),
  );
  const { items, NextToken } = page(found, input, 'ListLakeFormationOptIns', 1000);
  return { LakeFormationOptInsInfoList: items, NextToken };
}
