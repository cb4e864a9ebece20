import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

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
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/support/checkoutUnchanged.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
