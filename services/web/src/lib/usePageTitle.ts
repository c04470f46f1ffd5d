import { useEffect } from 'react';

import { t } from './i18n.ts';

/** `Orders` → `Orders · SMM panel`. */
export function pageTitle(name?: string): string {
  return name ? `${name} · ${t('site.name')}` : t('site.name');
}

/**
 * The browser tab's title while this page is shown (`Orders · SMM panel`); back to the panel's name
 * when it goes, so a page that sets none never shows another page's.
 */
export function usePageTitle(name: string): void {
  useEffect(() => {
    document.title = pageTitle(name);
    return () => {
      document.title = t('site.name');
    };
  }, [name]);
}
