import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalDatabase,
  canonicalGrant,
  canonicalPartition,
  canonicalTable,
} from '../../src/model/canonical.ts';
import { isLakemirrorError } from '../../src/model/errors.ts';
import { parseSnapshotText } from '../../src/model/snapshotParser.ts';
import { isRejection, parseCloudTrailEvent } from '../../src/realtime/events/parseCloudTrailEvent.ts';
import { cli } from '../support/cli.ts';
import { startTestCloud, writeCalls } from '../support/localCloud.ts';

/**
 * The bad-input corpus: every file under cases/<kind>/ is one case with its expectation. Config and snapshot
 * cases go through the CLI (`main`), events through parseCloudTrailEvent, API answers through the canonical
 * functions. A CLI case must fail with a clear message (the input named, a fix, the code), a non-zero exit,
 * no stack trace, and nothing written: no new file, no write call to the cloud.
 */
const CANONICAL = { canonicalDatabase, canonicalGrant, canonicalPartition, canonicalTable } as Record<
  string,
  (...args: unknown[]) => unknown
>;

const CASES = new URL('./cases/', import.meta.url).pathname;

interface Expectation {
  description: string;
  expectCode?: string;
  expectMessageIncludes?: string[];
}
interface ConfigCase extends Expectation {
  kind: 'config';
  file: string | null;
  input?: string;
  path?: string;
}
interface SnapshotCase extends Expectation {
  kind: 'snapshot';
  input?: string;
  snapshotArg?: string;
  generate?: 'giantLine';
  command?: 'sync' | 'restore';
  maxStderrChars?: number;
}
interface CloudTrailCase extends Expectation {
  kind: 'cloudtrail';
  input: {
    event: Parameters<typeof parseCloudTrailEvent>[0];
    scope: Parameters<typeof parseCloudTrailEvent>[1];
  };
  expectRejection?: string;
  expectDetailIncludes?: string[];
  expectObjects?: unknown[];
}
interface ApiCase extends Expectation {
  kind: 'api';
  function: keyof typeof CANONICAL;
  input: unknown;
  args?: unknown[];
}

function load<T>(kind: string): Array<[string, T]> {
  return readdirSync(join(CASES, kind))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => [
      name.replace(/\.json$/, ''),
      JSON.parse(readFileSync(join(CASES, kind, name), 'utf8')) as T,
    ]);
}

const configCases = load<ConfigCase & { maxStderrChars?: number }>('config');
const snapshotCases = load<SnapshotCase>('snapshot');
const cloudTrailCases = load<CloudTrailCase>('cloudtrail');
const apiCases = load<ApiCase>('api');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => relative(dir, join(dir, name)))
    .sort();
}

const fill = (text: string, vars: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? `{{${name}}}`);

