import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface DevState {
  adminPassword: string;
  jwtSecret: string;
}

/**
 * Generated development secrets, kept in a git-ignored file so a restart keeps the admin's
 * password and everyone's login tokens valid. Production passes real values through env instead.
 */
export function loadDevState(file: string): DevState {
  if (existsSync(file)) {
    const s = JSON.parse(readFileSync(file, 'utf8')) as Partial<DevState>;
    if (s.adminPassword && s.jwtSecret) return s as DevState;
  }
  const state: DevState = {
    adminPassword: randomBytes(9).toString('base64url'),
    jwtSecret: randomBytes(32).toString('base64url'),
  };
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  return state;
}
