import { spawnSync } from 'node:child_process';
import { SERVICE_NODE_FLAGS } from '@smm/config';

/**
 * Runs this script again with the V8 flags every service runs with (libs/config node-flags.ts) when
 * it was started without them: the sync benchmark runs status-sync inside its own process, so that
 * process must be sized as the service is.
 */
export function rerunWithServiceFlags(): void {
  if (SERVICE_NODE_FLAGS.every((f) => process.execArgv.includes(f))) return;
  const r = spawnSync(
    process.execPath,
    [...SERVICE_NODE_FLAGS, ...process.execArgv, ...process.argv.slice(1)],
    { stdio: 'inherit' },
  );
  process.exit(r.status ?? 1);
}
