import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetTableCommand, UpdateTableCommand } from '@aws-sdk/client-glue';
import { GrantPermissionsCommand, RevokePermissionsCommand } from '@aws-sdk/client-lakeformation';
import type { LocalCloud } from '@lakemirror/localcloud';
import { runLocalCloudCommand } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfigFile } from '../reliability/support.ts';
import { cli } from '../support/cli.ts';
import { seedDemo } from '../support/demoSync.ts';
import { clientsFor, startTestCloud } from '../support/localCloud.ts';

const ENGINEER = 'arn:aws:iam::123456789012:role/data-engineer';

/** A port on which nothing listens (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function totalCalls(cloud: LocalCloud): number {
  return cloud.stats.snapshot().total;
}

describe('operator mistakes are caught before work starts (issue 17, item 4)', () => {
  let cloud: LocalCloud;
  let config: string;
  beforeAll(async () => {
    cloud = await startTestCloud();
    await seedDemo(cloud);
    config = demoConfigFile(cloud).path;
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('--region is checked like the config Regions, before any call', async () => {
    cloud.stats.reset();
    const { code, stderr } = await cli(['plan', '--config', config, '--region', 'mars-1']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/unknown AWS Region 'mars-1' in --region/);
    expect(stderr).toContain('code: flags.region');
    expect(totalCalls(cloud)).toBe(0);
  });

  it('a database filter that matches nothing is a warning naming it; --strict makes it exit 1', async () => {
    const warned = await cli(['plan', '--config', config, '--database', 'nomatch*']);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toMatch(
      /warning: --database\/filters.databases.include 'nomatch\*' matches nothing in the source Region us-east-1/,
    );

    const strict = await cli(['plan', '--config', config, '--database', 'nomatch*', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('code: config.filterMatchesNothing');
  });

  it('protectedPrincipals are validated as principals', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'lakemirror-principals-')), 'config.json');
    writeFileSync(
      bad,
      JSON.stringify({
        source: { region: 'us-east-1' },
        targets: [{ region: 'us-west-2' }],
        protectedPrincipals: ['arn:aws:iam::123456789012:role/ops', 'not-an-arn'],
        localcloud: { endpoint: cloud.endpoint },
      }),
    );
    const { code, stderr } = await cli(['plan', '--config', bad]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/protectedPrincipals.*not a principal: .*not-an-arn/s);
  });

  it('--interval is at least one second', async () => {
    const { code, stderr } = await cli(['realtime', 'watch', '--config', config, '--interval', '0']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--interval 0 is shorter than 1 second/);
  });

  it('a named profile that does not exist is an error, even on a loopback endpoint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakemirror-profiles-'));
    writeFileSync(join(dir, 'config'), '[profile dev]\nregion = us-east-1\n');
    const saved = { ...process.env };
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    try {
      const { code, stderr } = await cli(['plan', '--config', config, '--profile', 'nosuchprofile']);
      expect(code).toBe(1);
      expect(stderr).toMatch(/AWS profile 'nosuchprofile' does not exist/);
      expect(stderr).toMatch(/fix: use one of: dev/);
    } finally {
      process.env = saved;
    }
  });
});

describe('messages point at the fault (issue 17, item 5)', () => {
  let cloud: LocalCloud;
  let files: ReturnType<typeof demoConfigFile>;
  beforeAll(async () => {
    cloud = await startTestCloud();
    await seedDemo(cloud);
    files = demoConfigFile(cloud);
    expect((await cli(['sync', '--config', files.path])).code).toBe(0);
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('an endpoint where nothing listens is named, and credentials are not blamed', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const { code, stderr } = await cli(['plan', '--config', files.path, '--endpoint', endpoint]);
    expect(code).toBe(1);
    expect(stderr).toContain(`nothing answered at ${endpoint}`);
    expect(stderr).toContain('code: aws.unreachable');
    expect(stderr).not.toMatch(/credentials/i);
  });

  it('verify --out is checked before the verify runs: a missing directory, an unknown extension', async () => {
    cloud.stats.reset();
    const missing = await cli(['verify', '--config', files.path, '--out', '/no/such/dir/x.html']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /cannot write \/no\/such\/dir\/x.html: the directory \/no\/such\/dir does not exist/,
    );
    const text = await cli(['verify', '--config', files.path, '--out', join(files.dir, 'report.txt')]);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/cannot tell the report format of .*report\.txt/);
    expect(`${missing.stderr}${text.stderr}`).not.toMatch(/\n\s+at /); // no stack trace
    expect(totalCalls(cloud)).toBe(0);
  });

  it('drift lines name the side of each value and use correct plurals; a missing grant option is said as such', async () => {
    const target = clientsFor(cloud, 'us-west-2');
    const { Table } = await target.glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'orders' }));
    await target.glue.send(
      new UpdateTableCommand({
        DatabaseName: 'sales',
        TableInput: {
          Name: 'orders',
          Description: 'changed in the target',
          StorageDescriptor: Table!.StorageDescriptor!,
          PartitionKeys: Table!.PartitionKeys!,
          TableType: Table!.TableType!,
          ...(Table!.Parameters ? { Parameters: Table!.Parameters } : {}),
        },
      }),
    );
    const finance = { Database: { Name: 'finance' } };
    const principal = { DataLakePrincipalIdentifier: ENGINEER };
    await target.lakeFormation.send(
      new RevokePermissionsCommand({
        Principal: principal,
        Resource: finance,
        Permissions: ['ALTER', 'CREATE_TABLE', 'DESCRIBE'],
        PermissionsWithGrantOption: ['CREATE_TABLE', 'DESCRIBE'],
      }),
    );
    await target.lakeFormation.send(
      new GrantPermissionsCommand({
        Principal: principal,
        Resource: finance,
        Permissions: ['ALTER', 'CREATE_TABLE', 'DESCRIBE'],
      }),
    );

    const { code, stdout } = await cli(['verify', '--config', files.path]);

    expect(code).toBe(2);
    expect(stdout).toContain('DRIFT (2 objects listed)');
    expect(stdout).toMatch(/Description: source .*· target "changed in the target"/);
    expect(stdout).toContain('CREATE_TABLE, DESCRIBE granted in target without the grant option');
    expect(stdout).not.toMatch(/CREATE_TABLE, DESCRIBE not granted/);

    // The sync that repairs it prints an undo command that runs as printed.
    const synced = await cli(['sync', '--config', files.path]);
    expect(synced.code).toBe(0);
    const undo = /undo: (lakemirror restore .*)\)/.exec(synced.stdout)?.[1];
    expect(undo).toContain(`--config ${files.path}`);
    const restored = await cli([...undo!.split(' ').slice(1), '--dry-run']);
    expect(restored.stderr).not.toMatch(/error/);
    expect(restored.code).toBe(2); // the dry run lists the changes that would put the target back
    expect((await cli(['verify', '--config', files.path])).stdout).toContain('All targets are in sync.');
  });

  it('localcloud exits 1 when its port is taken, and runs on no other port', async () => {
    const port = Number(new URL(cloud.endpoint).port);
    const errors: string[] = [];
    const code = await runLocalCloudCommand(['--port', String(port), '--in-memory'], {
      out: (line) => errors.push(line),
      err: (line) => errors.push(line),
    });
    expect(code).toBe(1);
    expect(errors.join('\n')).toMatch(new RegExp(`cannot listen on 127.0.0.1:${port}: the port is in use`));
    expect(errors.join('\n')).not.toMatch(/listening on/);
  });

  it('plan is read-only: the snapshot folder is unchanged; --out keeps the snapshot it read', async () => {
    const folder = join(files.dir, 'snapshots');
    const before = readdirSync(folder).sort();
    const plan = await cli(['plan', '--config', files.path]);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('snapshot not kept');
    expect(readdirSync(folder).sort()).toEqual(before);

    const kept = join(files.dir, 'kept.json');
    expect((await cli(['plan', '--config', files.path, '--out', kept])).code).toBe(0);
    expect(readdirSync(files.dir)).toContain('kept.json');
    expect(readdirSync(folder).sort()).toEqual(before);
  });

  it('plan exits 0 with changes pending, 2 only with --detailed-exitcode', async () => {
    const { glue } = clientsFor(cloud, 'us-west-2');
    const { Table } = await glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'customers' }));
    await glue.send(
      new UpdateTableCommand({
        DatabaseName: 'sales',
        TableInput: {
          Name: 'customers',
          Description: 'pending',
          StorageDescriptor: Table!.StorageDescriptor!,
          TableType: Table!.TableType!,
          ...(Table!.PartitionKeys ? { PartitionKeys: Table!.PartitionKeys } : {}),
          ...(Table!.Parameters ? { Parameters: Table!.Parameters } : {}),
        },
      }),
    );
    const plain = await cli(['plan', '--config', files.path]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('~ table sales.customers');
    expect((await cli(['plan', '--config', files.path, '--detailed-exitcode'])).code).toBe(2);
  });
});
