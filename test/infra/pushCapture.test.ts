import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { policyStatements, type SynthesizedApp, synthesize } from './support/lakemirrorApp.ts';

let push: SynthesizedApp;
let lookup: SynthesizedApp;
beforeAll(() => {
  const demo = JSON.parse(readFileSync('config/demo.json', 'utf8'));
  const file = join(mkdtempSync(join(tmpdir(), 'lakemirror-push-')), 'push.json');
  writeFileSync(file, JSON.stringify({ ...demo, realtime: { ...demo.realtime, capture: 'push' } }));
  push = synthesize(file);
  lookup = synthesize('config/demo.json');
});

describe('realtime stack with capture "push"', () => {
  it('has the rules, the queue with its dead-letter queue, the stager and its trigger', () => {
    const t = push.templates.realtime;
    t.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({
        source: ['aws.glue', 'aws.lakeformation'],
        'detail-type': ['AWS API Call via CloudTrail'],
        detail: Match.objectLike({ eventName: Match.arrayWith(['UpdateTable', 'GrantPermissions']) }),
      }),
      Targets: [Match.objectLike({ Arn: Match.anyValue() })],
    });
    t.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.glue'],
        'detail-type': ['Glue Data Catalog Database State Change', 'Glue Data Catalog Table State Change'],
      },
    });
    // EventBridge's default quota on an event pattern is 2,048 characters (adjustable to 4,096).
    const patterns = Object.values(t.findResources('AWS::Events::Rule'))
      .filter((rule) => rule.Properties.EventPattern)
      .map((rule) => JSON.stringify(rule.Properties.EventPattern));
    for (const pattern of patterns) expect(pattern.length).toBeLessThanOrEqual(2048);
    expect(patterns.some((pattern) => pattern.includes('"CreateCatalog"'))).toBe(true);
    t.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'lakemirror-push',
      RedrivePolicy: Match.objectLike({ maxReceiveCount: 3 }),
    });
    t.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'lakemirror-push-dlq' });
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    t.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('stages pushed'),
      Environment: { Variables: Match.objectLike({ REPLAYER_FUNCTION: Match.anyValue() }) },
    });
    t.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('reconciles'),
      ReservedConcurrentExecutions: 1,
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateAgeOfOldestMessage' });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: Match.stringLikeRegexp('poison'),
      MetricName: 'ApproximateNumberOfMessagesVisible',
    });
  });

  it('grants no `*` action, and the stager only puts items into the event table', () => {
    const statements = policyStatements(push.templates.realtime);
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions.filter((a) => typeof a === 'string' && a.includes('*'))).toEqual([]);
    const stagerPuts = statements.filter((s) => JSON.stringify(s.Action) === '"dynamodb:PutItem"');
    expect(stagerPuts.length).toBeGreaterThanOrEqual(1);
  });

  it('passes cdk-nag AwsSolutions with no unacknowledged finding', () => {
    const stack = push.stacks.realtime;
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(
      report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath)}`),
    ).toEqual([]);
    expect(Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual(
      [],
    );
  });

  it('deploys none of it with the default capture "lookup"', () => {
    expect(Object.keys(lookup.templates.realtime.findResources('AWS::Lambda::EventSourceMapping'))).toEqual(
      [],
    );
  });
});
