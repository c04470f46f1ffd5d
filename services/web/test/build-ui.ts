import { build } from 'vite';

/** vitest globalSetup: the pages are built once, before any browser test asks the gateway for them. */
export default async function buildUi(): Promise<void> {
  const root = new URL('..', import.meta.url).pathname;
  await build({ root, configFile: `${root}vite.config.ts`, logLevel: 'warn' });
}
