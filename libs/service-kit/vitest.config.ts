import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'service-kit',
    include: ['test/**/*.test.ts'],
    globalSetup: [fileURLToPath(import.meta.resolve('@smm/testkit/global-setup'))],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
