import { DEFAULT_ACCOUNT_ID } from './accounts.ts';
import { checkSettingsChange } from './adminSettings.ts';
import { DEFAULT_CLOUDTRAIL_SETTINGS } from './cloudTrailLog.ts';
import { DEFAULT_FAULTS } from './faults.ts';
import { DEFAULT_PUSH_SETTINGS } from './pushDelivery.ts';
import type { LocalCloud } from './server.ts';
import { ensurePrincipals } from './services/iam/principals.ts';
import { GLOBAL_REGION } from './state.ts';

export interface AdminAnswer {
  status: number;
  body: unknown;
}

function parse(body: string): Record<string, unknown> {
  if (!body.trim()) return {};
  const value = JSON.parse(body) as unknown;
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Error('body must be a JSON object');
  return value as Record<string, unknown>;
}

function stringList(value: unknown, member: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new Error(`${member} must be a list of names`);
  return value;
}

const pushState = (cloud: LocalCloud) => ({
  ...cloud.push.settings,
  delivered: cloud.push.delivered,
  dropped: cloud.push.dropped,
});

/**
 * The local cloud's own API under `/_localcloud/`: call counts, fault settings, CloudTrail delivery
 * delay, account mapping and state reset, for tests, benchmarks and people.
 */
export async function handleAdmin(
  cloud: LocalCloud,
  method: string,
  url: URL,
  body: string,
): Promise<AdminAnswer> {
  const route = `${method} ${url.pathname.replace(/^\/_localcloud/, '').replace(/\/$/, '')}`;
  try {
    const input = parse(body);
    switch (route) {
      case 'GET /health':
        return { status: 200, body: { status: 'ok', endpoint: cloud.endpoint } };
      case 'GET /calls':
        return { status: 200, body: cloud.stats.snapshot() };
      case 'POST /calls/reset':
        cloud.stats.reset();
        return { status: 200, body: { reset: true } };
      case 'GET /faults':
        return { status: 200, body: cloud.faults.current };
      case 'POST /faults':
        return {
          status: 200,
          body: cloud.faults.update(checkSettingsChange(input, DEFAULT_FAULTS, ['faultRate'])),
        };
      case 'GET /cloudtrail':
        return { status: 200, body: cloud.trail.settings };
      case 'POST /cloudtrail':
        cloud.trail.settings = {
          ...cloud.trail.settings,
          ...checkSettingsChange(input, DEFAULT_CLOUDTRAIL_SETTINGS),
        };
        return { status: 200, body: cloud.trail.settings };
      case 'GET /push':
        return { status: 200, body: pushState(cloud) };
      case 'POST /push':
        cloud.push.settings = {
          ...cloud.push.settings,
          ...checkSettingsChange(input, DEFAULT_PUSH_SETTINGS, ['dropRate']),
        };
        return { status: 200, body: pushState(cloud) };
      case 'POST /accounts':
        for (const [key, account] of Object.entries(input)) cloud.accounts.set(key, String(account));
        return { status: 200, body: Object.fromEntries(cloud.accounts) };
      case 'POST /iam/principals': {
        const accountId = String(input.accountId ?? DEFAULT_ACCOUNT_ID);
        const wanted = { roles: stringList(input.roles, 'roles'), users: stringList(input.users, 'users') };
        const arns = ensurePrincipals(cloud.state.get(accountId, GLOBAL_REGION), wanted, Date.now() / 1000);
        cloud.persist();
        return { status: 200, body: { accountId, arns } };
      }
      case 'POST /reset':
        await cloud.reset();
        return { status: 200, body: { reset: true } };
      case 'POST /persist':
        cloud.persist();
        return { status: 200, body: { persisted: true } };
      default:
        return { status: 404, body: { error: `unknown admin route ${route}` } };
    }
  } catch (error) {
    return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
  }
}
