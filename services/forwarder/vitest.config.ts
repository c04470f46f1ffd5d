import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'forwarder',
    include: ['test/**/*.test.ts'],
    globalSetup: [fileURLToPath(import.meta.resolve('@smm/testkit/global-setup'))],
    // Some tests run real forwarder processes and wait out backoffs on purpose.
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
