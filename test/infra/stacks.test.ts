import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SynthesizedApp, synthesize } from './support/lakemirrorApp.ts';

let demo: SynthesizedApp;
let example: SynthesizedApp;
beforeAll(() => {
  demo = synthesize('config/demo.json');
  example = synthesize('config/example.yaml');
});

describe('shared stack', () => {
  it('creates an encrypted, versioned, private, TLS-only, access-logged snapshot bucket that is retained', () => {
    const t = demo.templates.shared;
    t.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'snapshot-bucket/' }),
        LifecycleConfiguration: {
          Rules: [
            Match.objectLike({
              NoncurrentVersionExpiration: { NoncurrentDays: 30 },
              AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
            }),
          ],
        },
      }),
    });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('names the bucket from snapshots.uri when it is an S3 URI', () => {
    example.templates.shared.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: 'acme-lakemirror-snapshots-use1',
    });
  });

  it('writes the validated config, with profiles and the emulator removed, to one S3 object', () => {
    const writers = demo.templates.shared.findResources('Custom::AWS');
    const create = JSON.stringify(Object.values(writers)[0]?.Properties.Create);
    expect(create).toContain('PutObject');
    expect(create).toContain('lakemirror/snapshots/config/lakemirror.json');
    expect(create).toContain('us-west-2');
    expect(create).not.toContain('127.0.0.1');
    const exampleCreate = JSON.stringify(
      Object.values(example.templates.shared.findResources('Custom::AWS'))[0],
    );
    expect(exampleCreate).not.toContain('datalake-prod');
  });
});

describe('on-demand stack', () => {
  it('runs every function on Node 22, ARM64, with tracing and its own log group', () => {
    const functions = demo.templates.onDemand.findResources('AWS::Lambda::Function');
    expect(Object.keys(functions).length).toBeGreaterThanOrEqual(5);
    for (const fn of Object.values(functions)) {
      if (fn.Properties.Handler === 'framework.onEvent') continue;
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: expect.objectContaining({ LogGroup: expect.anything() }),
      });
    }
    demo.templates.onDemand.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('has a state machine: plan, snapshot Maps, apply Maps with retries on throttling, report', () => {
    const [machine] = Object.values(
      demo.templates.onDemand.findResources('AWS::StepFunctions::StateMachine'),
    );
    const definition = JSON.parse(flattenDefinition(machine?.Properties.DefinitionString));
    const states = definition.States;
    expect(Object.keys(states)).toEqual(
      expect.arrayContaining([
        'PlanRun',
        'RestoreOrSnapshot',
        'Snapshot',
        'WriteManifest',
        'ApplyCatalog',
        'ApplyDatabases',
        'Report',
        'Outcome',
      ]),
    );
    expect(states.RestoreOrSnapshot.Choices[0]).toMatchObject({
      Variable: '$.restore',
      BooleanEquals: true,
      Next: 'WriteManifest',
    });
    const snapshotMap = states.Snapshot.Branches[1].States.SnapshotDatabases;
    expect(snapshotMap).toMatchObject({ Type: 'Map', MaxConcurrency: 4, ItemsPath: '$.databases' });
    expect(states.ApplyDatabases).toMatchObject({
      Type: 'Map',
      MaxConcurrency: 4,
      ItemsPath: '$.databaseShards',
    });
    const inner = states.ApplyDatabases.ItemProcessor.States.ApplyDatabaseToTargets;
    const apply = inner.ItemProcessor.States.ApplyDatabaseShard;
    expect(apply.Retry).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ErrorEquals: ['Lambda.TooManyRequestsException', 'lakemirror.Throttled'],
          BackoffRate: 2,
          JitterStrategy: 'FULL',
        }),
      ]),
    );
    expect(apply.Catch[0]).toMatchObject({ ErrorEquals: ['States.ALL'] });
    expect(states.Outcome.Choices[0]).toMatchObject({ Variable: '$.status', StringEquals: 'failed' });
  });

  it('logs and traces the state machine', () => {
    demo.templates.onDemand.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ALL' }),
    });
  });

  it('schedules the job only when deploy.onDemand.schedule is set', () => {
    demo.templates.onDemand.resourceCountIs('AWS::Events::Rule', 0);
    example.templates.onDemand.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 3 * * ? *)',
      Targets: [Match.objectLike({ Input: '{}' })],
    });
  });

  it('registers no admins itself and names the roles to register in the source', () => {
    demo.templates.onDemand.resourceCountIs('Custom::LakeFormationAdmins', 0);
    demo.templates.onDemand.hasOutput('SourceReadOnlyAdminRoles', {});
  });
});

describe('real-time stack', () => {
  it('creates the event table exactly as src/realtime defines it, retained', () => {
    demo.templates.realtime.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        TableName: 'lakemirror-events',
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'pending',
            KeySchema: [
              { AttributeName: 'pendingShard', KeyType: 'HASH' },
              { AttributeName: 'pendingSort', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        SSESpecification: { SSEEnabled: true },
      }),
    });
  });

  it('runs the collector every minute and the replayer on its own schedule', () => {
    const t = demo.templates.realtime;
    t.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 minute)' });
    t.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(5 minutes)' });
  });

  it('chains collector → replayer asynchronously, failures to an encrypted dead-letter queue', () => {
    const t = demo.templates.realtime;
    t.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      DestinationConfig: {
        OnSuccess: {
          Destination: Match.objectLike({
            'Fn::GetAtt': [Match.stringLikeRegexp('^ReplayerFunction'), 'Arn'],
          }),
        },
        OnFailure: { Destination: Match.anyValue() },
      },
    });
    t.resourceCountIs('AWS::Lambda::EventInvokeConfig', 2);
    t.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
  });

  it('alarms on failed events, lag over the RPO, the watermark age, a silent collector, function errors and dead letters', () => {
    const t = demo.templates.realtime;
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'lakemirror',
      MetricName: 'EventsFailed',
      Threshold: 0,
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'lakemirror',
      MetricName: 'ReplicationLagSeconds',
      Threshold: 900,
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'EventsCollected',
      TreatMissingData: 'breaching',
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/Lambda', MetricName: 'Errors' });
    // Two 60-minute reconcile cycles plus the 15-minute overlap: past that, something holds the watermark.
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'lakemirror',
      MetricName: 'WatermarkAgeSeconds',
      Statistic: 'Maximum',
      Threshold: 8100,
    });
    t.resourceCountIs('AWS::CloudWatch::Alarm', 7);
  });

  it('runs Node 22 on ARM64', () => {
    for (const fn of Object.values(demo.templates.realtime.findResources('AWS::Lambda::Function'))) {
      if (fn.Properties.Handler === 'framework.onEvent') continue;
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'] });
    }
  });
});

/** The definition string is an Fn::Join of literal parts and function ARNs; ARNs become placeholders. */
function flattenDefinition(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
  return join[1].map((part) => (typeof part === 'string' ? part : 'ARN')).join(join[0]);
}
