import { createHash } from 'node:crypto';

/** What each EventBridge rule of the deployed real-time stack does. */
export type DeployedRuleRole =
  | 'collect schedule'
  | 'replay schedule'
  | 'push API calls'
  | 'push state changes';

export interface DeployedRule {
  name: string;
  role: DeployedRuleRole;
}

/** EventBridge's RuleName: 1 to 64 characters of [.\-_A-Za-z0-9] (DynamoDB table names use the same set). */
const MAX_RULE_NAME = 64;
const SUFFIXES: ReadonlyArray<[DeployedRuleRole, string]> = [
  ['collect schedule', 'collect'],
  ['replay schedule', 'replay'],
  ['push API calls', 'push-api-calls'],
  ['push state changes', 'push-state-changes'],
];
const LONGEST_SUFFIX = Math.max(...SUFFIXES.map(([, s]) => s.length + 1));

/**
 * The names the CDK app gives the real-time stack's EventBridge rules, from the event table's name (one
 * deployment per event table: two configs deployed side by side already need two tables), so that
 * `failover` finds exactly this deployment's rules by name, with no listing and no tag lookup. A table
 * name too long for a rule name is cut and suffixed with a hash of the whole name. The push rules exist only
 * with `realtime.capture: "push"`; failover looks for all four and reports the ones it does not find.
 */
export function deployedRules(eventTable: string): DeployedRule[] {
  const room = MAX_RULE_NAME - LONGEST_SUFFIX;
  const base =
    eventTable.length <= room
      ? eventTable
      : `${eventTable.slice(0, room - 9)}-${createHash('sha256').update(eventTable).digest('hex').slice(0, 8)}`;
  return SUFFIXES.map(([role, suffix]) => ({ role, name: `${base}-${suffix}` }));
}

export const deployedRuleName = (eventTable: string, role: DeployedRuleRole): string =>
  deployedRules(eventTable).find((r) => r.role === role)!.name;
