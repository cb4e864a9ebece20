import { CfnOutput, Duration, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { LakemirrorConfig } from '../../src/config/configSchema.ts';
import type { DeployedConfig } from '../constructs/deployedConfig.ts';
import { LakemirrorFunction, type LakemirrorFunctionProps } from '../constructs/lakemirrorFunction.ts';
import { OnDemandStateMachine } from '../constructs/onDemandStateMachine.ts';
import type { SnapshotAccess } from '../constructs/snapshotBucket.ts';
import { addStatements, directTargets, readRegions, statements } from '../iam.ts';

export interface OnDemandStackProps extends StackProps {
  config: LakemirrorConfig;
  deployedConfig: DeployedConfig;
  snapshots: SnapshotAccess;
}

/**
 * On-demand mode: the snapshot → apply → report state machine (start it by hand, or on the optional
 * schedule) and the verify function.
 */
export class OnDemandStack extends Stack {
  readonly stateMachine: OnDemandStateMachine;
  /** The roles to register as Lake Formation admins (write) and read-only admins in every target Region. */
  readonly targetAdminRoles: { admins: iam.IRole[]; readOnlyAdmins: iam.IRole[] };
  readonly functions: Record<
    'listDatabases' | 'snapshotShard' | 'applyShard' | 'report' | 'verify',
    LakemirrorFunction
  >;

  constructor(scope: Construct, id: string, props: OnDemandStackProps) {
    super(scope, id, props);
    const { config, snapshots } = props;
    const fn = (handler: string, description: string, extra: Partial<LakemirrorFunctionProps> = {}) => {
      const f = new LakemirrorFunction(this, handler, {
        handler,
        description: `lakemirror: ${description}`,
        logRetentionDays: config.deploy.logRetentionDays,
        environment: { CONFIG_URI: props.deployedConfig.uri },
        ...extra,
      });
      props.deployedConfig.grantRead(f.role);
      return f;
    };
    const long = { timeout: Duration.minutes(15), memorySize: 1536 };
    this.functions = {
      listDatabases: fn('listDatabases', 'lists the source databases of a run, or the shards of a restore'),
      snapshotShard: fn('snapshotShard', 'snapshots one database (or the catalog-level objects)', long),
      applyShard: fn('applyShard', 'applies one snapshot shard to one target Region', long),
      report: fn('report', 'aggregates the shard reports of a run'),
      verify: fn('verify', 'compares the targets with the source (drift)', long),
    };
    const f = this.functions;

    addStatements(f.listDatabases.role, statements.sourceGlueRead(config));
    snapshots.grantRead(f.listDatabases.role);

    addStatements(
      f.snapshotShard.role,
      statements.sourceGlueRead(config),
      statements.lakeFormationRead('LakeFormationReadSource', [config.source.region]),
    );
    snapshots.grantWrite(f.snapshotShard.role);
    snapshots.grantRead(f.snapshotShard.role);
    addStatements(f.snapshotShard.role, statements.snapshotSign(config));

    addStatements(
      f.applyShard.role,
      statements.targetGlueRead(config),
      statements.targetGlueWrite(config),
      statements.targetOptimizerPassRole(config),
      statements.lakeFormationRead(
        'LakeFormationReadTargets',
        directTargets(config).map((t) => t.region),
      ),
      statements.lakeFormationWrite(config),
      statements.assumeTargetRoles(config),
    );
    snapshots.grantRead(f.applyShard.role);
    snapshots.grantWrite(f.applyShard.role);
    // It verifies the shard it applies, and signs the safety snapshot it takes of the target first.
    addStatements(
      f.applyShard.role,
      statements.snapshotVerify(config),
      config.safetySnapshots ? statements.snapshotSign(config) : undefined,
    );

    snapshots.grantRead(f.report.role);
    snapshots.grantWrite(f.report.role);

    addStatements(
      f.verify.role,
      statements.sourceGlueRead(config),
      statements.targetGlueRead(config),
      statements.lakeFormationRead('LakeFormationRead', readRegions(config)),
      statements.assumeReadOnlyTargetRoles(config),
    );

    this.stateMachine = new OnDemandStateMachine(this, 'Job', {
      listDatabases: f.listDatabases.function,
      snapshotShard: f.snapshotShard.function,
      applyShard: f.applyShard.function,
      report: f.report.function,
      snapshots,
      maxConcurrency: config.deploy.onDemand.maxConcurrency,
      logRetentionDays: config.deploy.logRetentionDays,
    });
    if (config.deploy.onDemand.schedule) {
      new events.Rule(this, 'Schedule', {
        description: 'lakemirror: scheduled on-demand run (snapshot and apply)',
        schedule: events.Schedule.expression(config.deploy.onDemand.schedule),
        targets: [
          new targets.SfnStateMachine(this.stateMachine.stateMachine, {
            input: events.RuleTargetInput.fromObject({}),
          }),
        ],
      });
    }

    // Registered as target admins by the one LfAdmins of the real-time stack (one writer of the settings).
    this.targetAdminRoles = { admins: [f.applyShard.role], readOnlyAdmins: [f.verify.role] };
    // No lakemirror function may change the source's data lake settings: the operator registers these.
    new CfnOutput(this, 'SourceReadOnlyAdminRoles', {
      description: 'Register as read-only admins in the source Region (see README Safety)',
      value: Fn.join(',', [f.snapshotShard.role.roleArn, f.verify.role.roleArn]),
    });

    new CfnOutput(this, 'StateMachineArn', { value: this.stateMachine.stateMachine.stateMachineArn });
    new CfnOutput(this, 'VerifyFunctionName', { value: f.verify.function.functionName });
  }
}
