import { CATALOG_EVENT_NAMES, catalogPathOf, GLUE_EXTRACTORS } from './glueObjects.ts';
import { LAKE_FORMATION_EXTRACTORS } from './lakeFormationObjects.ts';
import { type ObjectRef, objectKey } from './objectRef.ts';
import { type Extractor, record, text } from './params.ts';

/** One entry of CloudTrail LookupEvents (`Event` of @aws-sdk/client-cloudtrail, the members used here). */
export interface CloudTrailEventSummary {
  EventId?: string | undefined;
  EventName?: string | undefined;
  EventTime?: Date | undefined;
  EventSource?: string | undefined;
  ReadOnly?: string | undefined;
  CloudTrailEvent?: string | undefined;
}

/** A replicated write event in the source Region, reduced to the objects it touched. */
export interface StagedEvent {
  eventId: string;
  /** ISO 8601 with milliseconds, so that strings order as times. */
  eventTime: string;
  eventName: string;
  eventSource: string;
  region: string;
  accountId: string;
  /** At least one; distinct by `objectKey`; in request order (item numbering depends on it). */
  objects: ObjectRef[];
}

export type RejectionReason =
  | 'error'
  | 'readOnly'
  | 'notReplicated'
  | 'otherRegion'
  | 'otherAccount'
  | 'malformed';

/** An event kept out of the event table; counted by reason in the collect report. */
export interface Rejection {
  rejection: RejectionReason;
  eventId?: string;
  eventName?: string;
  detail?: string;
}

export interface SourceScope {
  sourceRegion: string;
  /** When set, events of other accounts (e.g. an organization trail) are rejected. */
  sourceAccountId?: string;
}

export const EVENT_SOURCES = {
  glue: 'glue.amazonaws.com',
  lakeFormation: 'lakeformation.amazonaws.com',
} as const;

const EXTRACTORS: Record<string, Record<string, Extractor<ObjectRef>>> = {
  [EVENT_SOURCES.glue]: GLUE_EXTRACTORS,
  [EVENT_SOURCES.lakeFormation]: LAKE_FORMATION_EXTRACTORS,
};

/** Every replicated event name, over both sources. */
export const REPLICATED_EVENT_NAMES: readonly string[] = Object.values(EXTRACTORS).flatMap(Object.keys);

export function isRejection(result: StagedEvent | Rejection): result is Rejection {
  return 'rejection' in result;
}

/** The event document, or why there is none (kept in the rejection's detail for the collect report). */
function parseDocument(json: string | undefined): Record<string, unknown> | string {
  if (!json) return 'the entry has no CloudTrailEvent document';
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return `CloudTrailEvent is not JSON (cut off after ${json.length} characters?)`;
  }
  return record(value) ?? 'CloudTrailEvent is not a JSON object';
}

function isoTime(value: unknown): string | undefined {
  if (!(typeof value === 'string' || value instanceof Date)) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

function distinct(objects: ObjectRef[]): ObjectRef[] {
  const byKey = new Map(objects.map((o) => [objectKey(o), o] as const));
  return [...byKey.values()];
}

/**
 * Why a Glue call inside a catalog below the default one is not replicated: the databases and tables of those
 * catalogs live behind their connection, in Redshift or in S3 Tables (see the README's table); only the catalog
 * itself and the Lake Formation grants on its objects are.
 */
const belowDefault = (path: string) =>
  `catalog ${path} is below the default one: its databases and tables are not replicated (only the catalog and Lake Formation grants on it are)`;

/**
 * A LookupEvents entry → the objects it touched, or why it is not replicated. Pure.
 * An event whose objects cannot be named (requestParameters omitted or truncated) is never dropped:
 * it becomes `{kind:'catalog'}`, or `{kind:'partitions'}` when only the partition values are missing.
 */
export function parseCloudTrailEvent(
  event: CloudTrailEventSummary,
  scope: SourceScope,
): StagedEvent | Rejection {
  const base = { eventId: event.EventId, eventName: event.EventName };
  const parsed = parseDocument(event.CloudTrailEvent);
  if (typeof parsed === 'string') return { ...base, rejection: 'malformed', detail: parsed };
  const doc = parsed;
  const eventId = text(doc?.eventID) ?? event.EventId;
  const eventName = text(doc?.eventName) ?? event.EventName;
  const eventSource = text(doc?.eventSource) ?? event.EventSource;
  const eventTime = isoTime(doc?.eventTime) ?? isoTime(event.EventTime);
  if (!eventId || !eventName || !eventSource || !eventTime) {
    const missing = Object.entries({ eventID: eventId, eventName, eventSource, eventTime })
      .filter(([, value]) => !value)
      .map(([name]) => name);
    return {
      ...base,
      rejection: 'malformed',
      detail: `CloudTrailEvent lacks a valid ${missing.join(', ')}`,
    };
  }
  const named = { eventId, eventName };
  if (doc.errorCode !== undefined && doc.errorCode !== null)
    return { ...named, rejection: 'error', detail: String(doc.errorCode) };
  if (doc.readOnly === true || event.ReadOnly === 'true') return { ...named, rejection: 'readOnly' };
  const extract = EXTRACTORS[eventSource]?.[eventName];
  if (!extract) return { ...named, rejection: 'notReplicated' };
  const region = text(doc.awsRegion);
  if (region !== scope.sourceRegion) return { ...named, rejection: 'otherRegion', detail: region };
  const accountId = text(doc.recipientAccountId) ?? text(record(doc.userIdentity)?.accountId) ?? '';
  if (scope.sourceAccountId && accountId !== scope.sourceAccountId)
    return { ...named, rejection: 'otherAccount', detail: accountId };
  const params = record(doc.requestParameters) ?? {};
  const below = eventSource === EVENT_SOURCES.glue && !CATALOG_EVENT_NAMES.has(eventName);
  const path = below ? catalogPathOf(params.catalogId) : undefined;
  if (path !== undefined) return { ...named, rejection: 'notReplicated', detail: belowDefault(path) };
  const objects = distinct(extract(params));
  return {
    eventId,
    eventTime,
    eventName,
    eventSource,
    region,
    accountId,
    objects: objects.length > 0 ? objects : [{ kind: 'catalog' }],
  };
}
