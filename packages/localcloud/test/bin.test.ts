import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/localcloud.mjs', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../dist/index.js', import.meta.url)));

describe('the package bin (lakemirror-localcloud)', () => {
  it('runs the compiled localcloud command on its own', () => {
    // The root build (npm ci's prepare) writes dist/; without it the bin says how to build and exits 1.
    expect(built, 'packages/localcloud/dist/index.js: run `npm run build` at the root').toBe(true);
    const result = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Usage: localcloud [options]');
    expect(result.stdout).toContain('--in-memory');
  });
});
