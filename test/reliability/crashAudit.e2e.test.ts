import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GetDatabasesCommand, GetPartitionsCommand, GetTablesCommand } from '@aws-sdk/client-glue';
import { ListLFTagsCommand, ListPermissionsCommand } from '@aws-sdk/client-lakeformation';
import type { LocalCloud, StoredEvent } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLake } from '../../bench/generateLake.ts';
import { LAKE_SIZES } from '../../bench/lakeSizes.ts';
import { loadLakeIntoCloud } from '../../bench/loadLake.ts';
import { mulberry32 } from '../../bench/prng.ts';
import { objectsOf } from '../../src/audit/auditEntries.ts';
import type { AuditRecord } from '../../src/audit/auditRecord.ts';
import { readAuditLines } from '../support/audit.ts';
import { cli } from '../support/cli.ts';
import { clientsFor, startTestCloud } from '../support/localCloud.ts';

/*
 * kill -9 of a real `lakemirror sync` process at seeded moments: the Nth write call the target answers (the
 * local cloud's CloudTrail log counts them), spread from the first write to the last. After each kill, every
 * write call the target answered must have an audit record of that run; after the last kill a rerun converges.
 */
const SEED = 15;
const FIXTURES = ['us-west-2', 'eu-west-1', 'ap-southeast-2'];
const KILLS_PER_FIXTURE = 7;
const SOURCE = 'us-east-1';

interface TrailDocument {
  eventName: string;
  requestParameters: Record<string, any> | null;
}

