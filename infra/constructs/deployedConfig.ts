import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { LakemirrorConfig } from '../../src/config/configSchema.ts';
import type { SnapshotAccess } from './snapshotBucket.ts';

export interface DeployedConfigProps {
  snapshots: SnapshotAccess;
  /** The config the functions run with (see `deployedConfig`). */
  config: LakemirrorConfig;
  logRetentionDays: number;
}

/**
 * The one copy of the config the functions read: a JSON object in the (encrypted, versioned)
 * snapshot bucket, written at deploy time. Every Region the functions touch comes from it.
 */
export class DeployedConfig extends Construct {
  readonly key: string;
  readonly uri: string;
  private readonly snapshots: SnapshotAccess;

  constructor(scope: Construct, id: string, props: DeployedConfigProps) {
    super(scope, id);
    this.snapshots = props.snapshots;
    this.key = `${props.snapshots.prefix}config/lakemirror.json`;
    this.uri = `s3://${props.snapshots.bucketName}/${this.key}`;
    const objectArn = props.snapshots.arnForObjects(this.key);
    const put: cr.AwsSdkCall = {
      service: 's3',
      action: 'PutObject',
      parameters: {
        Bucket: props.snapshots.bucketName,
        Key: this.key,
        Body: JSON.stringify(props.config),
        ContentType: 'application/json',
        ServerSideEncryption: 'AES256',
      },
      physicalResourceId: cr.PhysicalResourceId.of(this.uri),
    };
    const role = new iam.Role(this, 'WriterRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'lakemirror: writes the deployed config object',
    });
    const logGroup = new logs.LogGroup(this, 'WriterLogs', {
      retention: props.logRetentionDays as logs.RetentionDays,
    });
    logGroup.grantWrite(role);
    new cr.AwsCustomResource(this, 'Writer', {
      onCreate: put,
      onUpdate: put,
      role,
      logGroup,
      installLatestAwsSdk: false,
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [objectArn] }),
      ]),
    });
  }

  /** Read the config object (and nothing else in the bucket). */
  grantRead(grantee: iam.IRole): void {
    grantee.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ConfigRead',
        actions: ['s3:GetObject'],
        resources: [this.snapshots.arnForObjects(this.key)],
      }),
    );
  }
}
