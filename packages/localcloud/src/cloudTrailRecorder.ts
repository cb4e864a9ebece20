import { randomUUID } from 'node:crypto';
import type { CloudTrailLog } from './cloudTrailLog.ts';
import type { RequestContext, ServiceError } from './service.ts';
import { callerArn, sessionOf } from './services/sts/sessions.ts';

const MAP_MEMBERS = new Set(['Parameters', 'SkewedColumnValueLocationMaps', 'parameters']);

/** CloudTrail writes request members in lowerCamelCase; map members (Parameters) keep their keys. */
export function toCloudTrailCase(value: unknown, keepKeys = false): unknown {
  if (Array.isArray(value)) return value.map((item) => toCloudTrailCase(item));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    const name = keepKeys ? key : key.length > 0 ? key[0]!.toLowerCase() + key.slice(1) : key;
    out[name] = toCloudTrailCase(member, MAP_MEMBERS.has(key));
  }
  return out;
}

function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** Resources CloudTrail lists for a call, used by the ResourceName lookup attribute. */
function resourcesOf(
  service: string,
  input: Record<string, any>,
): Array<{ ResourceType: string; ResourceName: string }> {
  const resources: Array<{ ResourceType: string; ResourceName: string }> = [];
  const db = input.DatabaseName ?? input.DatabaseInput?.Name ?? (input.TableInput ? undefined : input.Name);
  if (service === 'glue' && typeof db === 'string')
    resources.push({ ResourceType: 'AWS::Glue::Database', ResourceName: db });
  const table = input.TableName ?? input.TableInput?.Name ?? (input.DatabaseName ? input.Name : undefined);
  if (service === 'glue' && typeof table === 'string')
    resources.push({ ResourceType: 'AWS::Glue::Table', ResourceName: table });
  return resources;
}

/**
 * The caller as CloudTrail names it: an STS session as `AssumedRole` (Username = the session name, as
 * LookupEvents shows it), any other key as the account's default IAM user.
 */
function userIdentityOf(ctx: RequestContext): { userIdentity: Record<string, unknown>; username: string } {
  const session = ctx.accessKeyId.startsWith('ASIA')
    ? sessionOf(ctx.accountState, ctx.accessKeyId)
    : undefined;
  if (session) {
    const roleName = session.RoleArn.split('/').pop()!;
    const sessionName = session.Arn.split('/').pop()!;
    return {
      username: sessionName,
      userIdentity: {
        type: 'AssumedRole',
        principalId: session.AssumedRoleId,
        arn: session.Arn,
        accountId: ctx.accountId,
        accessKeyId: ctx.accessKeyId,
        sessionContext: {
          sessionIssuer: {
            type: 'Role',
            principalId: session.AssumedRoleId.split(':')[0],
            arn: session.RoleArn,
            accountId: ctx.accountId,
            userName: roleName,
          },
        },
      },
    };
  }
  const assumed = ctx.accessKeyId.startsWith('ASIA');
  return {
    username: assumed ? 'localcloud-assumed' : 'localcloud',
    userIdentity: {
      type: assumed ? 'AssumedRole' : 'IAMUser',
      principalId: ctx.accessKeyId,
      arn: callerArn(ctx),
      accountId: ctx.accountId,
      accessKeyId: ctx.accessKeyId,
    },
  };
}

export interface CallRecord {
  ctx: RequestContext;
  eventSource: string;
  input: Record<string, unknown>;
  output?: unknown;
  error?: ServiceError;
  readOnly: boolean;
  userAgent: string;
}

/**
 * Records one Glue or Lake Formation call as a CloudTrail management event in the caller's Region, and
 * returns the record (what EventBridge delivers as the event's detail).
 */
export function recordCall(log: CloudTrailLog, call: CallRecord): Record<string, unknown> {
  const { ctx } = call;
  const nowMs = Math.round(ctx.now * 1000);
  const requestParameters = toCloudTrailCase(call.input) as Record<string, unknown>;
  const tooLarge = JSON.stringify(requestParameters).length > log.settings.requestParametersLimitBytes;
  const identity = userIdentityOf(ctx);
  const document: Record<string, unknown> = {
    eventVersion: '1.09',
    userIdentity: identity.userIdentity,
    eventTime: isoSeconds(nowMs),
    eventSource: call.eventSource,
    eventName: ctx.operation,
    awsRegion: ctx.region,
    sourceIPAddress: '127.0.0.1',
    userAgent: call.userAgent,
    requestParameters: tooLarge ? null : requestParameters,
    responseElements: call.readOnly || call.error ? null : toCloudTrailCase(call.output ?? null),
    requestID: ctx.requestId,
    eventID: randomUUID(),
    readOnly: call.readOnly,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ctx.accountId,
    eventCategory: 'Management',
  };
  if (tooLarge) document.additionalEventData = { requestParametersOmitted: true };
  if (call.error) {
    document.errorCode = call.error.code;
    document.errorMessage = call.error.message;
  }
  log.append(ctx.accountId, ctx.region, {
    eventId: document.eventID as string,
    eventTimeMs: nowMs,
    deliverAtMs: nowMs + log.settings.deliveryDelayMs,
    eventSource: call.eventSource,
    eventName: ctx.operation,
    readOnly: call.readOnly,
    accessKeyId: ctx.accessKeyId,
    username: identity.username,
    resources: resourcesOf(ctx.service, call.input as Record<string, any>),
    document: JSON.stringify(document),
  });
  return document;
}