describe('sync killed at random moments', () => {
  let cloud: LocalCloud;
  let dir: string;
  let accountId: string;
  let totalWrites = 0;
  const onWrite: Array<(region: string) => void> = [];

  const configFor = (region: string, name: string) => {
    const path = join(dir, `${name}.json`);
    writeFileSync(
      path,
      JSON.stringify({
        source: { region: SOURCE, accountId },
        targets: [{ region }],
        snapshots: { uri: join(dir, 'snapshots') },
        audit: { uri: join(dir, `${name}-audit.jsonl`) },
        localcloud: { endpoint: cloud.endpoint },
      }),
    );
    return { path, audit: join(dir, `${name}-audit.jsonl`) };
  };
  const targetWrites = (region: string): StoredEvent[] =>
    cloud.trail.list(accountId, region).filter((e) => !e.readOnly);

  beforeAll(async () => {
    // Call parameters in full (no 100 KB cut): the test matches every partition of a batch to the audit log.
    cloud = await startTestCloud({
      faults: { latencyMs: 1 },
      cloudTrail: { requestParametersLimitBytes: 50 * 1024 * 1024 },
    });
    const lake = generateLake(
      { ...LAKE_SIZES.tiny, databases: 2, tables: 12, partitions: 900, grants: 60, lfTagAssignments: 10 },
      SEED,
    );
    accountId = lake.accountId;
    loadLakeIntoCloud(cloud, SOURCE, lake);
    const append = cloud.trail.append.bind(cloud.trail);
    cloud.trail.append = (account, region, event) => {
      append(account, region, event);
      if (!event.readOnly) for (const listener of onWrite) listener(region);
    };
    dir = mkdtempSync(join(tmpdir(), 'lakemirror-crash-'));
    // The CLI bundled once (as `npm run build` does, into the temporary directory): a process starts in a
    // fraction of the time tsx needs to compile the sources for each one.
    const bundle = spawnSync(process.execPath, ['scripts/build.mjs', '--bundle-only', join(dir, 'cli')], {
      encoding: 'utf8',
    });
    expect(bundle.status, bundle.stderr).toBe(0);
    symlinkSync(resolve('node_modules'), join(dir, 'cli', 'node_modules'));
    writeFileSync(
      join(dir, 'cli', 'run.mjs'),
      "const { main } = await import('./cli.js');\nprocess.exitCode = await main(process.argv);\n",
    );
    // One uninterrupted first sync into a spare Region: how many write calls a whole sync makes.
    const probe = configFor('ca-central-1', 'probe');
    expect((await cli(['sync', '--config', probe.path])).code).toBe(0);
    totalWrites = targetWrites('ca-central-1').length;
    expect(totalWrites).toBeGreaterThan(40);
  });
  afterAll(async () => {
    await cloud?.stop();
  });

  /** Runs sync as a process of its own and kills it (SIGKILL) when the target has answered `killAt` writes. */
  const killedSync = (region: string, config: string, killAt: number) =>
    new Promise<{ killed: boolean }>((resolve, reject) => {
      let seen = 0;
      let child: ChildProcess | undefined;
      const listener = (where: string) => {
        if (where !== region) return;
        seen += 1;
        if (seen === killAt) child?.kill('SIGKILL');
      };
      onWrite.push(listener);
      child = spawn(process.execPath, [join(dir, 'cli', 'run.mjs'), 'sync', '--config', config], {
        stdio: 'ignore',
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      });
      child.on('error', reject);
      child.on('exit', (_code, signal) => {
        onWrite.splice(onWrite.indexOf(listener), 1);
        resolve({ killed: signal === 'SIGKILL' });
      });
    });

  it(`every answered write has an audit record at ${FIXTURES.length * KILLS_PER_FIXTURE} seeded kill points, and a rerun converges`, async () => {
    const random = mulberry32(SEED);
    let kills = 0;
    let unknownShown = 0;
    let checked = 0;
    for (const region of FIXTURES) {
      // Kill points as shares of a whole sync's writes, in order: each run resumes what the last left.
      const shares = Array.from({ length: KILLS_PER_FIXTURE }, () => random()).sort((a, b) => a - b);
      let done = 0;
      for (const [k, share] of shares.entries()) {
        const killAt = Math.max(1, Math.round(share * totalWrites) - done);
        const run = configFor(region, `${region}-${k}`);
        const before = targetWrites(region).length;
        const { killed } = await killedSync(region, run.path, killAt);
        // Calls already received when the process died are still answered: let them land.
        await new Promise((resolve) => setTimeout(resolve, 300));
        const answered = targetWrites(region).slice(before);
        done += answered.length;
        checked += answered.length;
        if (killed) kills += 1;
        const lines = await readAuditLines(run.audit);
        expect(unaudited(answered, lines), `${region} run ${k} (kill at write ${killAt})`).toEqual([]);
        if (lines.some((l) => l.result === 'intent' && !hasOutcome(l, lines))) {
          const listed = await cli(['audit', '--config', run.path]);
          expect(listed.stdout).toContain('unknown');
          expect(listed.stdout).toContain('the next sync reads the target again');
          unknownShown += 1;
        }
        expect((await cli(['unlock', '--config', run.path, '--target', region])).code).toBe(0);
      }
      const rerun = await cli(['sync', '--config', configFor(region, `${region}-rerun`).path]);
      expect(rerun.code, rerun.stderr).toBe(0);
      await expectSameLake(cloud, SOURCE, region);
    }
    expect(kills).toBeGreaterThanOrEqual(20);
    expect(checked).toBeGreaterThan(totalWrites);
    expect(unknownShown).toBeGreaterThan(0);
  }, 600_000);
});

function hasOutcome(intent: AuditRecord, lines: readonly AuditRecord[]): boolean {
  return lines.some((l) => l.call === intent.call && l.result !== 'intent');
}

