import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge, acknowledgeWildcards } from '../nag.ts';

export interface SnapshotBucketProps {
  access: SnapshotAccess;
  /** Days a replaced or deleted snapshot object version is kept. */
  noncurrentVersionDays?: number;
}

/**
 * The snapshot bucket as the other stacks see it: a name known at synth time (from the config, or
 * `<prefix>-snapshots-<account>-<Region>`), so grants are plain ARNs rather than cross-stack imports.
 */
export class SnapshotAccess {
  constructor(
    readonly bucketName: string,
    /** Key prefix of snapshots and runs, ending in `/`. */
    readonly prefix: string,
  ) {}

  get bucketArn(): string {
    return `arn:${Aws.PARTITION}:s3:::${this.bucketName}`;
  }

  arnForObjects(keyPattern: string): string {
    return `${this.bucketArn}/${keyPattern}`;
  }

  /** `s3://bucket/prefix/`, the deployed `snapshots.uri`. */
  get uri(): string {
    return `s3://${this.bucketName}/${this.prefix}`;
  }

  private acknowledgePrefix(grantee: iam.IRole): void {
    acknowledgeWildcards(
      grantee,
      [this.arnForObjects(`${this.prefix}*`)],
      'Objects under the snapshot prefix only (snapshots, run manifests, shard reports, the config): their names are made per run.',
    );
  }

  /**
   * Read snapshots, manifests and reports: GetObject under the prefix, ListBucket limited to it, and
   * GetObjectVersion because the bucket is versioned and every read of one snapshot is pinned to its VersionId.
   */
  grantRead(grantee: iam.IRole): void {
    grantee.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'SnapshotsRead',
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [this.arnForObjects(`${this.prefix}*`)],
      }),
    );
    grantee.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'SnapshotsList',
        actions: ['s3:ListBucket'],
        resources: [this.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${this.prefix}*`] } },
      }),
    );
    this.acknowledgePrefix(grantee);
  }

  /** Write snapshots and reports (single and multipart uploads) under the prefix. */
  grantWrite(grantee: iam.IRole): void {
    grantee.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'SnapshotsWrite',
        actions: ['s3:PutObject', 's3:AbortMultipartUpload'],
        resources: [this.arnForObjects(`${this.prefix}*`)],
      }),
    );
    this.acknowledgePrefix(grantee);
  }
}

/**
 * The snapshot bucket: SSE-S3 (what the S3 snapshot store requests), versioned so an overwritten or
 * deleted snapshot can still be restored, TLS only, no public access, access-logged, and retained on
 * `cdk destroy` because it is the recovery point.
 */
export class SnapshotBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: SnapshotBucketProps) {
    super(scope, id);
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      accessLogs,
      ['AwsSolutions-S1'],
      'This is the access-log bucket of the snapshot bucket; logging it to itself would loop.',
    );
    this.bucket = new s3.Bucket(this, 'Bucket', {
      bucketName: props.access.bucketName,
      encryption: s3.BucketEncryption.S3_MANAGED,
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'snapshot-bucket/',
      lifecycleRules: [
        {
          id: 'expire-old-snapshot-versions',
          noncurrentVersionExpiration: Duration.days(props.noncurrentVersionDays ?? 30),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          expiredObjectDeleteMarker: true,
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
