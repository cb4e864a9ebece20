import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Namespace and service dimension of the metrics the handlers emit (Powertools, EMF). */
export const METRIC_NAMESPACE = 'lakemirror';
export const METRIC_DIMENSIONS = { service: 'lakemirror' };

export interface RealtimeAlarmsProps {
  collector: lambda.IFunction;
  replayer: lambda.IFunction;
  deadLetters: sqs.IQueue;
  /** Lag above this (the drill RPO) alarms. */
  maxLagSeconds: number;
  /** Watermark age above this alarms: a reconcile cycle twice over plus the overlap, or the RPO if larger. */
  maxWatermarkAgeSeconds: number;
  alarmTopicArn?: string;
}

/**
 * The watermark trails by up to two reconcile cycles (it is the start of the last complete one) plus the
 * overlap in normal operation; past that, or past the RPO if larger, something holds it back.
 */
export function watermarkAlarmSeconds(config: {
  realtime: { overlapMinutes: number; reconcile: { everyMinutes: number } };
  drill: { maxRpoMinutes: number };
}): number {
  const normal = 2 * config.realtime.reconcile.everyMinutes + config.realtime.overlapMinutes;
  return Math.round(Math.max(normal, config.drill.maxRpoMinutes) * 60);
}

const metric = (metricName: string, statistic: string) =>
  new cloudwatch.Metric({
    namespace: METRIC_NAMESPACE,
    metricName,
    dimensionsMap: METRIC_DIMENSIONS,
    statistic,
    period: Duration.minutes(5),
  });

/**
 * What tells an operator that the DR copy is falling behind: failed events, lag over the RPO, a
 * collector that stopped reporting, function errors and failed async invocations.
 */
export class RealtimeAlarms extends Construct {
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: RealtimeAlarmsProps) {
    super(scope, id);
    const add = (name: string, alarm: cloudwatch.AlarmProps) =>
      this.alarms.push(new cloudwatch.Alarm(this, name, alarm));
    add('EventsFailed', {
      alarmDescription: 'Replayed events failed after every attempt (see the event table, status=failed)',
      metric: metric('EventsFailed', 'Sum'),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    add('ReplicationLag', {
      alarmDescription: `Replication lag above the RPO (${props.maxLagSeconds} s)`,
      metric: metric('ReplicationLagSeconds', 'Maximum'),
      threshold: props.maxLagSeconds,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 2,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    add('WatermarkAge', {
      alarmDescription: `The replicated-through time is more than ${props.maxWatermarkAgeSeconds} s old: changes before it may be missing in a target (lakemirror status shows what holds it)`,
      metric: metric('WatermarkAgeSeconds', 'Maximum'),
      threshold: props.maxWatermarkAgeSeconds,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 2,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    add('CollectorSilent', {
      alarmDescription: 'The collector has not reported for 15 minutes: nothing is being replicated',
      metric: metric('EventsCollected', 'SampleCount'),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 3,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
    for (const [name, fn] of [
      ['CollectorErrors', props.collector],
      ['ReplayerErrors', props.replayer],
    ] as const) {
      add(name, {
        alarmDescription: `${name.replace('Errors', '')} invocations failed`,
        metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    }
    add('DeadLetters', {
      alarmDescription: 'Async invocations failed for good and were sent to the dead-letter queue',
      metric: props.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    if (props.alarmTopicArn) {
      const topic = sns.Topic.fromTopicArn(this, 'Topic', props.alarmTopicArn);
      for (const alarm of this.alarms) alarm.addAlarmAction(new actions.SnsAction(topic));
    }
  }
}
