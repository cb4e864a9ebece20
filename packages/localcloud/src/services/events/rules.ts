import type { RequestContext } from '../../service.ts';
import { required } from '../../service.ts';
import { busNotFound, checkString, constraint, invalidPattern, ruleNotFound, validation } from './errors.ts';

/*
 * Rules on the default event bus, with the limits of the EventBridge API model: RuleName 1–64 of
 * [\.\-_A-Za-z0-9]; EventBusNameOrArn 1–1600; ScheduleExpression ≤ 256; EventPattern ≤ 4096;
 * Description ≤ 512; RoleArn 1–1600; ListRules Limit 1–100; RuleState ENABLED | DISABLED |
 * ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS. Custom buses are not emulated: naming one answers
 * ResourceNotFoundException, as for a bus that does not exist.
 */
export const RULE_STATES = ['ENABLED', 'DISABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'] as const;
const RULE_NAME = { min: 1, max: 64, pattern: /^[.\-_A-Za-z0-9]+$/ };
const DEFAULT_BUS = 'default';
const SCHEDULE = /^(rate\(\d+ (minute|minutes|hour|hours|day|days)\)|cron\(.+\)|at\(.+\))$/;

export interface StoredRule {
  name: string;
  arn: string;
  state: (typeof RULE_STATES)[number];
  scheduleExpression?: string;
  eventPattern?: string;
  description?: string;
  roleArn?: string;
  createdBy: string;
  tags: Array<{ Key: string; Value: string }>;
}

interface EventsState {
  rules: Record<string, StoredRule>;
}

const eventsState = (ctx: RequestContext): EventsState =>
  ctx.regionState.slice<EventsState>('events', () => ({ rules: {} }));

/** The bus a call names: only the default bus (by name or ARN) exists. */
function checkBus(input: Record<string, unknown>): string {
  const bus = checkString(input.EventBusName, 'eventBusName', { min: 1, max: 1600 }) ?? DEFAULT_BUS;
  const name = bus.startsWith('arn:') ? bus.slice(bus.indexOf('event-bus/') + 'event-bus/'.length) : bus;
  if (name !== DEFAULT_BUS) throw busNotFound(name);
  return DEFAULT_BUS;
}

function findRule(input: Record<string, unknown>, ctx: RequestContext): StoredRule {
  const name = checkString(required<string>(input, 'Name'), 'name', RULE_NAME)!;
  const bus = checkBus(input);
  const rule = eventsState(ctx).rules[name];
  if (!rule) throw ruleNotFound(name, bus);
  return rule;
}

/** What DescribeRule and ListRules answer for a rule. */
export function ruleShape(rule: StoredRule): Record<string, unknown> {
  return {
    Name: rule.name,
    Arn: rule.arn,
    State: rule.state,
    EventBusName: DEFAULT_BUS,
    ...(rule.scheduleExpression ? { ScheduleExpression: rule.scheduleExpression } : {}),
    ...(rule.eventPattern ? { EventPattern: rule.eventPattern } : {}),
    ...(rule.description ? { Description: rule.description } : {}),
    ...(rule.roleArn ? { RoleArn: rule.roleArn } : {}),
  };
}

function checkPattern(text: string | undefined): void {
  if (text === undefined) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidPattern('Filter is not an object');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw invalidPattern('Filter is not an object');
}

/** PutRule: creates the rule or replaces its definition (tags only apply on creation, as in AWS). */
export function putRule(input: Record<string, unknown>, ctx: RequestContext): { RuleArn: string } {
  const name = checkString(required<string>(input, 'Name'), 'name', RULE_NAME)!;
  checkBus(input);
  const scheduleExpression = checkString(input.ScheduleExpression, 'scheduleExpression', { max: 256 });
  const eventPattern = checkString(input.EventPattern, 'eventPattern', { max: 4096 });
  const description = checkString(input.Description, 'description', { max: 512 });
  const roleArn = checkString(input.RoleArn, 'roleArn', { min: 1, max: 1600 });
  if (input.State !== undefined && !RULE_STATES.includes(input.State as StoredRule['state']))
    throw constraint(input.State, 'state', `Member must satisfy enum value set: [${RULE_STATES.join(', ')}]`);
  if (!scheduleExpression && !eventPattern)
    throw validation('Parameter(s) ScheduleExpression or EventPattern must be specified.');
  if (scheduleExpression && !SCHEDULE.test(scheduleExpression))
    throw validation('Parameter ScheduleExpression is not valid.');
  checkPattern(eventPattern);
  const rules = eventsState(ctx).rules;
  const arn = `arn:aws:events:${ctx.region}:${ctx.accountId}:rule/${name}`;
  rules[name] = {
    name,
    arn,
    state: (input.State as StoredRule['state'] | undefined) ?? 'ENABLED',
    ...(scheduleExpression ? { scheduleExpression } : {}),
    ...(eventPattern ? { eventPattern } : {}),
    ...(description ? { description } : {}),
    ...(roleArn ? { roleArn } : {}),
    createdBy: rules[name]?.createdBy ?? ctx.accountId,
    tags: rules[name]?.tags ?? (input.Tags as StoredRule['tags'] | undefined) ?? [],
  };
  return { RuleArn: arn };
}

export function describeRule(input: Record<string, unknown>, ctx: RequestContext): Record<string, unknown> {
  const rule = findRule(input, ctx);
  return { ...ruleShape(rule), CreatedBy: rule.createdBy };
}

/** DisableRule / EnableRule: sets the state; setting the state it already has is not an error. */
export function setRuleState(
  input: Record<string, unknown>,
  ctx: RequestContext,
  state: StoredRule['state'],
): Record<string, never> {
  findRule(input, ctx).state = state;
  return {};
}

/** ListRules: by name prefix, in name order, `Limit` (1–100) a page, an opaque token to go on. */
export function listRules(input: Record<string, unknown>, ctx: RequestContext): Record<string, unknown> {
  const prefix = checkString(input.NamePrefix, 'namePrefix', RULE_NAME) ?? '';
  checkBus(input);
  const limit = input.Limit === undefined ? 100 : Number(input.Limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw constraint(input.Limit, 'limit', 'Member must have value between 1 and 100');
  const token = checkString(input.NextToken, 'nextToken', { min: 1, max: 2048 });
  const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64').toString('utf8'));
  if (!Number.isInteger(start) || start < 0) throw validation('The NextToken provided is not valid.');
  const names = Object.keys(eventsState(ctx).rules)
    .filter((n) => n.startsWith(prefix))
    .sort();
  const page = names.slice(start, start + limit);
  const rules = eventsState(ctx).rules;
  return {
    Rules: page.map((n) => ruleShape(rules[n]!)),
    ...(start + limit < names.length
      ? { NextToken: Buffer.from(String(start + limit)).toString('base64') }
      : {}),
  };
}
