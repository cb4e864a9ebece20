import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { LakemirrorConfig } from '../../src/config/configSchema.ts';
import { deployedRuleName } from '../../src/realtime/deployedRules.ts';
import type { DeployedConfig } from '../constructs/deployedConfig.ts';
import { EVENT_TABLE_ACTIONS, EventTable } from '../constructs/eventTable.ts';
import { LakemirrorFunction } from '../constructs/lakemirrorFunction.ts';
import { LfAdmins } from '../constructs/lfAdmins.ts';
import { PushCapture } from '../constructs/pushCapture.ts';
import { RealtimeAlarms, watermarkAlarmSeconds } from '../constructs/realtimeAlarms.ts';
import { addStatements, directTargets, FAILOVER_RULE_ACTIONS, readRegions, statements } from '../iam.ts';
import { acknowledge, iam5ResourceId } from '../nag.ts';

export interface RealtimeStackProps extends StackProps {
  config: LakemirrorConfig;
  deployedConfig: DeployedConfig;
  /** The on-demand stack's roles, registered in the targets by this stack's one settings update. */
  onDemandAdminRoles?: { admins: iam.IRole[]; readOnlyAdmins: iam.IRole[] };
}

/**
 * Near-real-time mode: a scheduled collector stages CloudTrail events in the event table and, on
 * success, triggers the replayer, which also runs on its own schedule as a safety net.
 */
export class RealtimeStack extends Stack {
  readonly eventTable: EventTable;
  readonly collector: LakemirrorFunction;
  readonly replayer: LakemirrorFunction;

  constructor(scope: Construct, id: string, props: RealtimeStackProps) {
    super(scope, id, props);
    const { config } = props;
    const retention = config.deploy.logRetentionDays;
    const environment = { CONFIG_URI: props.deployedConfig.uri };
    this.eventTable = new EventTable(this, 'Events', { tableName: config.realtime.eventTable });

    const deadLetters = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      deadLetters,
      ['AwsSolutions-SQS3'],
      'This queue is the on-failure destination of the async invocations; a dead-letter queue of it would add nothing.',
    );

    this.replayer = new LakemirrorFunction(this, 'Replayer', {
      handler: 'replayer',
      description: 'lakemirror: reconciles the objects touched by pending events in every target Region',
      logRetentionDays: retention,
      timeout: Duration.minutes(10),
      memorySize: 1024,
      environment,
    });
    this.replayer.function.configureAsyncInvoke({
      onFailure: new destinations.SqsDestination(deadLetters),
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
    });
    this.collector = new LakemirrorFunction(this, 'Collector', {
      handler: 'collector',
      description: 'lakemirror: stages CloudTrail Glue/Lake Formation events of the source Region',
      logRetentionDays: retention,
      timeout: Duration.minutes(2),
      environment,
    });
    this.collector.function.configureAsyncInvoke({
      onSuccess: new destinations.LambdaDestination(this.replayer.function),
      onFailure: new destinations.SqsDestination(deadLetters),
      retryAttempts: 0,
      maxEventAge: Duration.minutes(5),
    });

    acknowledge(
      this.collector.role,
      [iam5ResourceId(this, `${this.replayer.function.functionArn}:*`)],
      "The success destination may invoke any version of the replayer ('<replayer ARN>:*'), granted by the destination.",
    );
    for (const fn of [this.collector, this.replayer]) props.deployedConfig.grantRead(fn.role);
    addStatements(this.collector.role, statements.cloudTrailLookup(config));
    this.eventTable.grant(this.collector.role, EVENT_TABLE_ACTIONS.collector);
    this.eventTable.grant(this.replayer.role, EVENT_TABLE_ACTIONS.replayer);
    addStatements(
      this.replayer.role,
      statements.sourceGlueRead(config),
      statements.targetGlueRead(config),
      statements.targetGlueWrite(config),
      statements.targetOptimizerPassRole(config),
      statements.lakeFormationRead('LakeFormationRead', readRegions(config)),
      statements.lakeFormationWrite(config),
      statements.assumeTargetRoles(config),
    );

    const pushRules = config.realtime.capture === 'push' ? this.addPushCapture(props, environment) : [];

