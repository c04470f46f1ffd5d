import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

// Browser tests: the whole panel as `npm start` runs it, driven by a real Chromium (test/browser.ts).
export default defineProject({
  test: {
    name: 'web',
    include: ['test/**/*.test.ts'],
    globalSetup: [
      fileURLToPath(import.meta.resolve('@smm/testkit/global-setup')),
      fileURLToPath(new URL('./test/build-ui.ts', import.meta.url)),
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
