import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { CallStats } from './callStats.ts';
import type { CloudTrailLog } from './cloudTrailLog.ts';
import { recordCall } from './cloudTrailRecorder.ts';
import type { FaultInjector } from './faults.ts';
import { awsJsonError, awsJsonSuccess, operationFromTarget, type WireResponse } from './protocols/awsJson.ts';
import { awsQueryError, awsQuerySuccess, parseQueryBody } from './protocols/awsQuery.ts';
import { operationFromPath, restJsonError, restJsonSuccess } from './protocols/restJson.ts';
import { type RequestContext, type ServiceDefinition, ServiceError } from './service.ts';
import { type CloudState, GLOBAL_REGION } from './state.ts';

/** What one emulated call needs from the running cloud. */
export interface DispatchDeps {
  state: CloudState;
  faults: FaultInjector;
  stats: CallStats;
  trail: CloudTrailLog;
  /** Called after a mutating call succeeded (schedules persistence). */
  onMutation: () => void;
  /** Receives every CloudTrail record, for EventBridge-style push delivery. */
  onRecorded?: (record: Record<string, unknown>) => void;
}

export interface ServiceCall {
  service: ServiceDefinition;
  region: string;
  accountId: string;
  accessKeyId: string;
  req: IncomingMessage;
  url: URL;
  body: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function encodeError(service: ServiceDefinition, error: ServiceError, requestId: string): WireResponse {
  if (service.protocol === 'restJson1') return restJsonError(error);
  if (service.protocol === 'awsQuery') return awsQueryError(error, requestId);
  return awsJsonError(error);
}

function decodeRequest(call: ServiceCall): { operation?: string; input: Record<string, unknown> } {
  const { service, req, url, body } = call;
  if (service.protocol === 'awsQuery') {
    const { action, params } = parseQueryBody(body);
    return { operation: action, input: params };
  }
  const operation =
    service.protocol === 'restJson1'
      ? operationFromPath(url.pathname)
      : operationFromTarget(req.headers['x-amz-target'] as string | undefined, service.targetPrefix ?? '');
  if (!operation) return { input: {} };
  if (body.trim() === '') return { operation, input: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ServiceError(
      'SerializationException',
      'Start of structure or map found where not expected.',
      400,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ServiceError('SerializationException', 'The request body must be a JSON object.', 400);
  }
  return { operation, input: parsed as Record<string, unknown> };
}

/**
 * Runs one call to an emulated service: decode, count, inject faults, run the handler, record the
 * CloudTrail event, encode. Never throws: every failure becomes the service's real error shape.
 */
export async function dispatchServiceCall(deps: DispatchDeps, call: ServiceCall): Promise<WireResponse> {
  const { service } = call;
  const requestId = randomUUID();
  let operation = 'Unknown';
  let input: Record<string, unknown> = {};
  try {
    const decoded = decodeRequest(call);
    input = decoded.input;
    if (!decoded.operation || !service.operations[decoded.operation]) {
      const name = decoded.operation ?? '(none)';
      deps.stats.record(call.region, service.signingName, name);
      throw new ServiceError('UnknownOperationException', `Unknown operation ${name}`, 400);
    }
    operation = decoded.operation;
  } catch (error) {
    deps.stats.recordOutcome('error');
    return withRequestId(encodeError(service, asServiceError(service, error), requestId), requestId);
  }

  const spec = service.operations[operation]!;
  deps.stats.record(call.region, service.signingName, operation);
  const delay = deps.faults.delayMs();
  if (delay > 0) await sleep(delay);

  const ctx: RequestContext = {
    service: service.signingName,
    operation,
    region: call.region,
    accountId: call.accountId,
    accessKeyId: call.accessKeyId,
    requestId,
    now: Date.now() / 1000,
    regionState: deps.state.get(call.accountId, call.region),
    accountState: deps.state.get(call.accountId, GLOBAL_REGION),
    stateOf: (accountId, region) => deps.state.get(accountId, region),
  };

  // Global services (IAM, STS) write the account's state; their us-east-1 Region state stays untouched.
  const stateOfService = service.global ? ctx.accountState : ctx.regionState;

  let output: unknown;
  let failure: ServiceError | undefined;
  if (deps.faults.isThrottled(call.accountId, call.region, service.signingName, operation)) {
    deps.stats.recordOutcome('throttled');
    failure = new ServiceError(service.throttlingErrorCode, 'Rate exceeded', 400);
  } else if (deps.faults.isFaulted()) {
    deps.stats.recordOutcome('faulted');
    failure = new ServiceError(
      service.internalErrorCode,
      'An internal service error occurred (injected).',
      500,
    );
  } else {
    try {
      output = await spec.handler(input, ctx);
    } catch (error) {
      deps.stats.recordOutcome('error');
      failure = asServiceError(service, error);
    }
    // Also after a failed handler: it may have changed state before failing; persisting is always safe.
    if (!spec.readOnly) {
      stateOfService.dirty = true;
      deps.onMutation();
    }
  }

  if (service.eventSource) {
    const record = recordCall(deps.trail, {
      ctx,
      eventSource: service.eventSource,
      input,
      output,
      error: failure,
      readOnly: spec.readOnly,
      userAgent: String(call.req.headers['user-agent'] ?? 'unknown'),
    });
    deps.onRecorded?.(record);
  }
  return withRequestId(encodeResult(service, operation, output, failure, requestId), requestId);
}

function encodeResult(
  service: ServiceDefinition,
  operation: string,
  output: unknown,
  failure: ServiceError | undefined,
  requestId: string,
): WireResponse {
  if (failure) return encodeError(service, failure, requestId);
  if (service.protocol === 'restJson1') return restJsonSuccess(output);
  if (service.protocol === 'awsQuery') {
    return awsQuerySuccess(operation, service.xmlNamespace ?? '', output, requestId);
  }
  return awsJsonSuccess(output);
}

/** The one request id of a call: the same value CloudTrail and awsQuery XML carry. */
function withRequestId(answer: WireResponse, requestId: string): WireResponse {
  return { ...answer, headers: { ...answer.headers, 'x-amzn-requestid': requestId } };
}

function asServiceError(service: ServiceDefinition, error: unknown): ServiceError {
  if (error instanceof ServiceError) return error;
  // A bug in a handler must look like a server fault to the client, never crash the server.
  console.error(`[localcloud] ${service.signingName} handler failed:`, error);
  return new ServiceError(service.internalErrorCode, 'An internal service error occurred.', 500);
}
