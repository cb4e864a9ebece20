import { apiCallEvent } from '@lakemirror/localcloud';
import { describe, expect, it } from 'vitest';
import { isPoison, parsePushMessage } from '../../src/realtime/push/pushEvent.ts';

const scope = { sourceRegion: 'us-east-1' };
const record = {
  eventID: 'e-1',
  eventName: 'UpdateTable',
  eventSource: 'glue.amazonaws.com',
  eventTime: '2026-12-03T06:00:00Z',
  awsRegion: 'us-east-1',
  recipientAccountId: '123456789012',
  readOnly: false,
  requestParameters: { databaseName: 'sales', tableInput: { name: 'orders' } },
};

describe('parsePushMessage', () => {
  it('parses an API-call event with the lookup parser, keeping the CloudTrail event id', () => {
    const parsed = parsePushMessage(JSON.stringify(apiCallEvent(record)), scope);
    expect(parsed).toMatchObject({
      eventId: 'e-1',
      eventName: 'UpdateTable',
      objects: [{ kind: 'table', database: 'sales', table: 'orders' }],
    });
  });

  it('turns a table state change (names only) into a reconcile of that table', () => {
    const event = {
      version: '0',
      id: 'sc-1',
      'detail-type': 'Glue Data Catalog Table State Change',
      source: 'aws.glue',
      account: '123456789012',
      time: '2026-12-03T06:00:00Z',
      region: 'us-east-1',
      resources: ['arn:aws:glue:us-east-1:123456789012:table/sales/orders'],
      detail: { databaseName: 'sales', tableName: 'orders', typeOfChange: 'UpdateTable' },
    };
    expect(parsePushMessage(JSON.stringify(event), scope)).toMatchObject({
      eventId: 'sc-1',
      eventName: 'Glue Data Catalog Table State Change: UpdateTable',
      objects: [{ kind: 'table', database: 'sales', table: 'orders' }],
    });
  });

  it('turns a database state change into reconciles of the named tables, or of the database', () => {
    const base = {
      id: 'sc-2',
      'detail-type': 'Glue Data Catalog Database State Change',
      time: '2026-12-03T06:00:00Z',
      region: 'us-east-1',
      account: '123456789012',
    };
    const tables = {
      ...base,
      detail: { databaseName: 'sales', typeOfChange: 'CreateTable', changedTables: ['a', 'b'] },
    };
    expect(parsePushMessage(JSON.stringify(tables), scope)).toMatchObject({
      objects: [
        { kind: 'table', database: 'sales', table: 'a' },
        { kind: 'table', database: 'sales', table: 'b' },
      ],
    });
    const db = { ...base, detail: { databaseName: 'sales', typeOfChange: 'UpdateDatabase' } };
    expect(parsePushMessage(JSON.stringify(db), scope)).toMatchObject({
      objects: [{ kind: 'database', database: 'sales' }],
    });
  });

  it('rejects other Regions like the lookup, and calls poison what no delivery will fix', () => {
    expect(
      parsePushMessage(JSON.stringify(apiCallEvent({ ...record, awsRegion: 'eu-west-1' })), scope),
    ).toMatchObject({
      rejection: 'otherRegion',
    });
    for (const body of ['{', '{"detail-type":"x"}', JSON.stringify({ 'detail-type': 'Other', detail: {} })])
      expect(isPoison(parsePushMessage(body, scope))).toBe(true);
  });
});
