import { randomUUID } from 'node:crypto';
import type { LocalCloud, RequestContext } from '@lakemirror/localcloud';
import { DEFAULT_ACCOUNT_ID, GLOBAL_REGION, recordCall } from '@lakemirror/localcloud';

export interface EventSpec {
  eventName: string;
  eventSource?: string;
  region?: string;
  accountId?: string;
  accessKeyId?: string;
  readOnly?: boolean;
  /** Event time; default now. */
  atMs?: number;
  input?: Record<string, unknown>;
}

/**
 * Records a CloudTrail event as if a Glue or Lake Formation call had been made, through the same recorder
 * the dispatcher uses (the Glue and LF emulators are not part of these tests).
 */
export function appendEvent(cloud: LocalCloud, spec: EventSpec): void {
  const region = spec.region ?? 'us-east-1';
  const accountId = spec.accountId ?? DEFAULT_ACCOUNT_ID;
  const eventSource = spec.eventSource ?? 'glue.amazonaws.com';
  const ctx: RequestContext = {
    service: eventSource.split('.')[0]!,
    operation: spec.eventName,
    region,
    accountId,
    accessKeyId: spec.accessKeyId ?? 'AKIALOCALTEST',
    requestId: randomUUID(),
    now: (spec.atMs ?? Date.now()) / 1000,
    regionState: cloud.state.get(accountId, region),
    accountState: cloud.state.get(accountId, GLOBAL_REGION),
    stateOf: (a, r) => cloud.state.get(a, r),
  };
  recordCall(cloud.trail, {
    ctx,
    eventSource,
    input: spec.input ?? {},
    readOnly: spec.readOnly ?? spec.eventName.startsWith('Get'),
    userAgent: 'lakemirror-test',
  });
}

/** POSTs a JSON body to the admin API and answers the parsed reply. */
export async function admin(cloud: LocalCloud, route: string, body?: unknown): Promise<any> {
  const answer = await fetch(`${cloud.endpoint}/_localcloud/${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { ...((await answer.json()) as object), httpStatus: answer.status };
}
