import { LookupEventsCommand, paginateLookupEvents } from '@aws-sdk/client-cloudtrail';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientsFor, startTestCloud } from '../../../test/support/localCloud.ts';
import { admin, appendEvent } from '../../../test/support/trailEvents.ts';
import type { LocalCloud } from '../src/server.ts';

const BASE = Date.UTC(2026, 0, 10, 12, 0, 0);

describe('CloudTrail LookupEvents', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    // Pagination makes many quick calls: LookupEvents' own 2/s limit is tested in faults.test.ts.
    cloud = await startTestCloud({ embedded: false, faults: { lookupEventsLimit: false } });
  });
  afterAll(async () => {
    await cloud.stop();
  });
  beforeEach(async () => {
    await admin(cloud, 'reset', {});
    await admin(cloud, 'cloudtrail', { deliveryDelayMs: 0 });
  });

  /** 120 events one second apart: Create/Update/Get cycling over Glue, every tenth from Lake Formation. */
  const seedEvents = () => {
    for (let i = 0; i < 120; i++) {
      const lf = i % 10 === 0;
      appendEvent(cloud, {
        eventName: lf ? 'GrantPermissions' : ['CreateTable', 'UpdateTable', 'GetTable'][i % 3]!,
        eventSource: lf ? 'lakeformation.amazonaws.com' : 'glue.amazonaws.com',
        atMs: BASE + i * 1000,
        input: { DatabaseName: 'sales', TableInput: { Name: `t${i}` } },
      });
    }
  };

  it('pages newest first, at most 50 a page, with NextToken', async () => {
    seedEvents();
    const { cloudTrail } = clientsFor(cloud);
    const pages: number[] = [];
    const times: number[] = [];
    for await (const page of paginateLookupEvents({ client: cloudTrail, pageSize: 50 }, {})) {
      pages.push(page.Events?.length ?? 0);
      times.push(...(page.Events ?? []).map((e) => e.EventTime!.getTime()));
    }
    expect(pages).toEqual([50, 50, 20]);
    expect(times[0]).toBe(BASE + 119_000);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    await expect(cloudTrail.send(new LookupEventsCommand({ MaxResults: 51 }))).rejects.toMatchObject({
      name: 'InvalidMaxResultsException',
    });
    await expect(cloudTrail.send(new LookupEventsCommand({ NextToken: 'garbage!' }))).rejects.toMatchObject({
      name: 'InvalidNextTokenException',
    });
  });

  it('keeps its place when new events arrive between pages', async () => {
    seedEvents();
    const { cloudTrail } = clientsFor(cloud);
    const first = await cloudTrail.send(new LookupEventsCommand({ MaxResults: 10 }));
    appendEvent(cloud, { eventName: 'DeleteTable', atMs: BASE + 200_000 });
    const second = await cloudTrail.send(
      new LookupEventsCommand({ MaxResults: 10, NextToken: first.NextToken }),
    );
    expect(second.Events?.[0]?.EventTime?.getTime()).toBe(BASE + 109_000);
  });

  it('filters by StartTime/EndTime and by EventName, EventSource and ReadOnly', async () => {
    seedEvents();
    const { cloudTrail } = clientsFor(cloud);
    const window = await cloudTrail.send(
      new LookupEventsCommand({ StartTime: new Date(BASE + 10_000), EndTime: new Date(BASE + 19_000) }),
    );
    expect(window.Events).toHaveLength(10);
    const lookup = async (AttributeKey: any, AttributeValue: string) => {
      const events = [];
      for await (const page of paginateLookupEvents(
        { client: cloudTrail },
        { LookupAttributes: [{ AttributeKey, AttributeValue }] },
      )) {
        events.push(...(page.Events ?? []));
      }
      return events;
    };
    expect(await lookup('EventSource', 'lakeformation.amazonaws.com')).toHaveLength(12);
    const creates = await lookup('EventName', 'CreateTable');
    expect(creates.every((e) => e.EventName === 'CreateTable')).toBe(true);
    expect(creates.length).toBeGreaterThan(30);
    const readOnly = await lookup('ReadOnly', 'true');
    expect(new Set(readOnly.map((e) => e.EventName))).toEqual(new Set(['GetTable']));
    const table = await lookup('ResourceName', 't3');
    expect(table.map((e) => e.Resources?.map((r) => r.ResourceName))).toEqual([['sales', 't3']]);
    const document = JSON.parse(table[0]!.CloudTrailEvent!);
    expect(document).toMatchObject({
      eventName: 'CreateTable',
      requestParameters: { databaseName: 'sales' },
    });
  });

  it('hides events until the delivery delay has passed', async () => {
    expect(await admin(cloud, 'cloudtrail', { deliveryDelayMs: 300 })).toMatchObject({
      deliveryDelayMs: 300,
    });
    appendEvent(cloud, { eventName: 'CreateDatabase' });
    const { cloudTrail } = clientsFor(cloud);
    expect((await cloudTrail.send(new LookupEventsCommand({}))).Events).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await cloudTrail.send(new LookupEventsCommand({}))).Events?.map((e) => e.EventName)).toEqual([
      'CreateDatabase',
    ]);
  });

  it('keeps each Region and each account apart', async () => {
    appendEvent(cloud, { eventName: 'CreateDatabase', region: 'us-east-1' });
    appendEvent(cloud, { eventName: 'CreateTable', region: 'eu-west-1' });
    appendEvent(cloud, { eventName: 'DeleteTable', region: 'us-east-1', accountId: '111122223333' });
    const names = async (region: string, key = 'AKIALOCALTEST') =>
      (await clientsFor(cloud, region, key).cloudTrail.send(new LookupEventsCommand({}))).Events?.map(
        (e) => e.EventName,
      );
    expect(await names('us-east-1')).toEqual(['CreateDatabase']);
    expect(await names('eu-west-1')).toEqual(['CreateTable']);
    expect(await names('us-east-1', 'AKIA111122223333XX')).toEqual(['DeleteTable']);
    expect(await names('ap-southeast-2')).toEqual([]);
  });
});
