/**
 * Test files that mock modules (`vi.mock`) or change `process.env`: each runs in a fresh module graph. Every
 * other file shares its worker's module cache with the files run before it there (vitest `isolate: false`),
 * which spares re-importing the AWS SDK and the local cloud per file: the whole suite took 783 s isolated and
 * 559 s shared on two cores. `test/architecture/testIsolation.test.ts` keeps this list complete.
 */
export const ISOLATED_TESTS: readonly string[] = [
  'test/ondemand/leakCheck.e2e.test.ts',
  'test/unit/aws/clientFactory.test.ts',
  'test/reliability/security.test.ts',
  'test/governance/crossAccount.test.ts',
  'test/governance/optInsCrossAccount.test.ts',
  'test/cli/operatorMistakes.test.ts',
];

export const ALL_TESTS: readonly string[] = ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'];
