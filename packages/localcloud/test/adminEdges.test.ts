import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud } from '../../../test/support/localCloud.ts';
import { admin } from '../../../test/support/trailEvents.ts';
import { type LocalCloud, startLocalCloud } from '../src/server.ts';

/** A raw admin request, so that Host and Origin can be set as a browser or a rebinding page would. */
function rawAdmin(cloud: LocalCloud, route: string, headers: Record<string, string>, body = '{}') {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: cloud.port, path: `/_localcloud/${route}`, method: 'POST', headers },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the admin API refuses what could harm the emulator', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud({ embedded: false });
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('refuses a request from a web page on another origin, and one addressed to another host name', async () => {
    const fromPage = await rawAdmin(cloud, 'reset', { origin: 'https://evil.example' });
    expect(fromPage.status).toBe(403);
    expect(fromPage.body).toContain('https://evil.example');
    const rebound = await rawAdmin(
      cloud,
      'faults',
      { host: `evil.example:${cloud.port}` },
      '{"faultRate":1}',
    );
    expect(rebound.status).toBe(403);
    expect(cloud.faults.current.faultRate).toBe(0);
    const local = await rawAdmin(cloud, 'calls/reset', { origin: `http://localhost:${cloud.port}` });
    expect(local.status).toBe(200);
  });

  it('refuses a body over 64 KiB without storing anything', async () => {
    const huge = JSON.stringify({ AKIABIG: 'x'.repeat(70 * 1024) });
    const answer = await rawAdmin(cloud, 'accounts', { 'content-type': 'application/json' }, huge);
    expect(answer.status).toBe(413);
    expect(cloud.accounts.has('AKIABIG')).toBe(false);
  });

  it('refuses fault and CloudTrail settings of the wrong type or range, naming the setting', async () => {
    const before = cloud.faults.current;
    for (const [change, words] of [
      [{ faultRate: 'abc' }, 'faultRate must be a number'],
      [{ throttleRps: -5 }, 'throttleRps must be a number ≥ 0'],
      [{ faultRate: 1.5 }, 'faultRate must be between 0 and 1'],
      [{ lookupEventsLimit: 'yes' }, 'lookupEventsLimit must be true or false'],
      [{ operationRps: { 'glue:GetTable': -1 } }, 'operationRps.glue:GetTable must be a number'],
      [{ latencyMss: 10 }, 'unknown setting latencyMss'],
    ] as const) {
      const answer = await admin(cloud, 'faults', change);
      expect(answer.httpStatus, JSON.stringify(change)).toBe(400);
      expect(answer.error).toContain(words);
    }
    expect(cloud.faults.current).toEqual(before);
    const trail = await admin(cloud, 'cloudtrail', { deliveryDelayMs: 'soon' });
    expect(trail).toMatchObject({ httpStatus: 400, error: expect.stringContaining('deliveryDelayMs') });
    expect(await admin(cloud, 'faults', { throttleRps: 3, faultRate: 0.5 })).toMatchObject({
      httpStatus: 200,
      throttleRps: 3,
      faultRate: 0.5,
    });
    await admin(cloud, 'faults', { throttleRps: 0, faultRate: 0 });
  });

  it('warns loudly when it listens on an address that is not loopback', async () => {
    const warnings: string[] = [];
    const open = await startLocalCloud({
      host: '0.0.0.0',
      port: 0,
      embedded: false,
      warn: (m) => warnings.push(m),
    });
    await open.stop();
    expect(warnings).toEqual([
      expect.stringContaining('WARNING: listening on 0.0.0.0, not a loopback address'),
    ]);
    const quiet: string[] = [];
    const loopback = await startLocalCloud({ port: 0, embedded: false, warn: (m) => quiet.push(m) });
    await loopback.stop();
    expect(quiet).toEqual([]);
  });
});
