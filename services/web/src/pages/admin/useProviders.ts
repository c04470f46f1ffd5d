import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { AdminProvider } from '../../api/types.ts';

/** GET /api/admin/providers (flagged first), reloadable. */
export function useProviders() {
  const [providers, setProviders] = useState<AdminProvider[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      const r = await api<{ providers: AdminProvider[] }>('GET', '/api/admin/providers');
      setProviders(r.providers);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { providers, error, reload, setProviders };
}
