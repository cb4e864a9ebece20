import type { ObjectRef } from '../events/objectRef.ts';
import { record, text } from '../events/params.ts';
import {
  type CloudTrailEventSummary,
  EVENT_SOURCES,
  parseCloudTrailEvent,
  type Rejection,
  type SourceScope,
  type StagedEvent,
} from '../events/parseCloudTrailEvent.ts';

export const API_CALL = 'AWS API Call via CloudTrail';
export const TABLE_STATE_CHANGE = 'Glue Data Catalog Table State Change';
export const DATABASE_STATE_CHANGE = 'Glue Data Catalog Database State Change';

/** A message that is not an EventBridge event lakemirror knows: left for the dead-letter queue. */
export interface Poison {
  poison: string;
}

export const isPoison = (value: unknown): value is Poison =>
  typeof value === 'object' && value !== null && 'poison' in value;

function envelopeOf(body: string): Record<string, unknown> | Poison {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { poison: 'the message body is not JSON' };
  }
  const envelope = record(value);
  if (!envelope || !record(envelope.detail) || !text(envelope['detail-type']))
    return { poison: 'the message is not an EventBridge event (no detail-type or detail)' };
  return envelope;
}

/**
 * The objects a Glue state-change event names. These events carry names only (no request), so they stage
 * reconciles of the named tables, or of the database when no table is named.
 */
function stateChangeObjects(detailType: string, detail: Record<string, unknown>): ObjectRef[] | Poison {
  const database = text(detail.databaseName);
  if (!database) return { poison: `${detailType} without databaseName` };
  const table = text(detail.tableName);
  if (detailType === TABLE_STATE_CHANGE && table) return [{ kind: 'table', database, table }];
  const tables = Array.isArray(detail.changedTables)
    ? detail.changedTables.filter((t) => typeof t === 'string')
    : [];
  if (tables.length > 0) return tables.map((t) => ({ kind: 'table', database, table: t as string }));
  return [{ kind: 'database', database }];
}

function parseStateChange(
  envelope: Record<string, unknown>,
  scope: SourceScope,
): StagedEvent | Rejection | Poison {
  const detailType = String(envelope['detail-type']);
  const objects = stateChangeObjects(detailType, record(envelope.detail)!);
  if (isPoison(objects)) return objects;
  const eventId = text(envelope.id);
  const time = text(envelope.time);
  if (!eventId || !time || Number.isNaN(Date.parse(time)))
    return { poison: `${detailType} without id or time` };
  const region = text(envelope.region) ?? '';
  const accountId = text(envelope.account) ?? '';
  const named = { eventId, eventName: detailType };
  if (region !== scope.sourceRegion) return { ...named, rejection: 'otherRegion', detail: region };
  if (scope.sourceAccountId && accountId !== scope.sourceAccountId)
    return { ...named, rejection: 'otherAccount', detail: accountId };
  const change = text(record(envelope.detail)?.typeOfChange);
  return {
    eventId,
    eventTime: new Date(time).toISOString(),
    eventName: change ? `${detailType}: ${change}` : detailType,
    eventSource: EVENT_SOURCES.glue,
    region,
    accountId,
    objects,
  };
}

/**
 * One SQS message of the push queue → what to stage. API-call events go through the lookup's own parser
 * (`detail` is the CloudTrail record, with the same eventID, so the conditional put dedups both paths).
 */
export function parsePushMessage(body: string, scope: SourceScope): StagedEvent | Rejection | Poison {
  const envelope = envelopeOf(body);
  if (isPoison(envelope)) return envelope;
  const detailType = String(envelope['detail-type']);
  if (detailType === TABLE_STATE_CHANGE || detailType === DATABASE_STATE_CHANGE)
    return parseStateChange(envelope, scope);
  if (detailType !== API_CALL) return { poison: `detail-type '${detailType}' is not one lakemirror stages` };
  const detail = record(envelope.detail)!;
  const summary: CloudTrailEventSummary = {
    EventId: text(detail.eventID),
    EventName: text(detail.eventName),
    EventSource: text(detail.eventSource),
    CloudTrailEvent: JSON.stringify(detail),
  };
  const parsed = parseCloudTrailEvent(summary, scope);
  // A malformed record will be malformed on every delivery: the dead-letter queue is where it belongs.
  if ('rejection' in parsed && parsed.rejection === 'malformed')
    return { poison: parsed.detail ?? 'malformed' };
  return parsed;
}
