import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { REPLICATED_EVENT_NAMES } from '../../src/realtime/events/parseCloudTrailEvent.ts';
import { MAX_RECEIVE_COUNT } from '../../src/realtime/push/ensurePushQueue.ts';
import { API_CALL, DATABASE_STATE_CHANGE, TABLE_STATE_CHANGE } from '../../src/realtime/push/pushEvent.ts';
import { LakemirrorFunction, type LakemirrorFunctionProps } from './lakemirrorFunction.ts';

export interface PushCaptureProps {
  queueName: string;
  /** Names of the two rules (API calls, state changes), which failover finds them by. */
  ruleNames: { apiCalls: string; stateChanges: string };
  logRetentionDays: LakemirrorFunctionProps['logRetentionDays'];
  replayer: lambda.IFunction;
  environment: Record<string, string>;
  /** Queue age (seconds) above which the stager is falling behind. */
  maxQueueAgeSeconds: number;
}

const STAGER_TIMEOUT = Duration.minutes(1);

/**
 * Push capture in the source Region: EventBridge rules for the mutating Glue and Lake Formation API calls
 * (CloudTrail's management events) and Glue's state-change events → an SQS queue with a dead-letter queue
 * → the stager function, which stages them and invokes the replayer at once.
 */
export class PushCapture extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetters: sqs.Queue;
  readonly stager: LakemirrorFunction;
  readonly alarms: cloudwatch.Alarm[] = [];
  /** The EventBridge rules feeding the queue (failover disables them). */
  readonly rules: events.Rule[] = [];

  constructor(scope: Construct, id: string, props: PushCaptureProps) {
    super(scope, id);
    const secure = { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true };
    this.deadLetters = new sqs.Queue(this, 'DeadLetters', {
      ...secure,
      queueName: `${props.queueName}-dlq`,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      ...secure,
      queueName: props.queueName,
      // Lambda's guidance: at least six times the function timeout.
      visibilityTimeout: Duration.minutes(6),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
    const target = new targets.SqsQueue(this.queue, { deadLetterQueue: this.deadLetters });
    const apiCalls = new events.Rule(this, 'ApiCalls', {
      ruleName: props.ruleNames.apiCalls,
      description: 'lakemirror: mutating Glue and Lake Formation API calls (CloudTrail) to the push queue',
      eventPattern: {
        source: ['aws.glue', 'aws.lakeformation'],
        detailType: [API_CALL],
        detail: { eventName: [...REPLICATED_EVENT_NAMES], errorCode: [{ exists: false }] },
      },
      targets: [target],
    });
    const stateChanges = new events.Rule(this, 'StateChanges', {
      ruleName: props.ruleNames.stateChanges,
      description: 'lakemirror: Glue Data Catalog database and table state changes to the push queue',
      eventPattern: { source: ['aws.glue'], detailType: [DATABASE_STATE_CHANGE, TABLE_STATE_CHANGE] },
      targets: [target],
    });
    this.rules.push(apiCalls, stateChanges);

    this.stager = new LakemirrorFunction(this, 'Stager', {
      handler: 'stager',
      description: 'lakemirror: stages pushed Glue/Lake Formation events and starts the replayer',
      logRetentionDays: props.logRetentionDays,
      timeout: STAGER_TIMEOUT,
      environment: { ...props.environment, REPLAYER_FUNCTION: props.replayer.functionName },
    });
    this.stager.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(1),
        reportBatchItemFailures: true,
      }),
    );
    props.replayer.grantInvoke(this.stager.role);

    const alarm = (name: string, description: string, metric: cloudwatch.IMetric, threshold: number) =>
      this.alarms.push(
        new cloudwatch.Alarm(this, name, {
          alarmDescription: description,
          metric,
          threshold,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      );
    alarm(
      'PushDeadLetters',
      'Pushed events the stager could not stage (poison) are in the dead-letter queue',
      this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      0,
    );
    alarm(
      'PushQueueAge',
      `The oldest pushed event waits more than ${props.maxQueueAgeSeconds} s: the stager is behind`,
      this.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1), statistic: 'Maximum' }),
      props.maxQueueAgeSeconds,
    );
  }
}
