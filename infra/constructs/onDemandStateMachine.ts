import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { acknowledge, acknowledgeWildcards, iam5ResourceId } from '../nag.ts';
import type { SnapshotAccess } from './snapshotBucket.ts';

/** Task errors retried with backoff: Lambda throttling and the handlers' throttling codes. */
export const THROTTLING_ERRORS = ['Lambda.TooManyRequestsException', 'lakemirror.Throttled'];
/** Task errors retried a few times: transient AWS failures the handlers surface. */
export const TRANSIENT_ERRORS = ['lakemirror.Transient'];

export interface OnDemandStateMachineProps {
  listDatabases: lambda.IFunction;
  snapshotShard: lambda.IFunction;
  applyShard: lambda.IFunction;
  report: lambda.IFunction;
  /** The snapshot bucket and prefix (runs live under `<prefix>runs/`). */
  snapshots: SnapshotAccess;
  /** Databases snapshotted and applied at once. */
  maxConcurrency: number;
  logRetentionDays: number;
}

/**
 * plan run → (new run) snapshot the catalog-level shard and, in a Map, every database → write the
 * manifest → apply the catalog shard to every target → apply every (database × target) → report.
 * A `snapshotPrefix` in the input skips the snapshot and applies that older set (point-in-time restore).
 */
export class OnDemandStateMachine extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: OnDemandStateMachineProps) {
    super(scope, id);
    const invoke = (name: string, fn: lambda.IFunction, payload: Record<string, unknown>) => {
      const task = new tasks.LambdaInvoke(this, name, {
        lambdaFunction: fn,
        payload: sfn.TaskInput.fromObject(payload),
        payloadResponseOnly: true,
      });
      task.addRetry({
        errors: THROTTLING_ERRORS,
        interval: Duration.seconds(5),
        backoffRate: 2,
        maxAttempts: 8,
        maxDelay: Duration.minutes(2),
        jitterStrategy: sfn.JitterType.FULL,
      });
      task.addRetry({
        errors: TRANSIENT_ERRORS,
        interval: Duration.seconds(2),
        backoffRate: 2,
        maxAttempts: 3,
      });
      return task;
    };
    const at = sfn.JsonPath.stringAt;
    const run = {
      'runUri.$': '$.runUri',
      'bucket.$': '$.bucket',
      'manifestKey.$': '$.manifestKey',
      'dryRun.$': '$.dryRun',
      'targets.$': '$.targets',
    };

    const planRun = invoke('PlanRun', props.listDatabases, {
      executionName: at('$$.Execution.Name'),
      input: sfn.JsonPath.objectAt('$$.Execution.Input'),
    });

    const snapshotCatalog = invoke('SnapshotCatalog', props.snapshotShard, { runUri: at('$.runUri') });
    const snapshotDatabases = new sfn.Map(this, 'SnapshotDatabases', {
      itemsPath: '$.databases',
      maxConcurrency: props.maxConcurrency,
      itemSelector: { 'runUri.$': '$.runUri', 'database.$': '$$.Map.Item.Value' },
    }).itemProcessor(
      invoke('SnapshotDatabase', props.snapshotShard, { 'runUri.$': '$.runUri', 'database.$': '$.database' }),
    );
    const snapshot = new sfn.Parallel(this, 'Snapshot', { resultPath: '$.snapshots' })
      .branch(snapshotCatalog)
      .branch(snapshotDatabases);
    const collectShards = new sfn.Pass(this, 'CollectShards', {
      parameters: { ...run, 'catalogShard.$': '$.snapshots[0]', 'databaseShards.$': '$.snapshots[1]' },
    });

    const writeManifest = new tasks.CallAwsService(this, 'WriteManifest', {
      service: 's3',
      action: 'putObject',
      parameters: {
        Bucket: at('$.bucket'),
        Key: at('$.manifestKey'),
        Body: {
          'catalogShard.$': '$.catalogShard',
          'databaseShards.$': '$.databaseShards',
          'targets.$': '$.targets',
        },
        ServerSideEncryption: 'AES256',
      },
      iamResources: [props.snapshots.arnForObjects(`${props.snapshots.prefix}runs/*/manifest.json`)],
      iamAction: 's3:PutObject',
      resultPath: sfn.JsonPath.DISCARD,
    });

