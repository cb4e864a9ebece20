import { Annotations, Aws, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { LakemirrorConfig } from '../../src/config/configSchema.ts';
import { DeployedConfig } from '../constructs/deployedConfig.ts';
import { SnapshotAccess, SnapshotBucket } from '../constructs/snapshotBucket.ts';
import { deployedConfig, droppedForDeploy, snapshotLocation } from '../deployConfig.ts';

export interface SharedStackProps extends StackProps {
  config: LakemirrorConfig;
  /** Lowercase prefix of generated names (the generated bucket name). */
  namePrefix: string;
}

/** What both modes share: the snapshot bucket and the deployed config object in it. */
export class SharedStack extends Stack {
  readonly snapshots: SnapshotAccess;
  readonly deployedConfig: DeployedConfig;

  constructor(scope: Construct, id: string, props: SharedStackProps) {
    super(scope, id, props);
    const { config } = props;
    const location = snapshotLocation(config);
    this.snapshots = new SnapshotAccess(
      location.bucketName ?? `${props.namePrefix}-snapshots-${Aws.ACCOUNT_ID}-${config.source.region}`,
      location.prefix,
    );
    new SnapshotBucket(this, 'Snapshots', { access: this.snapshots });
    this.deployedConfig = new DeployedConfig(this, 'Config', {
      snapshots: this.snapshots,
      config: deployedConfig(config, this.snapshots.uri),
      logRetentionDays: config.deploy.logRetentionDays,
    });
    const dropped = droppedForDeploy(config);
    if (dropped.length > 0) {
      Annotations.of(this).addInfo(`not deployed (local only): ${dropped.join(', ')}`);
    }
    new CfnOutput(this, 'SnapshotBucketName', { value: this.snapshots.bucketName });
    new CfnOutput(this, 'SnapshotsUri', { value: this.snapshots.uri });
    new CfnOutput(this, 'ConfigUri', { value: this.deployedConfig.uri });
  }
}
