import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ALLOWED = [
  /^dist\//,
  /^bin\/lakemirror\.mjs$/,
  /^config\/lakemirror\.schema\.json$/,
  /^config\/example\.yaml$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^package\.json$/,
];

/** A copy of the checkout's tracked files, built as `npm run build` builds, outside the checkout. */
let copy: string;

function run(args: string[]) {
  return spawnSync(process.execPath, [join(copy, 'bin/lakemirror.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' },
  });
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'lakemirror-pack-'));
  const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  }).split('\0');
  for (const file of tracked.filter((f) => f && existsSync(join(root, f)))) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(root, file), join(copy, file));
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  execFileSync(process.execPath, [join(copy, 'scripts/build.mjs')], { cwd: copy, stdio: 'pipe' });
}, 120_000);

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('the published package', () => {
  it('packs the compiled CLI, its types, the config schema and example, README and license, nothing else', () => {
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: copy,
        encoding: 'utf8',
      }),
    ) as Array<{ files: Array<{ path: string }> }>;
    const paths = packed[0]!.files.map((f) => f.path);
    expect(paths.filter((p) => !ALLOWED.some((allowed) => allowed.test(p)))).toEqual([]);
    for (const needed of ['dist/cli.js', 'dist/index.js', 'dist/types/index.d.ts', 'LICENSE', 'README.md'])
      expect(paths).toContain(needed);
    expect(paths.some((p) => p.startsWith('src/') || p.startsWith('test/'))).toBe(false);
  });

  it('runs compiled JavaScript and reads its version from package.json alone', () => {
    const { version } = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')) as { version: string };
    const result = run(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(version);
    expect(readFileSync(join(copy, 'bin/lakemirror.mjs'), 'utf8')).not.toMatch(/tsx/);
  });

  it('is built by npm ci (prepare) and rebuilt by the scripts that run the CLI', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const name of ['prepare', 'build', 'demo', 'localcloud', 'lakemirror'])
      expect(scripts[name], name).toMatch(/^node scripts\/build\.mjs/);
  });

  it('answers --help for every command from the compiled CLI', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    const commands = [...help.stdout.matchAll(/^ {2}([a-z-]+) /gm)]
      .map((m) => m[1]!)
      .filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['sync', 'verify', 'realtime', 'demo', 'localcloud']));
    for (const command of commands) {
      const result = run([command, '--help']);
      expect(result.status, `${command} --help: ${result.stderr}`).toBe(0);
      expect(result.stdout).toContain(`Usage: lakemirror ${command}`);
    }
  });

  it('never loads the local cloud statically: its code sits in chunks only a dynamic import reaches', () => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/^import\s[^;]*?from\s*"(\.[^"]+)"/gms))
        visit(resolve(dirname(file), match[1]!));
    };
    visit(join(copy, 'dist/cli.js'));
    visit(join(copy, 'dist/index.js'));
    const statically = [...reached].map((f) => readFileSync(f, 'utf8')).join('\n');
    const everything = readdirSync(join(copy, 'dist/chunks'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(copy, 'dist/chunks', f), 'utf8'))
      .join('\n');
    expect(everything).toMatch(/function startLocalCloud\(/);
    expect(statically).toContain('function main(');
    expect(statically).not.toMatch(/function startLocalCloud\(/);
    expect(statically).not.toMatch(/from "(dynalite|s3rver)"/);
  });
});
