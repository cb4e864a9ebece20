import type { RequestContext } from '../../service.ts';
import type { RegionState } from '../../state.ts';
import { DEFAULT_USER_NAME } from '../iam/users.ts';

/** A session AssumeRole issued, kept so that GetCallerIdentity (and CloudTrail) can name its caller. */
export interface StoredSession {
  AccessKeyId: string;
  /** `arn:aws:sts::<account>:assumed-role/<role>/<session>`. */
  Arn: string;
  /** `<RoleId>:<session>`. */
  AssumedRoleId: string;
  RoleArn: string;
  /** ISO 8601. */
  Expiration: string;
}

/** STS's slice of the role's account's global state: sessions keyed by their access key. */
export interface StsState {
  sessions: Record<string, StoredSession>;
}

export function stsStateOf(accountState: RegionState): StsState {
  return accountState.slice<StsState>('sts', () => ({ sessions: {} }));
}

/** The session an `ASIA…` key belongs to, if this account's STS issued it. */
export function sessionOf(accountState: RegionState, accessKeyId: string): StoredSession | undefined {
  if (!accountState.hasSlice('sts')) return undefined;
  return stsStateOf(accountState).sessions[accessKeyId];
}

/** The ARN of the account's default IAM user, which every long-term local key acts as. */
export function defaultUserArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:user/${DEFAULT_USER_NAME}`;
}

/**
 * The caller's ARN as LastUpdatedBy, CreatedBy, AccessDenied messages and CloudTrail's fallback name it:
 * an `ASIA…` key as an assumed-role ARN built from the key, any other key as the default IAM user.
 */
export function callerArn(ctx: RequestContext): string {
  return ctx.accessKeyId.startsWith('ASIA')
    ? `arn:aws:sts::${ctx.accountId}:assumed-role/localcloud/${ctx.accessKeyId}`
    : defaultUserArn(ctx.accountId);
}

/** Drops expired sessions so the state does not grow without bound. */
export function pruneExpired(state: StsState, nowSeconds: number): void {
  for (const [key, session] of Object.entries(state.sessions)) {
    if (Date.parse(session.Expiration) / 1000 < nowSeconds) delete state.sessions[key];
  }
}