describe('bad input corpus', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('has at least 50 cases', () => {
    expect(
      configCases.length + snapshotCases.length + cloudTrailCases.length + apiCases.length,
    ).toBeGreaterThanOrEqual(50);
  });

  /** Runs the CLI in a fresh directory and checks the failure is clear and wrote nothing. */
  async function expectCleanFailure(
    dir: string,
    args: string[],
    expectation: Expectation & { maxStderrChars?: number },
  ) {
    const before = filesUnder(dir);
    cloud.stats.reset();
    const { code, stdout, stderr } = await cli([...args, '--endpoint', cloud.endpoint]);
    // The error block itself must name the input: progress lines before it do not count.
    const text = `${stdout}\n${stderr.slice(stderr.indexOf('error: '))}`;
    expect(code, text).not.toBe(0);
    expect(stderr).toContain('error: ');
    expect(stderr).toContain('  fix: ');
    if (expectation.expectCode) expect(stderr).toContain(`  code: ${expectation.expectCode}`);
    for (const part of expectation.expectMessageIncludes ?? []) expect(text).toContain(part);
    expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(stderr.length).toBeLessThanOrEqual(expectation.maxStderrChars ?? 20_000);
    expect(filesUnder(dir)).toEqual(before);
    const regions = Object.keys(cloud.stats.snapshot().byRegion);
    for (const region of regions) expect(writeCalls(cloud, region), region).toEqual({});
  }

  describe('config files (through the CLI)', () => {
    it.each(configCases)('%s', async (_name, testCase) => {
      const dir = mkdtempSync(join(tmpdir(), 'lakemirror-bad-config-'));
      const vars = { dir, endpoint: cloud.endpoint };
      let path: string;
      if (testCase.file) {
        path = join(dir, testCase.file);
        writeFileSync(path, fill(testCase.input ?? '', vars));
      } else path = fill(testCase.path!, vars);
      await expectCleanFailure(dir, ['sync', '--config', path], testCase);
    });
  });

  describe('snapshot files (through the CLI)', () => {
    it('the base snapshot of the corpus is valid, so each case fails for its own reason', () => {
      expect(
        parseSnapshotText(readFileSync(join(CASES, 'snapshot', 'valid.snapshot'), 'utf8')).records,
      ).toHaveLength(5);
    });

    it.each(snapshotCases)('%s', async (_name, testCase) => {
      const dir = mkdtempSync(join(tmpdir(), 'lakemirror-bad-snapshot-'));
      const config = join(dir, 'lakemirror.json');
      writeFileSync(
        config,
        JSON.stringify({
          source: { region: 'us-east-1' },
          targets: [{ region: 'us-west-2' }],
          snapshots: { uri: join(dir, 'snapshots') },
          audit: { uri: join(dir, 'audit') },
          deleteMissing: true,
        }),
      );
      let snapshot: string;
      if (testCase.input) {
        snapshot = join(dir, testCase.input);
        copyFileSync(join(CASES, 'snapshot', testCase.input), snapshot);
      } else if (testCase.generate === 'giantLine') {
        snapshot = join(dir, 'giant-line.snapshot');
        const valid = readFileSync(join(CASES, 'snapshot', 'valid.snapshot'), 'utf8').split('\n');
        const giant = JSON.stringify({
          input: { Description: 'x'.repeat(40 * 1024 * 1024), Name: 'big' },
          kind: 'database',
        });
        writeFileSync(snapshot, [valid[0], `${giant},`, ...valid.slice(1)].join('\n'));
      } else snapshot = fill(testCase.snapshotArg!, { dir });
      const command = testCase.command ?? 'sync';
      await expectCleanFailure(dir, [command, '--config', config, '--snapshot', snapshot], testCase);
    });
  });

  describe('CloudTrail events (through parseCloudTrailEvent)', () => {
    it.each(cloudTrailCases)('%s', (_name, testCase) => {
      const result = parseCloudTrailEvent(testCase.input.event, testCase.input.scope);
      if (testCase.expectObjects) {
        expect(isRejection(result)).toBe(false);
        if (!isRejection(result)) expect(result.objects).toEqual(testCase.expectObjects);
        return;
      }
      expect(isRejection(result) && result.rejection).toBe(testCase.expectRejection);
      if (isRejection(result)) {
        for (const part of testCase.expectDetailIncludes ?? []) expect(result.detail).toContain(part);
        expect(result.eventId ?? result.eventName).toBeDefined();
      }
    });
  });

  describe('API answers (through the canonical functions)', () => {
    it.each(apiCases)('%s', (_name, testCase) => {
      const fn = CANONICAL[testCase.function];
      expect(fn, `unknown function ${testCase.function}`).toBeDefined();
      let error: unknown;
      try {
        fn!(testCase.input, ...(testCase.args ?? []));
      } catch (thrown) {
        error = thrown;
      }
      expect(isLakemirrorError(error), String(error)).toBe(true);
      if (!isLakemirrorError(error)) return;
      expect(error.code).toBe(testCase.expectCode);
      expect(error.object).toBeTruthy();
      expect(error.fix).toBeTruthy();
      for (const part of testCase.expectMessageIncludes ?? [])
        expect(`${error.object} ${error.message}`).toContain(part);
    });
  });
});
