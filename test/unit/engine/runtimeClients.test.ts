import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ONDEMAND_CLIENTS } from '../../../src/aws/clients/ondemandClients.ts';
import { REALTIME_CLIENTS } from '../../../src/aws/clients/realtimeClients.ts';
import { validateConfig } from '../../../src/config/loadConfig.ts';
import { createRuntimeWith } from '../../../src/engine/runtime.ts';

const config = validateConfig({
  source: { region: 'us-east-1' },
  targets: [{ region: 'us-west-2' }],
  snapshots: { uri: join(tmpdir(), 'lakemirror-runtime-clients', 'snapshots') },
});

describe('a runtime built with a use case client set', () => {
  it('builds those clients and names any other one asked of it (internal.clientNotBuilt)', () => {
    // Act
    const clients = createRuntimeWith(ONDEMAND_CLIENTS, config).clients('us-east-1');

    // Assess
    expect(Object.keys(ONDEMAND_CLIENTS).map((name) => typeof clients[name as keyof typeof clients])).toEqual(
      Object.keys(ONDEMAND_CLIENTS).map(() => 'object'),
    );
    expect(() => clients.dynamoDb).toThrow(
      expect.objectContaining({
        code: 'internal.clientNotBuilt',
        object: 'the dynamoDb client of us-east-1',
      }),
    );
  });

  it('the real-time set holds the on-demand set, CloudTrail and DynamoDB, and no push queue client', () => {
    const clients = createRuntimeWith(REALTIME_CLIENTS, config).clients('us-west-2');

    expect(Object.keys(REALTIME_CLIENTS).sort()).toEqual(
      [...Object.keys(ONDEMAND_CLIENTS), 'cloudTrail', 'dynamoDb'].sort(),
    );
    expect(clients.cloudTrail).toBeDefined();
    expect(() => clients.sqs).toThrow(expect.objectContaining({ code: 'internal.clientNotBuilt' }));
  });
});