    const applyCatalog = new sfn.Map(this, 'ApplyCatalog', {
      itemsPath: '$.targets',
      itemSelector: {
        'runUri.$': '$.runUri',
        'dryRun.$': '$.dryRun',
        'shard.$': '$.catalogShard',
        'target.$': '$$.Map.Item.Value',
      },
      resultPath: sfn.JsonPath.DISCARD,
    }).itemProcessor(this.applyItem('CatalogShard', invoke, props.applyShard));

    const applyDatabases = new sfn.Map(this, 'ApplyDatabases', {
      itemsPath: '$.databaseShards',
      maxConcurrency: props.maxConcurrency,
      itemSelector: {
        'runUri.$': '$.runUri',
        'dryRun.$': '$.dryRun',
        'targets.$': '$.targets',
        'shard.$': '$$.Map.Item.Value',
      },
      resultPath: sfn.JsonPath.DISCARD,
    }).itemProcessor(
      new sfn.Map(this, 'ApplyDatabaseToTargets', {
        itemsPath: '$.targets',
        itemSelector: {
          'runUri.$': '$.runUri',
          'dryRun.$': '$.dryRun',
          'shard.$': '$.shard',
          'target.$': '$$.Map.Item.Value',
        },
      }).itemProcessor(this.applyItem('DatabaseShard', invoke, props.applyShard)),
    );

    const report = invoke('Report', props.report, { 'runUri.$': '$.runUri', 'dryRun.$': '$.dryRun' });
    const outcome = new sfn.Choice(this, 'Outcome')
      .when(
        sfn.Condition.stringEquals('$.status', 'failed'),
        new sfn.Fail(this, 'ShardsFailed', { error: 'lakemirror.ShardsFailed', cause: 'see the run report' }),
      )
      .otherwise(new sfn.Succeed(this, 'Done'));

    const apply = writeManifest.next(applyCatalog).next(applyDatabases).next(report).next(outcome);
    const definition = planRun.next(
      new sfn.Choice(this, 'RestoreOrSnapshot')
        .when(sfn.Condition.booleanEquals('$.restore', true), apply)
        .otherwise(snapshot.next(collectShards).next(writeManifest)),
    );

    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      definitionBody: sfn.DefinitionBody.fromChainable(definition),
      tracingEnabled: true,
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: true },
      timeout: Duration.hours(12),
    });
    const role = this.stateMachine.role;
    acknowledge(
      role,
      [
        'AwsSolutions-IAM5[Resource::*]',
        ...[props.listDatabases, props.snapshotShard, props.applyShard, props.report].map((fn) =>
          iam5ResourceId(this, `${fn.functionArn}:*`),
        ),
      ],
      "'*' only for CloudWatch Logs delivery and X-Ray, which have no resource-level permissions; '<function ARN>:*' lets the tasks invoke any version of the job's own functions (granted by LambdaInvoke).",
    );
    acknowledgeWildcards(
      role,
      [props.snapshots.arnForObjects(`${props.snapshots.prefix}runs/*/manifest.json`)],
      'The manifest of any run of this job: one object per run, named by the execution.',
    );
  }

  /** One apply task; a failure is caught so the other shards go on (the report counts it). */
  private applyItem(
    name: string,
    invoke: (name: string, fn: lambda.IFunction, payload: Record<string, unknown>) => tasks.LambdaInvoke,
    fn: lambda.IFunction,
  ): sfn.IChainable {
    const task = invoke(`Apply${name}`, fn, {
      'runUri.$': '$.runUri',
      'dryRun.$': '$.dryRun',
      'shard.$': '$.shard',
      'target.$': '$.target',
    });
    return task.addCatch(new sfn.Pass(this, `${name}Failed`), { resultPath: '$.error' });
  }
}
