import { DescribeRuleCommand, DisableRuleCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { isLakemirrorError } from '../model/errors.ts';
import { type AwsCallContext, type AwsCallContextOptions, createAwsCallContext } from './awsCallContext.ts';

/** A rule as failover needs it: found, and whether it still runs. */
export interface RuleState {
  name: string;
  arn: string;
  /** ENABLED, DISABLED or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS. */
  state: string;
}

/**
 * EventBridge rules on the default bus, by name: what failover reads and disables of the deployed real-time
 * stack. Two calls, both on one named rule, so the policy names the rules' ARNs (no ListRules, no `*`).
 */
export class EventBridgeRules {
  private readonly context: AwsCallContext;
  private readonly timeoutMs: number | undefined;

  /** `timeoutMs`: each call gives up after this long (a Region that may not answer must not hold the caller). */
  constructor(
    private readonly events: EventBridgeClient,
    options: AwsCallContextOptions & { timeoutMs?: number },
  ) {
    const { timeoutMs, ...context } = options;
    this.context = createAwsCallContext('events', context);
    this.timeoutMs = timeoutMs;
  }

  private sendOptions() {
    return this.timeoutMs === undefined ? undefined : { abortSignal: AbortSignal.timeout(this.timeoutMs) };
  }

  /** The rule, or undefined when no rule has that name (EventBridge's ResourceNotFoundException). */
  async describe(name: string): Promise<RuleState | undefined> {
    try {
      const rule = await this.context.call('DescribeRule', `rule ${name}`, () =>
        this.events.send(new DescribeRuleCommand({ Name: name }), this.sendOptions()),
      );
      return { name, arn: rule.Arn ?? '', state: rule.State ?? 'ENABLED' };
    } catch (error) {
      if (isLakemirrorError(error, 'aws.ResourceNotFoundException')) return undefined;
      throw error;
    }
  }

  /** Disables the rule; disabling a disabled rule is no error (EventBridge answers the same). */
  async disable(name: string): Promise<void> {
    await this.context.call('DisableRule', `rule ${name}`, () =>
      this.events.send(new DisableRuleCommand({ Name: name }), this.sendOptions()),
    );
  }
}
