import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { ALL_TESTS, ISOLATED_TESTS } from './test/support/isolatedTests.ts';

export default defineConfig({
  // Tests run the local cloud from its TypeScript source (the product's dist/ loads its compiled dist/).
  resolve: {
    alias: [
      {
        find: /^@lakemirror\/localcloud$/,
        replacement: fileURLToPath(new URL('packages/localcloud/src/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/support/checkoutUnchanged.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: [...ALL_TESTS], exclude: [...ISOLATED_TESTS], isolate: false },
      },
      { extends: true, test: { name: 'isolated', include: [...ISOLATED_TESTS], isolate: true } },
    ],
  },
});
