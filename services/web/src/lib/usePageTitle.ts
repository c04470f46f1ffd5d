import { useEffect } from 'react';

export const SITE_NAME = 'SMM panel';

/** `Orders` → `Orders · SMM panel`. */
export function pageTitle(name?: string): string {
  return name ? `${name} · ${SITE_NAME}` : SITE_NAME;
}

/**
 * The browser tab's title while this page is shown (`Orders · SMM panel`); back to the panel's name
 * when it goes, so a page that sets none never shows another page's.
 */
export function usePageTitle(name: string): void {
  useEffect(() => {
    document.title = pageTitle(name);
    return () => {
      document.title = SITE_NAME;
    };
  }, [name]);
}
