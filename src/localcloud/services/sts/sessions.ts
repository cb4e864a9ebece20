import type { RegionState } from '../../state.ts';

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

/** Drops expired sessions so the state does not grow without bound. */
export function pruneExpired(state: StsState, nowSeconds: number): void {
  for (const [key, session] of Object.entries(state.sessions)) {
    if (Date.parse(session.Expiration) / 1000 < nowSeconds) delete state.sessions[key];
  }
}
