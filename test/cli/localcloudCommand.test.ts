import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { runLocalCloudCommand } from '@lakemirror/localcloud';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

/** Runs `lakemirror localcloud …` in-process until the endpoint is printed; `stop()` ends it like Ctrl-C. */
async function startCli(args: string[]) {
  const lines: string[] = [];
  const controller = new AbortController();
  let announce: (endpoint: string) => void = () => {};
  const endpoint = new Promise<string>((resolve) => {
    announce = resolve;
  });
  const exit = runLocalCloudCommand(args, {
    out: (line) => {
      lines.push(line);
      const match = /export AWS_ENDPOINT_URL=(\S+)/.exec(line);
      if (match) announce(match[1]!);
    },
    err: (line) => lines.push(line),
    stop: controller.signal,
  });
  const url = await Promise.race([
    endpoint,
    exit.then((code) => Promise.reject(new Error(`exited ${code}`))),
  ]);
  const stop = () => {
    controller.abort();
    return exit;
  };
  return { url, lines, stop };
}

const iamAt = (endpoint: string) =>
  new IAMClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'AKIALOCAL', secretAccessKey: 'x' },
  });

describe('lakemirror localcloud', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lakemirror-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the endpoint and the env to export, and stops cleanly', async () => {
    const cli = await startCli(['--port', '0', '--in-memory', '--latency-ms', '1']);
    expect(cli.lines.join('\n')).toMatch(/AWS_ACCESS_KEY_ID=\S+\n.*AWS_SECRET_ACCESS_KEY=\S+/);
    const health = await fetch(`${cli.url}/_localcloud/faults`);
    expect(await health.json()).toMatchObject({ latencyMs: 1 });
    expect(await cli.stop()).toBe(0);
  });

  it('persists state in --data-dir across a stop and a start', async () => {
    const first = await startCli(['--port', '0', '--data-dir', dataDir]);
    const trust = '{"Version":"2012-10-17","Statement":[]}';
    await iamAt(first.url).send(new CreateRoleCommand({ RoleName: 'kept', AssumeRolePolicyDocument: trust }));
    expect(await first.stop()).toBe(0);
    const second = await startCli(['--port', '0', '--data-dir', dataDir]);
    const role = await iamAt(second.url).send(new GetRoleCommand({ RoleName: 'kept' }));
    expect(role.Role?.RoleName).toBe('kept');
    expect(await second.stop()).toBe(0);
  });

  it('rejects bad options with exit 1, the usage exit code of every lakemirror command', async () => {
    const errors: string[] = [];
    const io = { out: () => {}, err: (line: string) => errors.push(line) };
    expect(await runLocalCloudCommand(['--fault-rate', '2'], io)).toBe(1);
    expect(await runLocalCloudCommand(['--in-memory', '--data-dir', dataDir], io)).toBe(1);
    expect(await runLocalCloudCommand(['seed'], io)).toBe(1);
    expect(errors.join('\n')).toMatch(/between 0 and 1[\s\S]*exclude each other[\s\S]*--demo/);
  });

  it('is mounted on the lakemirror program', async () => {
    const out: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
    expect(await main(['node', 'lakemirror', 'localcloud', '--help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/--throttle-rps/);
    expect(await main(['node', 'lakemirror', 'localcloud', 'seed', '--help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/--demo/);
    expect(await main(['node', 'lakemirror', 'nope'], io)).not.toBe(0);
  });
});
