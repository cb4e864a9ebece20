import type { CloudTrailEventSummary } from '../../../src/realtime/events/parseCloudTrailEvent.ts';

let sequence = 0;

export interface DocumentOptions {
  eventSource?: string;
  region?: string;
  accountId?: string;
  eventTime?: string;
  readOnly?: boolean;
  errorCode?: string;
  eventId?: string;
  /** Replaces requestParameters with null and marks them omitted, as CloudTrail does for large ones. */
  omitted?: boolean;
}

const LF_EVENTS = /Permissions$|Resource$|LFTag|DataCellsFilter|DataLakeSettings|LakeFormationOptIn/;

/** A CloudTrail record shaped as the real one for a Glue or Lake Formation call, in a LookupEvents entry. */
export function cloudTrailEvent(
  eventName: string,
  requestParameters: Record<string, unknown> | null,
  options: DocumentOptions = {},
): CloudTrailEventSummary {
  sequence += 1;
  const eventId = options.eventId ?? `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
  const eventSource =
    options.eventSource ?? (LF_EVENTS.test(eventName) ? 'lakeformation.amazonaws.com' : 'glue.amazonaws.com');
  const accountId = options.accountId ?? '123456789012';
  const eventTime = options.eventTime ?? '2024-05-01T10:00:00Z';
  const document: Record<string, unknown> = {
    eventVersion: '1.09',
    userIdentity: {
      type: 'AssumedRole',
      principalId: 'AROAEXAMPLE:etl',
      arn: `arn:aws:sts::${accountId}:assumed-role/etl/session`,
      accountId,
      accessKeyId: 'ASIAEXAMPLE',
    },
    eventTime,
    eventSource,
    eventName,
    awsRegion: options.region ?? 'us-east-1',
    sourceIPAddress: '10.0.0.1',
    userAgent: 'aws-sdk-js/3',
    requestParameters: options.omitted ? null : requestParameters,
    responseElements: null,
    requestID: `req-${sequence}`,
    eventID: eventId,
    readOnly: options.readOnly ?? false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: accountId,
    eventCategory: 'Management',
  };
  if (options.omitted) document.additionalEventData = { requestParametersOmitted: true };
  if (options.errorCode) {
    document.errorCode = options.errorCode;
    document.errorMessage = 'failed';
  }
  return {
    EventId: eventId,
    EventName: eventName,
    EventTime: new Date(eventTime),
    EventSource: eventSource,
    ReadOnly: String(options.readOnly ?? false),
    CloudTrailEvent: JSON.stringify(document),
  };
}