    const ruleName = (role: Parameters<typeof deployedRuleName>[1]) =>
      deployedRuleName(config.realtime.eventTable, role);
    const collectSchedule = new events.Rule(this, 'CollectSchedule', {
      ruleName: ruleName('collect schedule'),
      description: 'lakemirror: run the collector',
      schedule: events.Schedule.expression(config.deploy.realtime.collectSchedule),
      targets: [new targets.LambdaFunction(this.collector.function, { retryAttempts: 0 })],
    });
    const replaySchedule = new events.Rule(this, 'ReplaySchedule', {
      ruleName: ruleName('replay schedule'),
      description: 'lakemirror: run the replayer (safety net; the collector also triggers it)',
      schedule: events.Schedule.expression(config.deploy.realtime.replaySchedule),
      targets: [new targets.LambdaFunction(this.replayer.function, { retryAttempts: 0 })],
    });
    this.addFailoverPolicy([collectSchedule, replaySchedule, ...pushRules]);

    new RealtimeAlarms(this, 'Alarms', {
      collector: this.collector.function,
      replayer: this.replayer.function,
      deadLetters,
      maxLagSeconds: Math.round(config.drill.maxRpoMinutes * 60),
      maxWatermarkAgeSeconds: watermarkAlarmSeconds(config),
      ...(config.deploy.alarmTopicArn ? { alarmTopicArn: config.deploy.alarmTopicArn } : {}),
    });

    // The one update of the target Regions' admin lists, for both stacks' roles: two stacks each doing a
    // read-modify-write of the same settings could race. Never the source Region (see README Safety).
    const onDemandRoles = props.onDemandAdminRoles ?? { admins: [], readOnlyAdmins: [] };
    new LfAdmins(this, 'LakeFormationAdmins', {
      logRetentionDays: retention,
      registrations: directTargets(config)
        .filter((t) => t.region !== config.source.region)
        .map((t) => ({
          region: t.region,
          admins: [this.replayer.role, ...onDemandRoles.admins],
          readOnlyAdmins: onDemandRoles.readOnlyAdmins,
        })),
    });
    new CfnOutput(this, 'SourceReadOnlyAdminRoles', {
      description: 'Register as read-only admins in the source Region (see README Safety)',
      value: this.replayer.role.roleArn,
    });
  }

  /**
   * realtime.capture "push": the rule → queue → stager path, and one replayer at a time (reserved concurrency
   * 1: Lambda queues the stager's async invocations instead of running replayers side by side).
   */
  private addPushCapture(props: RealtimeStackProps, environment: Record<string, string>): events.Rule[] {
    const { config } = props;
    const push = new PushCapture(this, 'Push', {
      queueName: config.realtime.pushQueue,
      ruleNames: {
        apiCalls: deployedRuleName(config.realtime.eventTable, 'push API calls'),
        stateChanges: deployedRuleName(config.realtime.eventTable, 'push state changes'),
      },
      logRetentionDays: config.deploy.logRetentionDays,
      replayer: this.replayer.function,
      environment,
      maxQueueAgeSeconds: 300,
    });
    props.deployedConfig.grantRead(push.stager.role);
    this.eventTable.grant(push.stager.role, EVENT_TABLE_ACTIONS.stager);
    (this.replayer.function.node.defaultChild as lambda.CfnFunction).reservedConcurrentExecutions = 1;
    acknowledge(
      push.stager.role,
      [iam5ResourceId(this, `${this.replayer.function.functionArn}:*`)],
      "grantInvoke allows any version of the replayer ('<replayer ARN>:*'); the stager invokes the unqualified name.",
    );
    if (config.deploy.alarmTopicArn) {
      const topic = sns.Topic.fromTopicArn(this, 'PushAlarmTopic', config.deploy.alarmTopicArn);
      for (const alarm of push.alarms) alarm.addAlarmAction(new actions.SnsAction(topic));
    }
    return push.rules;
  }

  /**
   * What `lakemirror failover` needs to stop this stack's capture, for the role that runs it: DescribeRule and
   * DisableRule on exactly this stack's rules (by ARN), nothing else. Attach it to the operator's role.
   */
  private addFailoverPolicy(rules: events.Rule[]): void {
    const policy = new iam.ManagedPolicy(this, 'FailoverPolicy', {
      description: 'lakemirror failover: disable the real-time schedules and push rules of this deployment',
      statements: [
        new iam.PolicyStatement({
          sid: 'StopDeployedCapture',
          actions: FAILOVER_RULE_ACTIONS,
          resources: rules.map((rule) => rule.ruleArn),
        }),
      ],
    });
    new CfnOutput(this, 'FailoverPolicyArn', {
      description: 'Attach to the role that runs `lakemirror failover` (it disables these rules)',
      value: policy.managedPolicyArn,
    });
  }
}
