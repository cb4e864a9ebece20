import { Annotations, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { LakemirrorConfig } from '../../src/config/configSchema.ts';
import { DeployedConfig } from '../constructs/deployedConfig.ts';
import { SnapshotBucket } from '../constructs/snapshotBucket.ts';
import { deployedConfig, droppedForDeploy, snapshotLocation } from '../deployConfig.ts';

export interface SharedStackProps extends StackProps {
  config: LakemirrorConfig;
}

/** What both modes share: the snapshot bucket and the deployed config object in it. */
export class SharedStack extends Stack {
  readonly snapshots: SnapshotBucket;
  readonly deployedConfig: DeployedConfig;

  constructor(scope: Construct, id: string, props: SharedStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.snapshots = new SnapshotBucket(this, 'Snapshots', snapshotLocation(config));
    this.deployedConfig = new DeployedConfig(this, 'Config', {
      snapshots: this.snapshots,
      config: deployedConfig(config, this.snapshots.uri),
      logRetentionDays: config.deploy.logRetentionDays,
    });
    const dropped = droppedForDeploy(config);
    if (dropped.length > 0) {
      Annotations.of(this).addInfo(`not deployed (local only): ${dropped.join(', ')}`);
    }
    new CfnOutput(this, 'SnapshotBucketName', { value: this.snapshots.bucket.bucketName });
    new CfnOutput(this, 'SnapshotsUri', { value: this.snapshots.uri });
    new CfnOutput(this, 'ConfigUri', { value: this.deployedConfig.uri });
  }
}
