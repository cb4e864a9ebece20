import type { CloudTrailLog, StoredEvent } from '../cloudTrailLog.ts';
import { type RequestContext, type ServiceDefinition, ServiceError } from '../service.ts';

const ATTRIBUTE_KEYS = [
  'EventId',
  'EventName',
  'ReadOnly',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
] as const;

interface LookupInput {
  LookupAttributes?: Array<{ AttributeKey?: string; AttributeValue?: string }>;
  StartTime?: number;
  EndTime?: number;
  MaxResults?: number;
  NextToken?: string;
  EventCategory?: string;
}

function matcherFor(input: LookupInput): (event: StoredEvent) => boolean {
  const attributes = input.LookupAttributes ?? [];
  if (attributes.length > 1) {
    throw new ServiceError(
      'InvalidLookupAttributesException',
      'You cannot specify more than one lookup attribute.',
    );
  }
  const attribute = attributes[0];
  if (!attribute) return () => true;
  const key = attribute.AttributeKey as (typeof ATTRIBUTE_KEYS)[number];
  const value = attribute.AttributeValue ?? '';
  if (!ATTRIBUTE_KEYS.includes(key)) {
    throw new ServiceError('InvalidLookupAttributesException', `Invalid AttributeKey: ${String(key)}`);
  }
  switch (key) {
    case 'EventId':
      return (e) => e.eventId === value;
    case 'EventName':
      return (e) => e.eventName === value;
    case 'ReadOnly':
      return (e) => String(e.readOnly) === value;
    case 'Username':
      return (e) => e.username === value;
    case 'EventSource':
      return (e) => e.eventSource === value;
    case 'AccessKeyId':
      return (e) => e.accessKeyId === value;
    case 'ResourceType':
      return (e) => e.resources.some((r) => r.ResourceType === value);
    case 'ResourceName':
      return (e) => e.resources.some((r) => r.ResourceName === value);
  }
}

interface Cursor {
  /** Index (in the oldest-first list) of the next event to consider, walking towards older events. */
  before: number;
  /** eventId at that position when the token was made, to detect a list that shifted under it. */
  anchor: number;
}

function decodeToken(token: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Cursor;
    if (typeof cursor.before !== 'number' || typeof cursor.anchor !== 'number') throw new Error('bad');
    return cursor;
  } catch {
    throw new ServiceError('InvalidNextTokenException', 'Invalid NextToken.');
  }
}

/** LookupEvents over the recorded history, newest first, hiding events not yet "delivered". */
export function lookupEvents(log: CloudTrailLog, input: LookupInput, ctx: RequestContext) {
  const max = input.MaxResults ?? 50;
  if (!Number.isInteger(max) || max < 1 || max > 50) {
    throw new ServiceError('InvalidMaxResultsException', 'MaxResults must be between 1 and 50.');
  }
  const endMs = (input.EndTime ?? ctx.now) * 1000;
  const startMs = (input.StartTime ?? 0) * 1000;
  if (input.StartTime !== undefined && input.EndTime !== undefined && startMs > endMs) {
    throw new ServiceError('InvalidTimeRangeException', 'StartTime must be before EndTime.');
  }
  const matches = matcherFor(input);
  const events = log.list(ctx.accountId, ctx.region);
  const nowMs = ctx.now * 1000;
  // Events are stored in arrival order; the cursor counts from the newest end so appends do not shift it.
  let fromNewest = 0;
  if (input.NextToken) {
    const cursor = decodeToken(input.NextToken);
    fromNewest = events.length - cursor.anchor + cursor.before;
  }
  const found: StoredEvent[] = [];
  let index = events.length - 1 - fromNewest;
  for (; index >= 0 && found.length < max; index--) {
    const event = events[index]!;
    if (event.deliverAtMs > nowMs) continue;
    if (event.eventTimeMs < startMs || event.eventTimeMs > endMs) continue;
    if (!matches(event)) continue;
    found.push(event);
  }
  const hasMore = found.length === max && events.slice(0, index + 1).some((e) => e.eventTimeMs >= startMs);
  const consumed = events.length - 1 - index;
  return {
    Events: found.map((e) => ({
      EventId: e.eventId,
      EventName: e.eventName,
      ReadOnly: String(e.readOnly),
      AccessKeyId: e.accessKeyId,
      EventTime: Math.floor(e.eventTimeMs / 1000),
      EventSource: e.eventSource,
      Username: e.username,
      Resources: e.resources,
      CloudTrailEvent: e.document,
    })),
    NextToken: hasMore
      ? Buffer.from(JSON.stringify({ before: consumed, anchor: events.length } satisfies Cursor)).toString(
          'base64url',
        )
      : undefined,
  };
}

export function cloudTrailService(log: CloudTrailLog): ServiceDefinition {
  return {
    signingName: 'cloudtrail',
    protocol: 'awsJson1_1',
    targetPrefix: 'CloudTrail_20131101',
    throttlingErrorCode: 'ThrottlingException',
    internalErrorCode: 'InternalFailure',
    operations: {
      LookupEvents: { readOnly: true, handler: (input, ctx) => lookupEvents(log, input, ctx) },
    },
  };
}
