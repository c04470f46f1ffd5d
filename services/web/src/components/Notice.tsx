import type { ReactNode } from 'react';

/** A short success line after an action. */
export function Notice({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="notice" role="status" data-testid="notice">
      {children}
    </div>
  );
}
