import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'faults',
    include: ['test/**/*.test.ts'],
    globalSetup: [fileURLToPath(import.meta.resolve('@smm/testkit/global-setup'))],
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
