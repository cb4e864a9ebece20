import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** Name of the sparse GSI of pending items (`src/realtime/eventTable/items.ts` PENDING_INDEX). */
export const PENDING_INDEX = 'pending';

/** Item-level actions of the collector (stage, checkpoint) and the replayer (query, mark). */
export const EVENT_TABLE_ACTIONS = {
  /** Push capture: conditional puts only. */
  stager: ['dynamodb:PutItem'],
  collector: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'],
  replayer: [
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:Query',
    'dynamodb:Scan',
  ],
};

/**
 * The real-time event table, matching `eventTableDefinition` in `src/realtime/eventTable`: key
 * pk+sk, sparse GSI `pending` (pendingShard, pendingSort), TTL on `expiresAt`. On-demand billing, PITR,
 * AWS-managed encryption; retained on `cdk destroy` because it holds replication state and history.
 */
export class EventTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: { tableName: string }) {
    super(scope, id);
    this.table = new dynamodb.Table(this, 'Table', {
      tableName: props.tableName,
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: 'expiresAt',
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: PENDING_INDEX,
      partitionKey: { name: 'pendingShard', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'pendingSort', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });
  }

  /** Exactly these actions on the table and its index, nothing else. */
  grant(grantee: iam.IRole, actions: string[]): void {
    grantee.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'EventTable',
        actions,
        resources: [this.table.tableArn, `${this.table.tableArn}/index/${PENDING_INDEX}`],
      }),
    );
  }
}
