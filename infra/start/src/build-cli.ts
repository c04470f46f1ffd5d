// `npm run build`: every service's bundle (services/<name>/dist/main.mjs), as the Docker image and
// `npm start` run them.
import { join } from 'node:path';
import { buildServiceBundles } from './service-bundles.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const t = performance.now();
const built = await buildServiceBundles(root);
process.stdout.write(`built ${built.join(', ')} in ${Math.round(performance.now() - t)} ms\n`);