/** The answered write calls no audit record of the run covers (operation and every object it wrote). */
function unaudited(events: readonly StoredEvent[], lines: readonly AuditRecord[]): string[] {
  const covered = new Set<string>();
  const perOperation = new Map<string, number>();
  for (const line of lines) {
    if (line.result !== 'intent') continue;
    for (const operation of line.operation.split(/[/+]/)) {
      perOperation.set(operation, (perOperation.get(operation) ?? 0) + 1);
      for (const object of objectsOf(line)) covered.add(`${operation} ${object}`);
    }
  }
  const missing: string[] = [];
  const lakeFormationCalls = new Map<string, number>();
  for (const event of events) {
    const document = JSON.parse(event.document) as TrailDocument;
    const keys = glueObjects(document);
    if (keys === undefined) {
      // Lake Formation calls name resources, not lakemirror keys: each needs an intent of its operation.
      lakeFormationCalls.set(event.eventName, (lakeFormationCalls.get(event.eventName) ?? 0) + 1);
      continue;
    }
    for (const key of keys)
      if (!covered.has(`${event.eventName} ${key}`)) missing.push(`${event.eventName} ${key}`);
  }
  for (const [operation, calls] of lakeFormationCalls)
    if ((perOperation.get(operation) ?? 0) < calls)
      missing.push(`${operation}: ${calls} calls, ${perOperation.get(operation) ?? 0} intents`);
  return missing;
}

/** The lakemirror keys a Glue write call names, from its CloudTrail request parameters; undefined for others. */
function glueObjects(document: TrailDocument): string[] | undefined {
  const p = document.requestParameters ?? {};
  const table = (name: string) => `${String(p.databaseName).toLowerCase()}.${name.toLowerCase()}`;
  const partitions = (list: string[][]) =>
    list.map((values) => `${table(p.tableName)}/${JSON.stringify(values)}`);
  switch (document.eventName) {
    case 'CreateDatabase':
      return [String(p.databaseInput.name).toLowerCase()];
    case 'UpdateDatabase':
    case 'DeleteDatabase':
      return [String(p.name).toLowerCase()];
    case 'CreateTable':
    case 'UpdateTable':
      return [table(p.tableInput.name)];
    case 'DeleteTable':
      return [table(p.name)];
    case 'BatchCreatePartition':
      return partitions(p.partitionInputList.map((i: { values: string[] }) => i.values));
    case 'BatchUpdatePartition':
      return partitions(p.entries.map((e: { partitionValueList: string[] }) => e.partitionValueList));
    case 'BatchDeletePartition':
      return partitions(p.partitionsToDelete.map((e: { values: string[] }) => e.values));
    default:
      return undefined;
  }
}

/** The target holds what the source holds, read with plain SDK calls. */
async function expectSameLake(cloud: LocalCloud, source: string, target: string): Promise<void> {
  const read = async (region: string) => {
    const { glue, lakeFormation } = clientsFor(cloud, region);
    const tables: Record<string, unknown> = {};
    const databases = (await glue.send(new GetDatabasesCommand({}))).DatabaseList!.map((d) => d.Name!);
    for (const database of databases) {
      const page = await glue.send(new GetTablesCommand({ DatabaseName: database }));
      for (const t of page.TableList ?? []) {
        let partitions: string[] = [];
        let NextToken: string | undefined;
        do {
          const parts = await glue.send(
            new GetPartitionsCommand({ DatabaseName: database, TableName: t.Name!, NextToken }),
          );
          partitions = partitions.concat((parts.Partitions ?? []).map((x) => JSON.stringify(x.Values)));
          NextToken = parts.NextToken;
        } while (NextToken);
        tables[`${database}.${t.Name}`] = {
          parameters: t.Parameters,
          columns: t.StorageDescriptor?.Columns,
          partitions: partitions.sort(),
        };
      }
    }
    let grants = 0;
    let NextToken: string | undefined;
    do {
      const page = await lakeFormation.send(new ListPermissionsCommand({ NextToken }));
      grants += page.PrincipalResourcePermissions?.length ?? 0;
      NextToken = page.NextToken;
    } while (NextToken);
    const tags = (await lakeFormation.send(new ListLFTagsCommand({}))).LFTags?.map((t) => t.TagKey).sort();
    return { tables, grants, tags };
  };
  const [want, have] = await Promise.all([read(source), read(target)]);
  expect(Object.keys(want.tables).length).toBeGreaterThan(5);
  expect(have).toEqual(want);
}
