import { execFileSync, spawn, spawnSync } from 'node:child_process';
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

/** `run`, without blocking the test's thread while the process starts. */
function runAsync(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(copy, 'bin/lakemirror.mjs'), ...args], {
      env: { ...process.env, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (status) => done({ status, stdout, stderr }));
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

  it('answers --help for every command from the compiled CLI', async () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    const commands = [...help.stdout.matchAll(/^ {2}([a-z-]+) /gm)]
      .map((m) => m[1]!)
      .filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['sync', 'verify', 'realtime', 'demo', 'localcloud']));
    // The commands' processes run side by side: each one's start-up is its own.
    const results = await Promise.all(commands.map((command) => runAsync([command, '--help'])));
    results.forEach((result, i) => {
      const command = commands[i]!;
      expect(result.status, `${command} --help: ${result.stderr}`).toBe(0);
      expect(result.stdout).toContain(`Usage: lakemirror ${command}`);
    });
  });

  it('contains no emulator code: the local cloud package is reached only by a dynamic import', () => {
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
    const everything = readdirSync(join(copy, 'dist'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(copy, 'dist', f), 'utf8'))
      .join('\n');
    expect(statically).toContain('function main(');
    expect(everything).toContain('import("@lakemirror/localcloud")');
    expect(statically).not.toMatch(/from\s*"@lakemirror\/localcloud"/);
    expect(everything).not.toMatch(/function startLocalCloud\(|function seedDemoLake\(/);
    expect(everything).not.toMatch(/from "(dynalite|s3rver)"/);
    // The package itself is compiled beside its source, where the CLI's dynamic import finds it.
    expect(readFileSync(join(copy, 'packages/localcloud/dist/index.js'), 'utf8')).toMatch(
      /function startLocalCloud\(/,
    );
  });

  it('depends in production on neither the emulator, its servers nor tsx (npm ls --omit=dev)', () => {
    const listed = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
      cwd: root,
      encoding: 'utf8',
    });
    const names = listed.split('\n').map((line) => line.slice(line.lastIndexOf('node_modules/') + 13));
    expect(names.length).toBeGreaterThan(10);
    for (const name of ['@lakemirror/localcloud', 'dynalite', 's3rver', 'tsx', 'classic-level'])
      expect(names, name).not.toContain(name);
  });

  it('says how to get the local cloud when it is not installed, and runs every other command', () => {
    // An install without the emulator: the copy's dependencies minus @lakemirror/localcloud.
    const bare = mkdtempSync(join(tmpdir(), 'lakemirror-bare-'));
    try {
      mkdirSync(join(bare, 'node_modules'));
      for (const entry of readdirSync(join(root, 'node_modules')).filter((e) => e !== '@lakemirror'))
        symlinkSync(join(root, 'node_modules', entry), join(bare, 'node_modules', entry));
      cpSync(join(copy, 'dist'), join(bare, 'dist'), { recursive: true });
      cpSync(join(copy, 'bin'), join(bare, 'bin'), { recursive: true });
      cpSync(join(copy, 'config'), join(bare, 'config'), { recursive: true });
      cpSync(join(copy, 'package.json'), join(bare, 'package.json'));
      const cli = (args: string[]) =>
        spawnSync(process.execPath, [join(bare, 'bin/lakemirror.mjs'), ...args], {
          cwd: bare,
          encoding: 'utf8',
        });
      for (const command of ['demo', 'localcloud']) {
        const result = cli([command]);
        expect(result.status, command).toBe(1);
        expect(result.stderr).toContain('code: localcloud.notInstalled');
        expect(result.stderr).toContain('npm i -D @lakemirror/localcloud');
      }
      const help = cli(['verify', '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toContain('Usage: lakemirror verify');
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
