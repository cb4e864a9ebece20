import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.ts';

/** Repository root: handlers live in `src/handlers/`, the lockfile beside `package.json`. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface LakemirrorFunctionProps {
  /** Handler file in `src/handlers/` without `.ts`; it exports `handler`. */
  handler: string;
  description: string;
  logRetentionDays: number;
  timeout?: Duration;
  memorySize?: number;
  environment?: Record<string, string>;
}

/**
 * One Lambda function with lakemirror's defaults: Node 22 on ARM64, bundled locally by esbuild
 * (minified, with source maps, AWS SDK included so the locked versions run), X-Ray tracing, its own
 * log group with retention, and its own role that carries no managed policy, only what is granted to it.
 */
export class LakemirrorFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: LakemirrorFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `lakemirror ${props.handler}`,
    });
    this.logGroup.grantWrite(this.role);
    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry: join(REPO_ROOT, 'src', 'handlers', `${props.handler}.ts`),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.minutes(5),
      tracing: lambda.Tracing.ACTIVE,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: {
        POWERTOOLS_SERVICE_NAME: 'lakemirror',
        POWERTOOLS_METRICS_NAMESPACE: 'lakemirror',
        NODE_OPTIONS: '--enable-source-maps',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...props.environment,
      },
      bundling: {
        forceDockerBundling: false,
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        target: 'node22',
        format: nodejs.OutputFormat.CJS,
        externalModules: [],
      },
    });
    acknowledge(
      this,
      ['AwsSolutions-IAM5[Resource::*]'],
      "'*' only for actions IAM cannot scope to a resource: X-Ray PutTraceSegments/PutTelemetryRecords, cloudtrail:LookupEvents and Lake Formation (each action listed, the Regions pinned by aws:RequestedRegion).",
    );
    acknowledge(
      this,
      ['AwsSolutions-L1'],
      'Node.js 22 is the runtime lakemirror is built and tested for (the CLI supports Node 20+, the Lambda code targets node22); moving to a newer runtime is a deliberate, tested change.',
    );
  }
}
