import { type RequestContext, required, type ServiceDefinition, ServiceError } from '../../service.ts';
import { GLOBAL_REGION } from '../../state.ts';
import { isoSeconds, randomSecret, temporaryAccessKeyId } from '../awsIds.ts';
import { iamStateOf } from '../iam/state.ts';
import { defaultUserArn, pruneExpired, sessionOf, stsStateOf } from './sessions.ts';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role(\/(?:[^/]+\/)*)([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

const validation = (message: string) => new ServiceError('ValidationError', message, 400);

/** The caller's identity: the assumed-role session of an `ASIA…` key, else the account's default IAM user. */
export function callerIdentity(ctx: RequestContext): { UserId: string; Account: string; Arn: string } {
  const session = sessionOf(ctx.accountState, ctx.accessKeyId);
  if (session) {
    if (Date.parse(session.Expiration) <= ctx.now * 1000) {
      throw new ServiceError(
        'ExpiredTokenException',
        'The security token included in the request is expired',
        400,
      );
    }
    return { UserId: session.AssumedRoleId, Account: ctx.accountId, Arn: session.Arn };
  }
  return {
    UserId: 'AIDALOCALCLOUDDEFAULTUSER',
    Account: ctx.accountId,
    Arn: defaultUserArn(ctx.accountId),
  };
}

function durationOf(input: Record<string, string | undefined>, maxSession: number): number {
  if (input.DurationSeconds === undefined) return 3600;
  const seconds = Number(input.DurationSeconds);
  if (!Number.isInteger(seconds) || seconds < 900 || seconds > 43200) {
    throw validation(
      `1 validation error detected: Value '${input.DurationSeconds}' at 'durationSeconds' failed to satisfy ` +
        'constraint: Member must have value between 900 and 43200',
    );
  }
  if (seconds > maxSession) {
    throw validation('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }
  return seconds;
}

/**
 * AssumeRole: the role must exist in its account's IAM (trust policies are not evaluated). The key issued
 * carries the role's account id, so calls made with it land in that account.
 */
export function assumeRole(input: Record<string, string | undefined>, ctx: RequestContext) {
  const roleArn = required<string>(input, 'RoleArn');
  const sessionName = required<string>(input, 'RoleSessionName');
  const arn = ROLE_ARN.exec(roleArn);
  if (!arn) throw validation(`${roleArn} is invalid`);
  if (!SESSION_NAME.test(sessionName)) {
    throw validation(
      `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: ` +
        'Member must satisfy regular expression pattern: [\\w+=,.@-]*',
    );
  }
  const [, accountId, path, roleName] = arn as unknown as [string, string, string, string];
  const target = ctx.stateOf(accountId, GLOBAL_REGION);
  const role = Object.values(iamStateOf(target).roles).find(
    (r) => r.RoleName.toLowerCase() === roleName.toLowerCase() && (path === '/' || r.Path === path),
  );
  if (!role) {
    const caller = callerIdentity(ctx).Arn;
    throw new ServiceError(
      'AccessDenied',
      `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      403,
    );
  }
  const duration = durationOf(input, role.MaxSessionDuration ?? 3600);
  const sts = stsStateOf(target);
  pruneExpired(sts, ctx.now);
  const accessKeyId = temporaryAccessKeyId(accountId);
  const session = {
    AccessKeyId: accessKeyId,
    Arn: `arn:aws:sts::${accountId}:assumed-role/${role.RoleName}/${sessionName}`,
    AssumedRoleId: `${role.RoleId}:${sessionName}`,
    RoleArn: role.Arn,
    Expiration: isoSeconds(ctx.now + duration),
  };
  sts.sessions[accessKeyId] = session;
  // The session lives in the role's account, which may not be the caller's: persist it explicitly.
  target.dirty = true;
  return {
    Credentials: {
      AccessKeyId: accessKeyId,
      SecretAccessKey: randomSecret(40),
      SessionToken: randomSecret(356),
      Expiration: session.Expiration,
    },
    AssumedRoleUser: { AssumedRoleId: session.AssumedRoleId, Arn: session.Arn },
  };
}

/** STS (awsQuery): AssumeRole and GetCallerIdentity. Its calls are not recorded in CloudTrail here. */
export function stsService(): ServiceDefinition {
  return {
    signingName: 'sts',
    protocol: 'awsQuery',
    xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
    global: true,
    throttlingErrorCode: 'Throttling',
    internalErrorCode: 'InternalFailure',
    operations: {
      AssumeRole: { readOnly: false, handler: assumeRole },
      GetCallerIdentity: { readOnly: true, handler: (_input, ctx) => callerIdentity(ctx) },
    },
  };
}
