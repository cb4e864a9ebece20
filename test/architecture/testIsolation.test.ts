import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ISOLATED_TESTS } from '../support/isolatedTests.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What a file sharing its worker's module cache must not do: mock modules, or change the environment. */
const GLOBAL_CHANGES = [
  /\bvi\.(mock|doMock|stubEnv|stubGlobal)\(/,
  /\bprocess\.env(\.[A-Za-z_]\w*|\[[^\]]+\])?\s*=[^=]/,
  /\bdelete process\.env\b/,
];

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [relative(ROOT, path)] : [];
  });
}

const changesGlobals = (file: string) =>
  GLOBAL_CHANGES.some((pattern) => pattern.test(readFileSync(join(ROOT, file), 'utf8')));

describe('test isolation', () => {
  const files = [
    ...testFiles(join(ROOT, 'test')),
    ...readdirSync(join(ROOT, 'packages')).flatMap((pkg) => {
      try {
        return testFiles(join(ROOT, 'packages', pkg, 'test'));
      } catch {
        return [];
      }
    }),
  ];

  it('runs every file that mocks modules or changes process.env in a fresh module graph', () => {
    const changing = files.filter(changesGlobals).sort();
    expect(changing.filter((file) => !ISOLATED_TESTS.includes(file))).toEqual([]);
  });

  it('isolates only files that exist and need it', () => {
    expect(ISOLATED_TESTS.filter((file) => !files.includes(file) || !changesGlobals(file))).toEqual([]);
  });
});
