import { defineConfig } from 'vitest/config';

// One runner for every unit and integration test in the monorepo; browser tests are Playwright's (e2e/).
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/scripts/**/*.test.ts', 'packages/*/test-clients/**/*.test.ts', 'apps/gateway/src/**/*.test.ts', 'apps/web/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'docker/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.next/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
