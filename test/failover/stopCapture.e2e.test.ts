import {
  DescribeRuleCommand,
  EventBridgeClient,
  PutRuleCommand,
  type RuleState,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../src/aws/clientFactory.ts';
import { runFailover } from '../../src/failover/runFailover.ts';
import { deployedRules } from '../../src/realtime/deployedRules.ts';
import { type RealtimeLake, SOURCE, startRealtimeLake, TARGET } from '../realtime/support/realtimeLake.ts';
import { readAuditLines } from '../support/audit.ts';
import { callsIn } from '../support/localCloud.ts';
import { reversedPath } from './support.ts';

/** The rules as the CDK app deploys them: schedules for collector and replayer, the two push rules. */
async function deployRules(events: EventBridgeClient, eventTable: string): Promise<string[]> {
  const [collect, replay, apiCalls, stateChanges] = deployedRules(eventTable);
  await events.send(new PutRuleCommand({ Name: collect!.name, ScheduleExpression: 'rate(1 minute)' }));
  await events.send(new PutRuleCommand({ Name: replay!.name, ScheduleExpression: 'rate(5 minutes)' }));
  const pattern = (detailType: string[]) =>
    JSON.stringify({ source: ['aws.glue'], 'detail-type': detailType });
  await events.send(
    new PutRuleCommand({ Name: apiCalls!.name, EventPattern: pattern(['AWS API Call via CloudTrail']) }),
  );
  await events.send(
    new PutRuleCommand({
      Name: stateChanges!.name,
      EventPattern: pattern(['Glue Data Catalog Table State Change']),
    }),
  );
  return [collect!, replay!, apiCalls!, stateChanges!].map((r) => r.name);
}

const stateOf = async (events: EventBridgeClient, name: string): Promise<RuleState | undefined> =>
  (await events.send(new DescribeRuleCommand({ Name: name }))).State;

describe('failover stops the deployed real-time capture', () => {
  let lake: RealtimeLake;
  let events: EventBridgeClient;
  beforeAll(async () => {
    lake = await startRealtimeLake();
    events = new EventBridgeClient({
      region: SOURCE,
      endpoint: lake.cloud.endpoint,
      credentials: LOCAL_CREDENTIALS,
    });
  });
  afterAll(async () => {
    events.destroy();
    await lake.stop();
  });

  it('disables the deployed schedules and push rules, audits each, and a rerun changes nothing', async () => {
    const config = await lake.freshConfig();
    const rules = await deployRules(events, config.realtime.eventTable);
    await events.send(new PutRuleCommand({ Name: 'another-team-rule', ScheduleExpression: 'rate(1 hour)' }));

    const report = await runFailover(lake.runtime(config), {
      to: TARGET,
      mode: 'soft',
      reversedConfigPath: reversedPath(),
    });

    const step = report.steps.find((s) => s.name === 'stop-capture');
    expect(step).toMatchObject({ status: 'done', detail: expect.stringContaining('4 rules disabled') });
    for (const name of rules) expect(await stateOf(events, name)).toBe('DISABLED');
    expect(await stateOf(events, 'another-team-rule')).toBe('ENABLED');
    const audited = (await readAuditLines(config.audit!.uri)).filter((r) => r.operation === 'DisableRule');
    expect(audited.map((r) => r.object).sort()).toEqual(
      rules.map((name) => `events:${SOURCE}:rule/${name}`).sort(),
    );
    expect(audited.every((r) => r.runId === report.runId && r.result === 'ok')).toBe(true);

    lake.cloud.stats.reset();
    const rerun = await runFailover(lake.runtime(config), {
      to: TARGET,
      mode: 'soft',
      reversedConfigPath: reversedPath(),
    });
    const again = rerun.steps.find((s) => s.name === 'stop-capture');
    expect(again?.detail).toContain('already disabled');
    const calls = callsIn(lake.cloud, SOURCE);
    expect(calls['events:DescribeRule']).toBe(4);
    expect(calls['events:DisableRule']).toBeUndefined();
    for (const name of rules) expect(await stateOf(events, name)).toBe('DISABLED');
  });

  it('says so, and calls only DescribeRule, when no stack is deployed', async () => {
    const config = await lake.freshConfig();
    lake.cloud.stats.reset();
    const report = await runFailover(lake.runtime(config), {
      to: TARGET,
      mode: 'soft',
      reversedConfigPath: reversedPath(),
    });
    expect(report.steps.find((s) => s.name === 'stop-capture')?.detail).toMatch(
      new RegExp(
        `^no deployed real-time stack in ${SOURCE} \\(no rule named ${config.realtime.eventTable}-collect, .*\\): nothing to stop$`,
      ),
    );
    const calls = callsIn(lake.cloud, SOURCE);
    expect(calls['events:DescribeRule']).toBe(4);
    expect(calls['events:DisableRule']).toBeUndefined();
  });

  it('--dry-run plans the step and calls nothing', async () => {
    const config = await lake.freshConfig();
    const rules = await deployRules(events, config.realtime.eventTable);
    lake.cloud.stats.reset();
    const report = await runFailover(lake.runtime(config), {
      to: TARGET,
      mode: 'soft',
      reversedConfigPath: reversedPath(),
      dryRun: true,
    });
    expect(report.steps.find((s) => s.name === 'stop-capture')).toMatchObject({ status: 'planned' });
    expect(Object.keys(callsIn(lake.cloud, SOURCE)).filter((op) => op.startsWith('events:'))).toEqual([]);
    for (const name of rules) expect(await stateOf(events, name)).toBe('ENABLED');
  });
});
