import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { s3AuditLog } from '../../src/audit/s3AuditLog.ts';
import type { SyncReport } from '../../src/engine/syncReport.ts';
import { cli } from '../support/cli.ts';
import { seedDemo } from '../support/demoSync.ts';
import { startTestCloud } from '../support/localCloud.ts';
import { type RecordingS3, startRecordingS3 } from '../support/recordingS3.ts';
import { demoConfigFile } from './support.ts';

/** AWS's documented example keys: recognisable if they leak anywhere. */
const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN0123456789abcdefghijklmnopqrstuvwxyz';

/** Patterns of credentials and secrets that must never reach output, snapshots or the audit log. */
const SECRET_PATTERNS: RegExp[] = [
  /\b(AKIA|ASIA)[A-Z0-9]{16}\b/,
  /aws_secret_access_key|secretAccessKey|SecretAccessKey|sessionToken|SessionToken/i,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  // A 40-character AWS secret: base64 with upper, lower and a digit, standing alone.
  /(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+=]*[A-Z])(?=[A-Za-z0-9/+=]*[a-z])(?=[A-Za-z0-9/+=]*\d)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/,
  /\bPASSWORD\b\s*[:=]/i,
];

function leaks(text: string): string[] {
  const found = [ACCESS_KEY, SECRET_KEY, SESSION_TOKEN].filter((s) => text.includes(s));
  for (const pattern of SECRET_PATTERNS) {
    const match = pattern.exec(text);
    if (match) found.push(`${pattern}: ${match[0]}`);
  }
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

describe('security', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
    await seedDemo(cloud);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await cloud.stop();
  });

  it('keeps credentials out of the output, snapshots and the audit log of a demo sync; files are private', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', ACCESS_KEY);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', SECRET_KEY);
    vi.stubEnv('AWS_SESSION_TOKEN', SESSION_TOKEN);
    vi.stubEnv('AWS_PROFILE', '');
    const files = demoConfigFile(cloud, { deleteMissing: true });
    const endpoint = ['--endpoint', cloud.endpoint];
    const runs = [
      await cli(['snapshot', '--config', files.path, ...endpoint]),
      await cli(['sync', '--config', files.path, ...endpoint]),
      await cli(['sync', '--config', files.path, ...endpoint, '--json']),
      await cli(['verify', '--config', files.path, ...endpoint]),
      await cli(['audit', '--config', files.path, '--json']),
    ];
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(leaks(run.stdout)).toEqual([]);
      expect(leaks(run.stderr)).toEqual([]);
    }
    const report = JSON.parse(runs[2]!.stdout) as SyncReport;
    expect(report.snapshot.uri).toContain(files.dir);
    const written = filesUnder(files.dir).filter(
      (path) => !path.endsWith('.json') || path.includes('snapshots'),
    );
    expect(written.some((path) => path.includes(join('snapshots', 'us-east-1-')))).toBe(true);
    expect(written.some((path) => path.includes('audit'))).toBe(true);
    for (const path of written) {
      expect(leaks(readFileSync(path, 'utf8')), path).toEqual([]);
      expect(statSync(path).mode & 0o777, path).toBe(0o600);
    }
  });

  it('never calls the Glue connection APIs (connections hold passwords)', () => {
    const sources = filesUnder(new URL('../../src/', import.meta.url).pathname).filter(
      (path) => path.endsWith('.ts') && !path.includes(join('src', 'localcloud')),
    );
    for (const path of sources)
      expect(readFileSync(path, 'utf8'), path).not.toMatch(
        /(Get|Create|Update|Delete|Batch\w*)Connections?Command/,
      );
  });
});

describe('S3 objects are encrypted', () => {
  let recording: RecordingS3;
  let s3: S3Client;
  let sent: RecordingS3['sent'];
  beforeAll(async () => {
    recording = await startRecordingS3('audit');
    ({ s3, sent } = recording);
  });
  afterAll(async () => {
    await recording.stop();
  });

  it('puts audit objects with SSE: an intent at once, outcomes with the next put; none for a run that wrote nothing', async () => {
    const run = { runId: 'run-1', startedAt: '2024-05-01T12:00:00.000Z' };
    const empty = s3AuditLog(s3, { bucket: 'audit', prefix: 'lm/' }, run, { region: 'us-east-1' });
    await empty.close();
    expect(sent.filter((c) => c.name === 'PutObjectCommand')).toEqual([]);
    const log = s3AuditLog(s3, { bucket: 'audit', prefix: 'lm/' }, run, { region: 'us-east-1' });
    const record = {
      schemaVersion: 1 as const,
      time: run.startedAt,
      runId: run.runId,
      principal: 'arn:aws:iam::123456789012:role/lakemirror',
      region: 'us-west-2',
      accountId: '123456789012',
      operation: 'CreateTable',
      kind: 'table' as const,
      op: 'create' as const,
      object: 'sales.orders',
      beforeHash: null,
      afterHash: 'sha256:00',
      result: 'ok' as const,
    };
    await log.append([record]);
    await log.append([{ ...record, object: 'sales.items' }]);
    expect(sent.filter((c) => c.name === 'PutObjectCommand')).toEqual([]);
    await log.append([{ ...record, object: 'sales.stores', result: 'intent' as const }], { durable: true });
    const puts = sent.filter((c) => c.name === 'PutObjectCommand');
    expect(puts).toHaveLength(1);
    expect(puts[0]!.input).toMatchObject({
      Bucket: 'audit',
      Key: 'lm/2024-05-01T12-00-00-000Z-run-1-000001.jsonl',
      ServerSideEncryption: 'AES256',
    });
    expect(String(puts[0]!.input.Body).trim().split('\n')).toHaveLength(3);
    await log.append([{ ...record, object: 'sales.returns' }]);
    await log.close();
    const all = sent.filter((c) => c.name === 'PutObjectCommand');
    expect(all).toHaveLength(2);
    expect(all[1]!.input.Key).toBe('lm/2024-05-01T12-00-00-000Z-run-1-000002.jsonl');
  });
});
