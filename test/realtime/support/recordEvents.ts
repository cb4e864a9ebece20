import type { LocalCloud } from '@lakemirror/localcloud';
import { type RequestContext, recordCall, ServiceError } from '@lakemirror/localcloud';

export interface FakeCall {
  service: 'glue' | 'lakeformation';
  operation: string;
  /** The SDK-shaped (PascalCase) input; the recorder writes it in CloudTrail's lowerCamel. */
  input: Record<string, unknown>;
  /** Event time, ms since the epoch. */
  atMs: number;
  region?: string;
  accountId?: string;
  readOnly?: boolean;
  errorCode?: string;
}

let requests = 0;

/** Puts one call into the local cloud's CloudTrail history, as the Glue/LF handlers would. */
export function recordEvent(cloud: LocalCloud, call: FakeCall): void {
  requests += 1;
  const ctx = {
    service: call.service,
    operation: call.operation,
    region: call.region ?? 'us-east-1',
    accountId: call.accountId ?? '123456789012',
    accessKeyId: 'AKIALOCALTEST',
    requestId: `test-${requests}`,
    now: call.atMs / 1000,
  } as RequestContext;
  recordCall(cloud.trail, {
    ctx,
    eventSource: `${call.service}.amazonaws.com`,
    input: call.input,
    readOnly: call.readOnly ?? false,
    userAgent: 'lakemirror-test',
    error: call.errorCode ? new ServiceError(call.errorCode, 'failed') : undefined,
  });
}

export const createTable = (database: string, name: string, atMs: number): FakeCall => ({
  service: 'glue',
  operation: 'CreateTable',
  input: { DatabaseName: database, TableInput: { Name: name } },
  atMs,
});
