import { EventBridgeRules } from '../aws/eventBridgeRules.ts';
import { isLakemirrorError, LakemirrorError } from '../model/errors.ts';
import { plural } from '../model/plural.ts';
import { type DeployedRule, deployedRules } from '../realtime/deployedRules.ts';
import type { FailoverContext, StepResult } from './failoverSteps.ts';

/** How long a hard failover waits on the failed Region's EventBridge before it defers the step. */
const HARD_MODE_TIMEOUT_MS = 5_000;

/**
 * Stops the deployed real-time capture: disables, in the source Region, the EventBridge rules the CDK app
 * named after the event table (collector and replayer schedules, push rules), through DescribeRule and
 * DisableRule. Idempotent: a rule already disabled is left alone, a rule that does not exist is reported
 * as not deployed, and with none deployed the step says so and changes nothing. Each rule disabled is a
 * record of its own for the audit log. A hard failover tries the source Region once, for at most 5 s: unless
 * it answers (or refuses), the step is deferred (not journaled), so a rerun once the Region answers finishes it; the stop
 * marker in the target already keeps the deployed replayer from writing there.
 */
export async function stopDeployedCapture(ctx: FailoverContext): Promise<StepResult> {
  const { runtime } = ctx;
  const region = runtime.config.source.region;
  const rules = new EventBridgeRules(runtime.clients(region).eventBridge, {
    region,
    ...(ctx.mode === 'hard' ? { retry: { maxTransientAttempts: 1 }, timeoutMs: HARD_MODE_TIMEOUT_MS } : {}),
  });
  const wanted = deployedRules(runtime.config.realtime.eventTable);
  const disabled: DeployedRule[] = [];
  const already: DeployedRule[] = [];
  const missing: DeployedRule[] = [];
  try {
    for (const rule of wanted) {
      const found = await rules.describe(rule.name);
      if (!found) missing.push(rule);
      else if (found.state === 'DISABLED') already.push(rule);
      else {
        await rules.disable(rule.name);
        disabled.push(rule);
      }
    }
  } catch (error) {
    // Hard mode: the source is down by assumption; whatever happens there (no answer, a timeout, a 5xx, a
    // refusal) defers the step rather than fail the promotion; the step's line says what happened.
    if (ctx.mode === 'hard')
      return {
        deferred: true,
        detail: `not done: EventBridge in ${region} did not disable the rules within ${HARD_MODE_TIMEOUT_MS / 1000} s (${(error as Error).message}); the stop marker keeps the deployed replayer from writing to ${ctx.target.region}; run failover again once ${region} answers to disable ${wanted.map((r) => r.name).join(', ')}`,
      };
    if (isLakemirrorError(error, 'aws.AccessDeniedException'))
      throw new LakemirrorError({
        code: 'failover.cannotStopCapture',
        source: 'user',
        object: `EventBridge rules ${wanted.map((r) => r.name).join(', ')} in ${region}`,
        message: `not allowed to read or disable the deployed real-time rules: ${(error as Error).message}`,
        fix: 'attach the FailoverPolicy the realtime stack outputs (FailoverPolicyArn) to the role running failover',
        cause: error,
      });
    throw error;
  }
  const names = (list: DeployedRule[]) => list.map((r) => `${r.name} (${r.role})`).join(', ');
  const data = {
    disabled: disabled.map((r) => r.name),
    alreadyDisabled: already.map((r) => r.name),
    notDeployed: missing.map((r) => r.name),
  };
  if (disabled.length + already.length === 0)
    return {
      detail: `no deployed real-time stack in ${region} (no rule named ${wanted.map((r) => r.name).join(', ')}): nothing to stop`,
      data,
    };
  const parts = [
    disabled.length > 0 ? `${plural(disabled.length, 'rule')} disabled: ${names(disabled)}` : '',
    already.length > 0 ? `already disabled: ${names(already)}` : '',
    missing.length > 0 ? `not deployed: ${names(missing)}` : '',
  ].filter(Boolean);
  return {
    detail: `deployed capture in ${region} stopped; ${parts.join('; ')}`,
    data,
    records: disabled.map((r) => ({
      object: `events:${region}:rule/${r.name}`,
      detail: `EventBridge rule ${r.name} (${r.role}) disabled`,
    })),
  };
}
