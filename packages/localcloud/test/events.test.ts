import {
  DescribeRuleCommand,
  DisableRuleCommand,
  EnableRuleCommand,
  EventBridgeClient,
  ListRulesCommand,
  PutRuleCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud } from '../../../test/support/localCloud.ts';
import { DEFAULT_ACCOUNT_ID } from '../src/accounts.ts';
import type { LocalCloud } from '../src/server.ts';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const ACCOUNT = DEFAULT_ACCOUNT_ID;

describe('EventBridge rules', () => {
  let cloud: LocalCloud;
  let events: EventBridgeClient;
  beforeAll(async () => {
    cloud = await startTestCloud();
    events = new EventBridgeClient({ region: 'us-east-1', endpoint: cloud.endpoint, credentials });
  });
  afterAll(async () => {
    events.destroy();
    await cloud.stop();
  });

  it('creates, describes, disables and enables a schedule rule; disabling twice is no error', async () => {
    const put = await events.send(
      new PutRuleCommand({
        Name: 'lm-collect',
        ScheduleExpression: 'rate(1 minute)',
        Description: 'collect',
      }),
    );
    expect(put.RuleArn).toBe(`arn:aws:events:us-east-1:${ACCOUNT}:rule/lm-collect`);
    const described = await events.send(new DescribeRuleCommand({ Name: 'lm-collect' }));
    expect(described).toMatchObject({ State: 'ENABLED', ScheduleExpression: 'rate(1 minute)' });
    await events.send(new DisableRuleCommand({ Name: 'lm-collect' }));
    await events.send(new DisableRuleCommand({ Name: 'lm-collect' }));
    expect((await events.send(new DescribeRuleCommand({ Name: 'lm-collect' }))).State).toBe('DISABLED');
    await events.send(new EnableRuleCommand({ Name: 'lm-collect' }));
    expect((await events.send(new DescribeRuleCommand({ Name: 'lm-collect' }))).State).toBe('ENABLED');
    // Another Region has rules of its own.
    const west = new EventBridgeClient({ region: 'us-west-2', endpoint: cloud.endpoint, credentials });
    await expect(west.send(new DescribeRuleCommand({ Name: 'lm-collect' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Rule lm-collect does not exist on EventBus default.',
    });
    west.destroy();
  });

  it('refuses what the service refuses: missing rule, no schedule nor pattern, bad name, bad pattern, other bus', async () => {
    await expect(events.send(new DisableRuleCommand({ Name: 'nope' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    await expect(events.send(new PutRuleCommand({ Name: 'empty' }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Parameter(s) ScheduleExpression or EventPattern must be specified.',
    });
    await expect(
      events.send(new PutRuleCommand({ Name: 'bad name', ScheduleExpression: 'rate(1 minute)' })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(
      events.send(new PutRuleCommand({ Name: 'x'.repeat(65), ScheduleExpression: 'rate(1 minute)' })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(
      events.send(new PutRuleCommand({ Name: 'pattern', EventPattern: '[1]' })),
    ).rejects.toMatchObject({ name: 'InvalidEventPatternException' });
    await expect(
      events.send(new DescribeRuleCommand({ Name: 'lm-collect', EventBusName: 'custom' })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Event bus custom does not exist.',
    });
  });

  it('lists rules by name prefix, a page at a time', async () => {
    for (const n of ['a', 'b', 'c'])
      await events.send(
        new PutRuleCommand({ Name: `page-${n}`, EventPattern: JSON.stringify({ source: ['aws.glue'] }) }),
      );
    const first = await events.send(new ListRulesCommand({ NamePrefix: 'page-', Limit: 2 }));
    expect(first.Rules?.map((r) => r.Name)).toEqual(['page-a', 'page-b']);
    const second = await events.send(
      new ListRulesCommand({ NamePrefix: 'page-', Limit: 2, NextToken: first.NextToken }),
    );
    expect(second.Rules?.map((r) => r.Name)).toEqual(['page-c']);
    expect(second.NextToken).toBeUndefined();
    await expect(events.send(new ListRulesCommand({ Limit: 101 }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });
});
