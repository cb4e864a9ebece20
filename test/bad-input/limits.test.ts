import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as glueSdk from '@aws-sdk/client-glue';
import * as lfSdk from '@aws-sdk/client-lakeformation';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, runSync } from '../../src/ondemand/index.ts';
import { demoConfig } from '../support/demoSync.ts';
import { clientsFor, startTestCloud, writeCalls } from '../support/localCloud.ts';
import { snapshotOf } from '../support/snapshotText.ts';

/**
 * The AWS limits corpus: each case under cases/limits/ is one record over one Glue or Lake Formation API limit.
 * It must be refused when a snapshot holding it is read (before any write, naming record, field and limit), and
 * the local cloud must refuse the same value in the API call that would carry it, with the real error type.
 */
interface LimitCase {
  description: string;
  records: Array<Record<string, unknown>>;
  expectMessageIncludes: string[];
  api: {
    service: 'glue' | 'lakeformation';
    operation: string;
    input: Record<string, unknown>;
    setup?: Array<[string, Record<string, unknown>]>;
    expectError: string;
    expectMessageIncludes: string[];
  };
}

const DIR = join(import.meta.dirname, 'cases', 'limits');
const TARGET = 'ap-northeast-1';

/** `{"$repeat": [s, n]}`, `{"$concat": [...]}` and `{"$key": [k, v]}` keep long values out of the case files. */
function expand(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expand);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if ('$repeat' in object) {
    const [text, times] = object.$repeat as [string, number];
    return text.repeat(times);
  }
  if ('$concat' in object) return (object.$concat as unknown[]).map(expand).join('');
  if ('$key' in object) {
    const [key, v] = object.$key as [unknown, unknown];
    return { [expand(key) as string]: expand(v) };
  }
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, expand(v)]));
}

const cases: Array<[string, LimitCase]> = readdirSync(DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => [
    name.replace(/\.json$/, ''),
    expand(JSON.parse(readFileSync(join(DIR, name), 'utf8'))) as LimitCase,
  ]);

function send(cloud: LocalCloud, service: 'glue' | 'lakeformation', operation: string, input: object) {
  const clients = clientsFor(cloud, 'us-east-1', 'AKIALOCALTEST', { maxAttempts: 1 });
  const sdk = (service === 'glue' ? glueSdk : lfSdk) as unknown as Record<string, new (input: object) => any>;
  const Command = sdk[`${operation}Command`];
  if (!Command) throw new Error(`no ${operation}Command in the ${service} SDK`);
  const client = (service === 'glue' ? clients.glue : clients.lakeFormation) as unknown as {
    send(command: unknown): Promise<unknown>;
  };
  return client.send(new Command(input));
}

describe('AWS limits corpus: refused at read time and by the local cloud', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('has a case per enforced limit', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  describe('when a snapshot holding the record is read (sync --snapshot): nothing is written', () => {
    it.each(cases)('%s', async (name, testCase) => {
      const dir = mkdtempSync(join(tmpdir(), 'lakemirror-limits-'));
      const path = join(dir, `${name}.json`);
      writeFileSync(path, snapshotOf(testCase.records));
      const config = demoConfig(cloud, {
        source: { region: 'us-east-1', accountId: '123456789012' },
        targets: [{ region: TARGET }],
      });
      cloud.stats.reset();

      const refused = await runSync(createRuntime(config), { snapshotUri: path }).then(
        () => undefined,
        (error: unknown) => error as { code?: string; message: string; object?: string },
      );

      expect(refused?.code).toBe('snapshot.invalidRecord');
      for (const part of testCase.expectMessageIncludes) expect(refused?.message).toContain(part);
      expect(refused?.message.length).toBeLessThan(2000);
      expect(writeCalls(cloud, TARGET)).toEqual({});
    });
  });

  describe('by the local cloud, with the error type the real service answers', () => {
    it.each(cases)('%s', async (_name, { api }) => {
      for (const [operation, input] of api.setup ?? []) await send(cloud, api.service, operation, input);

      const refused = await send(cloud, api.service, api.operation, api.input).then(
        () => undefined,
        (error: unknown) => error as { name: string; message: string },
      );

      expect(refused?.name).toBe(api.expectError);
      for (const part of api.expectMessageIncludes) expect(refused?.message).toContain(part);
    });
  });
});
