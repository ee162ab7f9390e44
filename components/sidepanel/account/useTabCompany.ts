import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { companySlugFromUrl } from '../../../lib/sites/linkedin/company';

/** The LinkedIn company page the panel's tab shows (its slug), kept current as the tab navigates. */
export function useTabCompany(tabId: number | null): string | null {
  const [slug, setSlug] = useState<string | null>(null);
  useEffect(() => {
    if (tabId === null) {
      setSlug(null);
      return;
    }
    let live = true;
    const read = () =>
      void browser.tabs.get(tabId).then(
        (tab) => live && setSlug(tab.url ? companySlugFromUrl(tab.url) : null),
        () => live && setSlug(null),
      );
    read();
    const onUpdated = (id: number, info: { url?: string }) => {
      if (id === tabId && info.url !== undefined) setSlug(companySlugFromUrl(info.url));
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId]);
  return slug;
}
