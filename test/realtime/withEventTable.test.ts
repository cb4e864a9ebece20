import { describe, expect, it } from 'vitest';
import { isLakemirrorError } from '../../src/model/errors.ts';
import { withEventTable } from '../../src/realtime/eventTable/withEventTable.ts';

const named = (name: string) => Object.assign(new Error(`${name} happened`), { name });
const where = { table: 'lakemirror-events', region: 'us-east-1' };

describe('withEventTable', () => {
  it('creates a missing table, then runs the body again', async () => {
    let calls = 0;
    let created = 0;
    const result = await withEventTable(
      where,
      async () => {
        created += 1;
        return { created: true, ttl: 'enabled' as const };
      },
      async () => {
        calls += 1;
        if (calls === 1) throw named('ResourceNotFoundException');
        return 'ran';
      },
    );
    expect(result).toBe('ran');
    expect({ calls, created }).toEqual({ calls: 2, created: 1 });
  });

  it('names the table and both ways to create it when creating is not allowed', async () => {
    const error = await withEventTable(
      where,
      () => Promise.reject(named('AccessDeniedException')),
      () => Promise.reject(named('ResourceNotFoundException')),
    ).catch((e: unknown) => e);
    expect(isLakemirrorError(error, 'realtime.eventTableDenied')).toBe(true);
    const { object, fix } = error as { object: string; fix: string };
    expect(object).toBe('DynamoDB table lakemirror-events in us-east-1');
    expect(fix).toMatch(/CDK app.*lakemirror realtime init/);
  });

  it('leaves other errors alone', async () => {
    const error = await withEventTable(
      where,
      () => Promise.reject(new Error('not called')),
      () => Promise.reject(named('ThrottlingException')),
    ).catch((e: unknown) => e);
    expect((error as Error).name).toBe('ThrottlingException');
  });
});
