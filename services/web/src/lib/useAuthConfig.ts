import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { AuthConfig } from '../api/types.ts';

/** GET /api/auth/config (public): whether registration is open, and the API's shortest password. */
export function useAuthConfig(): { config: AuthConfig | null; error: unknown } {
  const [config, setConfig] = useState<AuthConfig | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api<AuthConfig>('GET', '/api/auth/config')
      .then((r) => live && setConfig(r))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, []);
  return { config, error };
}
