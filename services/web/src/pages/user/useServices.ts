import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Currency, ServiceList, ServiceListing } from '../../api/types.ts';

export interface Catalog {
  currency: Currency;
  services: ServiceListing[];
  byId: Map<string, ServiceListing>;
  categories: Array<{ id: string; name: string }>;
}

/** GET /api/user/services: the active services, priced in the caller's currency. */
export function useServices(): { catalog: Catalog | null; error: unknown } {
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api<ServiceList>('GET', '/api/user/services')
      .then((r) => {
        if (!live) return;
        const categories = new Map<string, string>();
        for (const s of r.services) categories.set(s.categoryId, s.categoryName);
        setCatalog({
          currency: r.currency,
          services: r.services,
          byId: new Map(r.services.map((s) => [s.id, s])),
          categories: [...categories].map(([id, name]) => ({ id, name })),
        });
      })
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, []);
  return { catalog, error };
}
