import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

it('`lakemirror demo` seeds, replicates, verifies and re-syncs with nothing to do; verify works afterwards', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lakemirror-demo-'));
  const port = await freePort();
  const config = join(dir, 'demo.json');
  writeFileSync(
    config,
    JSON.stringify({
      source: { region: 'us-east-1' },
      targets: [{ region: 'us-west-2' }],
      s3Mapping: { 'lakemirror-demo-lake-use1': 'lakemirror-demo-lake-usw2' },
      snapshots: { uri: join(dir, 'snapshots') },
      audit: { uri: join(dir, 'audit') },
      localcloud: { endpoint: `http://127.0.0.1:${port}`, dataDir: join(dir, 'cloud') },
    }),
  );
  const out: string[] = [];
  const err: string[] = [];
  const host = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };

  const code = await main(['node', 'lakemirror', 'demo', '--config', config], host);

  expect(code).toBe(0);
  const text = out.join('\n');
  expect(text).toMatch(/table\s+21\s+0\s+0\s+0\s+0/);
  expect(text).toContain('All targets are in sync.');
  expect(text).toContain('Second sync: 0 write calls. Nothing to do');

  // The local cloud's data persisted: verify starts an embedded local cloud on it and finds no drift.
  out.length = 0;
  const verify = await main(['node', 'lakemirror', 'verify', '--config', config], host);
  expect(verify).toBe(0);
  expect(out.join('\n')).toContain('All targets are in sync.');
  expect(err.join('\n')).toContain(`data in ${join(dir, 'cloud')}`);
});
