import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/configError.ts';
import { loadConfig, validateConfig } from '../../../src/config/loadConfig.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lakemirror-config-'));
});

async function write(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('config.invalid');
    expect((error as ConfigError).source).toBe('user');
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('loads the committed demo and example configs with defaults applied', async () => {
    const demo = await loadConfig('config/demo.json');
    expect(demo.targets[0]?.region).toBe('us-west-2');
    expect(demo.localcloud?.endpoint).toBe('http://127.0.0.1:4566');
    expect(demo.deleteMissing).toBe(false);
    expect(demo.maxDeletes).toBe(100);
    expect(demo.concurrency).toBe(8);
    expect(demo.replicate).toEqual({
      catalog: true,
      permissions: true,
      // Table statistics are a few calls per table; partition statistics can be millions, so they are opt-in.
      columnStatistics: { tables: true, partitions: false },
    });
    expect(demo.realtime).toEqual({
      eventTable: 'lakemirror-events',
      overlapMinutes: 15,
      lookbackMinutes: 60,
      maxAttempts: 5,
      retentionDays: 14,
      deleteMissing: true,
      maxChangePercent: 25,
      capture: 'lookup',
      lookupEveryMinutes: 15,
      pushQueue: 'lakemirror-push',
      reconcile: { everyMinutes: 60, maxCallsPerRun: 500 },
    });
    expect(demo.drill).toEqual({ maxRpoMinutes: 15, maxRtoMinutes: 60 });

    const example = await loadConfig('config/example.yaml');
    expect(example.localcloud).toBeUndefined();
    expect(example.targets).toHaveLength(2);
    expect(example.snapshots.uri).toMatch(/^s3:\/\//);
  });

  it('defaults the snapshot location to .lakemirror/snapshots', async () => {
    const path = await write(
      'min.yml',
      'source: { region: us-east-1 }\ntargets: [{ region: eu-central-2 }]\n',
    );
    expect((await loadConfig(path)).snapshots.uri).toBe('.lakemirror/snapshots');
  });

  it('names a missing file and says how to fix it', async () => {
    const error = await loadConfig(join(dir, 'nope.json')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('config.notFound');
    expect((error as ConfigError).message).toContain('nope.json');
    expect((error as ConfigError).fix).toContain('example.yaml');
  });

  it('names the file and line of malformed JSON', async () => {
    const path = await write('bad.json', '{\n  "source": { "region": "us-east-1" },\n  "targets": [\n}\n');
    const error = (await loadConfig(path).catch((e: unknown) => e)) as ConfigError;
    expect(error.code).toBe('config.malformed');
    expect(error.message).toMatch(/bad\.json:4: malformed JSON at line 4/);
  });

  it('names the file and line of malformed YAML', async () => {
    const path = await write('bad.yaml', 'source:\n  region: us-east-1\ntargets:\n  - region: [us-west-2\n');
    const error = (await loadConfig(path).catch((e: unknown) => e)) as ConfigError;
    expect(error.code).toBe('config.malformed');
    expect(error.message).toMatch(/bad\.yaml:\d+: malformed YAML at line \d+/);
  });

  it('rejects an unsupported extension', async () => {
    const path = await write('config.toml', 'x = 1');
    await expect(loadConfig(path)).rejects.toThrow(/unsupported config file extension '.toml'/);
  });
});

describe('validateConfig', () => {
  const valid = { source: { region: 'us-east-1' }, targets: [{ region: 'us-west-2' }] };

  it('lists one line per problem, each with its JSON path and what is allowed', () => {
    const problems = problemsOf(() =>
      validateConfig({
        source: { region: 'us-east-1' },
        targets: [{ region: 'us-mars-1', colour: 'red' }],
        s3Mapping: { Bad_Bucket: 'ok-bucket' },
        concurrency: 100,
        snapshots: { uri: 's3:/x' },
        filters: { tables: { include: ['sales'] } },
        deleteMissing: 'yes',
      }),
    );
    expect(problems).toEqual([
      "targets[0].region: unknown AWS Region 'us-mars-1'; allowed: a Region code like us-east-1, eu-central-2, ap-southeast-4",
      'targets[0].colour: unknown key; allowed: region, profile, roleArn, readOnlyRoleArn, catalogId, s3Mapping',
      "filters.tables.include[0]: 'sales' is not a table glob; allowed: 'db.table' globs, e.g. sales.* or *.orders",
      "s3Mapping.Bad_Bucket (key): 'Bad_Bucket' is not a valid S3 bucket name; allowed: 3-63 lowercase letters, digits, '.' and '-'",
      'deleteMissing: got "yes"; allowed: a boolean',
      "snapshots.uri: snapshot location 's3:/x' is not valid: only s3://bucket/prefix/ URIs or local directory paths are supported",
      'concurrency: got 100; allowed: at most 64',
    ]);
  });

  it('puts every problem in the message, one per line', () => {
    try {
      validateConfig({ source: {}, targets: [] }, 'my.json');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe(
        'my.json is not a valid lakemirror config (2 problems):\n' +
          '  - source.region: is required; allowed: a string\n' +
          '  - targets: no targets; allowed: a list of at least one target Region',
      );
    }
  });

  it('rejects unknown top-level keys but allows $schema', () => {
    expect(validateConfig({ ...valid, $schema: './lakemirror.schema.json' }).source.region).toBe('us-east-1');
    expect(problemsOf(() => validateConfig({ ...valid, delteMissing: true }))[0]).toMatch(
      /^delteMissing: unknown key; allowed: \$schema, source, targets, filters, s3Mapping, deleteMissing/,
    );
  });

  it('accepts real Region codes and rejects near misses', () => {
    for (const region of ['eu-central-2', 'ap-southeast-4', 'us-gov-west-1', 'ca-west-1', 'mx-central-1']) {
      expect(validateConfig({ ...valid, targets: [{ region }] }).targets[0]?.region).toBe(region);
    }
    for (const region of ['us-east1', 'useast-1', 'eu-centrl-1', 'US-EAST-1']) {
      expect(problemsOf(() => validateConfig({ ...valid, targets: [{ region }] }))[0]).toContain(
        `'${region}'`,
      );
    }
  });

  it('rejects a target equal to the source, duplicate targets and bad ARNs/account IDs', () => {
    const problems = problemsOf(() =>
      validateConfig({
        source: { region: 'us-east-1' },
        targets: [{ region: 'us-east-1' }, { region: 'us-west-2' }, { region: 'us-west-2' }],
      }),
    );
    expect(problems).toEqual([
      "targets[0].region: target Region 'us-east-1' is the source Region; allowed: a different Region or catalogId",
      "targets[2].region: target 'us-west-2' is listed twice; allowed: each Region/catalogId once",
    ]);
    const more = problemsOf(() =>
      validateConfig({ ...valid, targets: [{ region: 'us-west-2', roleArn: 'role/x', catalogId: '12' }] }),
    );
    expect(more[0]).toMatch(/^targets\[0\]\.roleArn: 'role\/x' is not an IAM role ARN/);
    expect(more[1]).toMatch(/^targets\[0\]\.catalogId: '12' is not an AWS account ID; allowed: 12 digits/);
  });

  it('accepts per-target s3Mapping, accountMapping and an http localcloud endpoint', () => {
    const config = validateConfig({
      ...valid,
      targets: [{ region: 'us-west-2', s3Mapping: { 'a-bucket': 'b-bucket' } }],
      accountMapping: { '111122223333': '444455556666' },
      localcloud: { endpoint: 'http://localhost:4566' },
    });
    expect(config.targets[0]?.s3Mapping).toEqual({ 'a-bucket': 'b-bucket' });
    expect(problemsOf(() => validateConfig({ ...valid, localcloud: { endpoint: 'ftp://x' } }))).toEqual([
      'localcloud.endpoint: got "ftp://x"; allowed: an http(s) URL such as http://127.0.0.1:4566',
    ]);
  });
});

describe('governance keys', () => {
  const valid = { source: { region: 'us-east-1' }, targets: [{ region: 'us-west-2' }] };
  it('defaults protectedPrincipals to [] and checks resourceLinkMapping Regions and accounts', () => {
    expect(validateConfig(valid).protectedPrincipals).toEqual([]);
    const config = validateConfig({
      ...valid,
      protectedPrincipals: ['arn:aws:iam::111122223333:role/dr-admin'],
      resourceLinkMapping: {
        regions: { 'us-east-1': 'us-west-2' },
        catalogs: { '111122223333': '444455556666' },
      },
    });
    expect(config.resourceLinkMapping?.regions).toEqual({ 'us-east-1': 'us-west-2' });
    const problems = problemsOf(() =>
      validateConfig({
        ...valid,
        resourceLinkMapping: { regions: { 'us-east-1': 'mars-1' }, catalogs: { x: 'y' } },
      }),
    );
    expect(problems.join('\n')).toMatch(
      /resourceLinkMapping\.regions\["us-east-1"\]: unknown AWS Region 'mars-1'/,
    );
    expect(problems.join('\n')).toMatch(/resourceLinkMapping\.catalogs/);
  });
});

describe('config/lakemirror.schema.json', () => {
  it('equals the schema generated from the zod schema (run src/config/writeJsonSchema.ts to refresh)', async () => {
    const { renderConfigJsonSchema, CONFIG_JSON_SCHEMA_PATH } = await import(
      '../../../src/config/writeJsonSchema.ts'
    );
    const committed = JSON.parse(await readFile(CONFIG_JSON_SCHEMA_PATH, 'utf8'));
    expect(committed).toEqual(renderConfigJsonSchema());
  });
});

describe('loadConfigSync (cdk synth)', () => {
  it('fails a missing file with the same config.notFound error as the CLI', async () => {
    const { loadConfigSync } = await import('../../../src/config/loadConfig.ts');
    expect(() => loadConfigSync('no/such/lakemirror.yaml')).toThrow(
      expect.objectContaining({
        code: 'config.notFound',
        fix: expect.stringContaining('config/example.yaml'),
      }),
    );
  });
});
