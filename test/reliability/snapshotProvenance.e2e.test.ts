import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetTableCommand, UpdateTableCommand } from '@aws-sdk/client-glue';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LakemirrorConfig } from '../../src/config/configSchema.ts';
import { recordingOutput } from '../../src/engine/output.ts';
import { takeSafetySnapshot } from '../../src/engine/safetySnapshot.ts';
import { runFilter } from '../../src/engine/scope.ts';
import { createRuntime, runRestore, runSync } from '../../src/ondemand/index.ts';
import { cli } from '../support/cli.ts';
import { demoConfig, seedDemo } from '../support/demoSync.ts';
import { clientsFor, startTestCloud, writeCalls } from '../support/localCloud.ts';
import { asVersion1, rehashed } from '../support/snapshotText.ts';
import { demoConfigFile } from './support.ts';

/** A never-synced target: any write there would come from the snapshot under test. */
const FRESH = 'ap-southeast-2';

describe('snapshots that prove where they come from (local cloud, real SDK)', () => {
  let cloud: LocalCloud;
  let keyArn: string;
  let signed: LakemirrorConfig;
  let unsigned: LakemirrorConfig;
  let signedSnapshot: string;
  beforeAll(async () => {
    cloud = await startTestCloud();
    await seedDemo(cloud);
    const kms = new KMSClient({
      region: 'us-east-1',
      endpoint: cloud.endpoint,
      credentials: { accessKeyId: 'AKIALOCALTEST', secretAccessKey: 'local' },
    });
    const key = await kms.send(
      new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }),
    );
    keyArn = key.KeyMetadata!.Arn!;
    const snapshots = mkdtempSync(join(tmpdir(), 'lakemirror-signed-'));
    signed = demoConfig(cloud, {
      targets: [{ region: FRESH }],
      snapshots: { uri: snapshots, signingKey: keyArn },
    });
    unsigned = demoConfig(cloud, { targets: [{ region: FRESH }] });
    signedSnapshot = (await runSync(createRuntime(signed), { dryRun: true, keepSnapshot: true })).snapshot
      .uri!;
  });
  afterAll(async () => {
    await cloud.stop();
  });

  /** Writes `text` as a new snapshot file and applies it with `config`; answers the error code, if any. */
  async function applyText(config: LakemirrorConfig, text: string, force = false) {
    const path = join(mkdtempSync(join(tmpdir(), 'lakemirror-edited-')), 'edited.json');
    writeFileSync(path, text);
    cloud.stats.reset();
    const output = recordingOutput();
    try {
      const report = await runSync(createRuntime(config, { output }), { snapshotUri: path, force });
      return { report, output, writes: writeCalls(cloud, FRESH) };
    } catch (error) {
      return { code: (error as { code?: string }).code, output, writes: writeCalls(cloud, FRESH) };
    }
  }

  it('the writer signs with KMS GenerateMac; the trailer names the key and the algorithm', () => {
    const trailer = JSON.parse(readFileSync(signedSnapshot, 'utf8')).trailer;

    expect(trailer.signature).toMatchObject({ keyId: keyArn, algorithm: 'HMAC_SHA_256' });
    expect(Buffer.from(trailer.signature.mac, 'base64')).toHaveLength(32);
  });

  it.each([
    ['source.accountId', '"accountId":"123456789012"', '"accountId":"999999999999"'],
    ['source.region', '"region":"us-east-1"', '"region":"us-east-2"'],
    ['capturedAt', /"capturedAt":"[^"]+"/, '"capturedAt":"2020-01-01T00:00:00.000Z"'],
    ['tool', /"tool":"[^"]+"/, '"tool":"evil/1.0"'],
  ])('an edited header field (%s), re-hashed, is refused before any write', async (_field, from, to) => {
    const text = readFileSync(signedSnapshot, 'utf8');
    const edited = rehashed(text.replace(from, to));
    expect(edited).not.toBe(text);

    const result = await applyText(signed, edited);

    expect(result.code).toBe('snapshot.badSignature');
    expect(result.writes).toEqual({});
  });

  it('a record edited and re-hashed (one more data lake admin) is refused before any write', async () => {
    const text = readFileSync(signedSnapshot, 'utf8');
    const edited = rehashed(
      text.replace(
        '"DataLakeAdmins":[',
        '"DataLakeAdmins":[{"DataLakePrincipalIdentifier":"arn:aws:iam::999999999999:root"},',
      ),
    );
    expect(edited).toContain('999999999999:root');

    const result = await applyText(signed, edited);

    expect(result.code).toBe('snapshot.badSignature');
    expect(result.writes).toEqual({});
  });

  it('with signingKey set, an unsigned snapshot (or a schemaVersion 1 one) is refused before any write', async () => {
    const plain = (await runSync(createRuntime(unsigned), { dryRun: true, keepSnapshot: true })).snapshot
      .uri!;
    const text = readFileSync(plain, 'utf8');

    const unsignedV2 = await applyText(signed, text);
    const unsignedV1 = await applyText(signed, asVersion1(readFileSync(signedSnapshot, 'utf8')));

    expect(unsignedV2.code).toBe('snapshot.unsigned');
    expect(unsignedV1.code).toBe('snapshot.unsigned');
    expect([unsignedV2.writes, unsignedV1.writes]).toEqual([{}, {}]);
  });

  it('the signed snapshot itself verifies (KMS VerifyMac) and applies', async () => {
    const result = await applyText(signed, readFileSync(signedSnapshot, 'utf8'));

    expect(result.code).toBeUndefined();
    expect(result.report?.targets[0]?.counts.table?.created).toBeGreaterThan(15);
  });

  it('a sync that updates the target keeps its capture of the target as a signed safety snapshot', async () => {
    const glue = clientsFor(cloud, FRESH).glue;
    const { Table } = await glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'orders' }));
    await glue.send(
      new UpdateTableCommand({
        DatabaseName: 'sales',
        TableInput: {
          Name: 'orders',
          Description: 'changed in DR',
          StorageDescriptor: Table!.StorageDescriptor,
          PartitionKeys: Table!.PartitionKeys,
          TableType: Table!.TableType,
          Parameters: Table!.Parameters,
        },
      }),
    );

    const report = await runSync(createRuntime(signed));
    const safety = report.targets[0]!.safetySnapshot!;

    expect(report.targets[0]!.counts.table?.updated).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(safety, 'utf8')).trailer.signature).toMatchObject({ keyId: keyArn });
    const restored = await runRestore(createRuntime(signed), { snapshotUri: safety, dryRun: true });
    expect(restored.snapshot.uri).toBe(safety);
    expect(restored.targets[0]!.actions.map((a) => `${a.op} ${a.key}`)).toEqual(['update sales.orders']);
  });

  it('safety snapshots are signed too, and restore refuses one edited and re-hashed', async () => {
    const runtime = createRuntime(signed);
    const side = await runtime.target(signed.targets[0]!);
    const { uri } = await takeSafetySnapshot(runtime, side, runFilter(signed));
    const text = readFileSync(uri, 'utf8');
    expect(JSON.parse(text).trailer.signature).toMatchObject({ keyId: keyArn, algorithm: 'HMAC_SHA_256' });
    const edited = join(mkdtempSync(join(tmpdir(), 'lakemirror-safety-')), 'edited.json');
    writeFileSync(
      edited,
      rehashed(text.replace(/"capturedAt":"[^"]+"/, '"capturedAt":"2020-01-01T00:00:00.000Z"')),
    );

    const planned = await runRestore(createRuntime(signed), { snapshotUri: uri, dryRun: true });
    const refused = runRestore(createRuntime(signed), { snapshotUri: edited, dryRun: true });

    expect(planned.snapshot.contentHash).toBe(JSON.parse(text).trailer.contentHash);
    await expect(refused).rejects.toMatchObject({ code: 'snapshot.badSignature' });
  });

  it('without --force, sync --snapshot refuses a snapshot of another account or Region', async () => {
    const plain = readFileSync(
      (await runSync(createRuntime(unsigned), { dryRun: true, keepSnapshot: true })).snapshot.uri!,
      'utf8',
    );
    const otherAccount = rehashed(plain.replace('"accountId":"123456789012"', '"accountId":"210987654321"'));
    const otherRegion = rehashed(plain.replace('"region":"us-east-1"', '"region":"eu-west-1"'));

    const account = await applyText(unsigned, otherAccount);
    const region = await applyText(unsigned, otherRegion);

    expect([account.code, region.code]).toEqual(['sync.otherSource', 'sync.otherSource']);
    expect([account.writes, region.writes]).toEqual([{}, {}]);
  });

  it('with the source Region down and no source.accountId, the origin cannot be checked: refused without --force', async () => {
    const plain = (await runSync(createRuntime(unsigned), { dryRun: true, keepSnapshot: true })).snapshot
      .uri!;
    const down = createRuntime(unsigned);
    down.source = () => Promise.reject(new Error('us-east-1 is unreachable'));

    await expect(runSync(down, { snapshotUri: plain })).rejects.toMatchObject({
      code: 'sync.otherSource',
      fix: expect.stringContaining('source.accountId'),
    });
  });

  it('with --force, sync --snapshot applies a snapshot of another Region', async () => {
    const plain = readFileSync(
      (await runSync(createRuntime(unsigned), { dryRun: true, keepSnapshot: true })).snapshot.uri!,
      'utf8',
    );
    const otherRegion = rehashed(plain.replace('"region":"us-east-1"', '"region":"eu-west-1"'));

    const forced = await applyText(unsigned, otherRegion, true);

    expect(forced.code).toBeUndefined();
    expect(forced.report?.targets[0]?.error).toBeUndefined();
  });

  it('the CLI: sync --snapshot refuses another Region (exit 1, the fix names --force) and applies it with --force', async () => {
    const plain = readFileSync(
      (await runSync(createRuntime(unsigned), { dryRun: true, keepSnapshot: true })).snapshot.uri!,
      'utf8',
    );
    const path = join(mkdtempSync(join(tmpdir(), 'lakemirror-cli-')), 'other-region.json');
    writeFileSync(path, rehashed(plain.replace('"region":"us-east-1"', '"region":"eu-west-1"')));
    const config = demoConfigFile(cloud, { targets: [{ region: FRESH }] });
    const endpoint = ['--endpoint', cloud.endpoint];

    const refused = await cli(['sync', '--config', config.path, ...endpoint, '--snapshot', path]);
    const forced = await cli(['sync', '--config', config.path, ...endpoint, '--snapshot', path, '--force']);

    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('code: sync.otherSource');
    expect(refused.stderr).toContain('--force');
    expect(forced.code).toBe(0);
  });

  it('a schemaVersion 1 snapshot still applies without signing, with a notice through the output port', async () => {
    const plain = readFileSync(
      (await runSync(createRuntime(unsigned), { dryRun: true, keepSnapshot: true })).snapshot.uri!,
      'utf8',
    );

    const result = await applyText(unsigned, asVersion1(plain));

    expect(result.code).toBeUndefined();
    expect(result.output.notices.map((n) => [n.level, n.code])).toContainEqual([
      'warn',
      'snapshot.headerNotHashed',
    ]);
  });
});
