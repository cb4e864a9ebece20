import type { ServiceDefinition } from '../../service.ts';
import { describeRule, listRules, putRule, setRuleState } from './rules.ts';

/**
 * Amazon EventBridge over awsJson1_1 (`X-Amz-Target: AWSEvents.<Operation>`): the rules' control plane on the
 * default bus (create, describe, list, enable, disable), what a deployment's schedules and failover need.
 * Push delivery to the queue is emulated apart (pushDelivery.ts), as the rule's effect. Its calls are not
 * recorded in CloudTrail: the push delivery would otherwise forward them, which the real rule's pattern does not.
 */
export function eventsService(): ServiceDefinition {
  return {
    signingName: 'events',
    protocol: 'awsJson1_1',
    targetPrefix: 'AWSEvents',
    throttlingErrorCode: 'ThrottlingException',
    internalErrorCode: 'InternalException',
    operations: {
      PutRule: { readOnly: false, handler: putRule },
      DescribeRule: { readOnly: true, handler: describeRule },
      ListRules: { readOnly: true, handler: listRules },
      DisableRule: { readOnly: false, handler: (input, ctx) => setRuleState(input, ctx, 'DISABLED') },
      EnableRule: { readOnly: false, handler: (input, ctx) => setRuleState(input, ctx, 'ENABLED') },
    },
  };
}
