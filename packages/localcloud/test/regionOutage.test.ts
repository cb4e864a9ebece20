import { GetDatabasesCommand } from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callsIn, clientsFor, failure, startTestCloud } from '../../../test/support/localCloud.ts';
import type { LocalCloud } from '../src/server.ts';

const post = (cloud: LocalCloud, body: unknown) =>
  fetch(`${cloud.endpoint}/_localcloud/faults`, { method: 'POST', body: JSON.stringify(body) });

describe('a Region made unreachable', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud({ embedded: false });
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('drops every call to that Region, counts it, and leaves the other Regions answering', async () => {
    expect((await post(cloud, { unreachableRegions: ['us-east-1'] })).status).toBe(200);
    cloud.stats.reset();
    const down = clientsFor(cloud, 'us-east-1', 'AKIALOCALTEST', { maxAttempts: 1 });
    const error = await failure(down.glue.send(new GetDatabasesCommand({})));
    expect(error.name).not.toBe('EntityNotFoundException');
    expect(callsIn(cloud, 'us-east-1')).toEqual({ 'glue:Unreachable': 1 });
    const up = clientsFor(cloud, 'us-west-2');
    expect((await up.glue.send(new GetDatabasesCommand({}))).DatabaseList).toEqual([]);

    expect((await post(cloud, { unreachableRegions: [] })).status).toBe(200);
    expect((await down.glue.send(new GetDatabasesCommand({}))).DatabaseList).toEqual([]);
  });

  it('refuses a setting that is not a list of Region names', async () => {
    const answer = await post(cloud, { unreachableRegions: 'us-east-1' });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: string }).error).toContain('unreachableRegions');
  });
});
