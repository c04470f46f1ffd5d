import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['libs/*', 'services/*', 'infra/bench', 'infra/secrets', 'infra/start', 'infra/faults'],
  },
});
