import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A cursor-paged list: `load(cursor)` fetches one page; the list restarts whenever `key` (the
 * filters) changes, and `more()` appends the next page. Stale answers (filters changed meanwhile) are
 * dropped.
 */
export function usePaged<T>(key: string, load: (cursor: string | null) => Promise<Page<T>>) {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchPage = useCallback(async (cursor: string | null, append: boolean) => {
    const gen = append ? generation.current : ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await loadRef.current(cursor);
      if (gen !== generation.current) return;
      setItems((prev) => (append ? [...prev, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
    } catch (e) {
      if (gen === generation.current) setError(e);
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the list's identity
  useEffect(() => {
    void fetchPage(null, false);
  }, [key, fetchPage]);

  return {
    items,
    setItems,
    loading,
    error,
    hasMore: nextCursor !== null,
    more: () => (nextCursor ? fetchPage(nextCursor, true) : Promise.resolve()),
    reload: () => fetchPage(null, false),
  };
}
