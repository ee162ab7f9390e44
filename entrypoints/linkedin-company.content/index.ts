import { ask } from '../../components/shared/api';
import { t } from '../../components/shared/i18n';
import { createCompanyChip, type CompanyChip } from '../../components/chip/company-chip';
import { startSurface } from '../../lib/content-script/start-surface';
import { companySlugFromUrl, findCompanyAnchor, readCompany } from '../../lib/sites/linkedin/company';

// The company chip: on a LinkedIn company page (overview, About, People; logged in or public) it
// offers Add company, and for a tracked company says how many of its people are in the pipeline
// and in which stages. Matched to all of LinkedIn because company pages are reached by in-app
// navigation; the check runs on every location change. Quiet mode ("Show Jalur on LinkedIn pages"
// off): nothing is added, and nothing is asked beyond the setting itself.
export default defineContentScript({
  matches: ['*://*.linkedin.com/*'],
  runAt: 'document_idle',
  // Not in the manifest: the router (entrypoints/linkedin-router.ts) has the background inject it where the URL needs it.
  registration: 'runtime',
  main(ctx) {
    let chip: { slug: string; ui: CompanyChip; note: string | null } | null = null;
    let observer: MutationObserver | null = null;
    let scheduled = false;
    let shown = false;

    function unmount() {
      chip?.ui.el.remove();
      chip = null;
    }

    async function refresh() {
      const current = chip;
      if (!current) return;
      const reply = await ask({ type: 'companySummary', slug: current.slug });
      if (chip !== current) return;
      if (!reply.ok) current.ui.render({ kind: 'error', message: reply.error });
      else if (reply.data.company) current.ui.render({ kind: 'tracked', summary: reply.data, note: current.note });
      else current.ui.render({ kind: 'new', busy: false, error: null });
    }

    async function add() {
      const current = chip;
      if (!current) return;
      current.ui.render({ kind: 'new', busy: true, error: null });
      const read = readCompany(document, location.href);
      if (!read.ok || read.company.slug !== current.slug) {
        current.ui.render({ kind: 'new', busy: false, error: t('companyReadFailed') });
        return;
      }
      const reply = await ask({ type: 'addCompany', company: read.company });
      if (chip !== current) return;
      if (!reply.ok) {
        current.ui.render({ kind: 'new', busy: false, error: reply.error });
        return;
      }
      // Said once, and kept while the chip stands (a refresh after the store changed re-renders it).
      const n = reply.data.linked;
      current.note = n === 0 ? null : n === 1 ? t('companyLinkedOne') : t('companyLinked', String(n));
      current.ui.render({ kind: 'tracked', summary: reply.data, note: current.note });
    }

    async function open() {
      // The side panel follows this tab: on a company page it shows the account.
      await ask({ type: 'openSidePanel' });
    }

    const actions = { onAdd: () => void add(), onOpen: () => void open() };

    function sync() {
      scheduled = false;
      const slug = shown ? companySlugFromUrl(location.href) : null;
      if (!slug) {
        unmount();
        return;
      }
      if (chip && chip.slug === slug && chip.ui.el.isConnected) return;
      const anchor = findCompanyAnchor(document);
      if (!anchor) return; // not rendered yet: the observer calls back
      unmount();
      const ui = createCompanyChip(document, slug, actions);
      anchor.insertAdjacentElement('afterend', ui.el);
      chip = { slug, ui, note: null };
      ui.render({ kind: 'loading' });
      void refresh();
    }

    function schedule() {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(sync);
    }

    function watch() {
      observer?.disconnect();
      observer = new MutationObserver(() => {
        // Off a company page the observer has nothing to do: LinkedIn's feed mutates constantly.
        if (shown && (chip || companySlugFromUrl(location.href))) schedule();
      });
      observer.observe(document.body, { childList: true, subtree: true });
    }

    // Injected by the background after the page's load event, at the router's request; the start still
    // runs in a task of its own (after-load.ts).
    startSurface(ctx, {
      schedule,
      refresh: () => void refresh(),
      setShown: (show) => {
        shown = show;
      },
      watch,
      stop: () => {
        observer?.disconnect();
        unmount();
      },
    });
  },
});
