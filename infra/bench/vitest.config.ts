import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'bench',
    include: ['test/**/*.test.ts'],
    globalSetup: [fileURLToPath(import.meta.resolve('@smm/testkit/global-setup'))],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
