import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { GECKO_ID } from './lib/browser/gecko';
import { SITE_PATTERNS } from './lib/sites/hosts';
import { OPTIONAL_BACKEND_ORIGINS } from './lib/sync/backend-config';
import { panelBuiltAlone, panelStartInOneChunk, styleSheetsInPage } from './build/page-start';

// The manifest lists only what Jalur uses: storage for the local store, alarms for the badge clock,
// contextMenus for "clip this profile link", sidePanel for the workspace, notifications for the one summary
// of follow-ups falling due, scripting to inject a LinkedIn page's surface scripts after its load (only
// those its URL needs, only into the tab and frame whose router asked); hosts are the sites Jalur works on. Firefox gets the same extension with
// its sidebar (sidebar_action, which WXT writes from the same sidepanel page) instead of Chrome's side
// panel, a gecko id and its data-collection declaration (docs/store/ explains both stores' entries).
// Chromium shows a native prompt for permissions.request() that automation cannot answer, and never
// prompts for a host the manifest already grants. The sync end-to-end tests therefore load a build
// (in its own directory) that grants the loopback host up front; the request code path still runs.
const e2eBackend = process.env.JALUR_E2E_BACKEND === '1';

/** Where the LinkedIn router runs (the manifest's LinkedIn host). */
const LINKEDIN_PATTERNS = SITE_PATTERNS.filter((p) => p.includes('linkedin.com'));

// The shipped build closes the shadow roots of everything Jalur adds to a page; JALUR_OPEN_SHADOW=1
// builds the same extension with open roots for outside acceptance tests (CONTRACT.md "Build").
// This define is the only difference between the two builds.
const openShadow = process.env.JALUR_OPEN_SHADOW === '1';

/**
 * WXT's content-script context posts "<extension id>:<script>:wxt:content-script-started" to every
 * page and stops the script when the page replays it. Jalur's content scripts run in their own
 * context instead (lib/content-script/context.ts, same API, nothing sent to the page); the build fails
 * if WXT's ever ends up in a bundle again (e.g. after an upgrade moves the import).
 */
function ownContentScriptContext(): Plugin {
  const ours = fileURLToPath(new URL('./lib/content-script/context.ts', import.meta.url));
  return {
    name: 'jalur:own-content-script-context',
    enforce: 'pre',
    resolveId(id) {
      return id === 'wxt/utils/content-script-context' ? ours : null;
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.code.includes('content-script-started'))
          this.error(`${chunk.fileName} carries WXT's content-script context, which announces Jalur to the page`);
      }
    },
  };
}

/**
 * Content scripts get lib/browser/content-browser.ts for `wxt/browser` instead of webextension-polyfill:
 * MV3 browsers already speak promises, and the polyfill's API tables cost every content script ~4 KB
 * of its 20 KB budget (DESIGN.md §6). WXT builds each content script on its own, so a build whose
 * input is a `*.content` entrypoint is a content-script build. Pages and the background keep the polyfill.
 */
function lightBrowserInContentScripts(): Plugin {
  const shim = fileURLToPath(new URL('./lib/browser/content-browser.ts', import.meta.url));
  let contentScript = false;
  return {
    name: 'jalur:light-browser-in-content-scripts',
    enforce: 'pre',
    options(opts) {
      contentScript = /\.content[\\/]|\.content\.[jt]sx?/.test(JSON.stringify(opts.input ?? ''));
      return null;
    },
    resolveId(id) {
      if (!contentScript) return null;
      return id === 'wxt/browser' || id === '@wxt-dev/webextension-polyfill/browser' ? shim : null;
    },
    generateBundle(_options, bundle) {
      if (!contentScript) return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.code.includes('api-metadata.json'))
          this.error(`${chunk.fileName} carries webextension-polyfill, which content scripts do without`);
      }
    },
  };
}

/**
 * The browsers `npm run dev` can open: Chrome when installed, else Debian's Chromium; CHROMIUM_PATH and
 * FIREFOX_PATH name others. A key left out lets web-ext look for the browser itself.
 */
function devBrowsers(): Record<string, string> {
  const first = (paths: (string | undefined)[]) => paths.find((p): p is string => !!p && existsSync(p));
  const chrome = first([
    process.env.CHROMIUM_PATH,
    '/opt/google/chrome/chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ]);
  const firefox = first([process.env.FIREFOX_PATH, '/usr/bin/firefox', '/usr/bin/firefox-esr']);
  return { ...(chrome ? { chrome } : {}), ...(firefox ? { firefox } : {}) };
}

export default defineConfig({
  // JALUR_OUT_DIR lets parallel builds (e.g. two developers' test runs on one machine) not overwrite each other.
  outDir: process.env.JALUR_OUT_DIR ?? (e2eBackend ? '.output-e2e' : '.output'),
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), ownContentScriptContext(), lightBrowserInContentScripts(), styleSheetsInPage(), panelStartInOneChunk()],
    define: { 'import.meta.env.JALUR_OPEN_SHADOW': JSON.stringify(openShadow) },
  }),
  // `npm run dev` / `npm run dev:firefox` open the browser they find with Jalur loaded. Without a
  // display (a server, CI, a container) a browser cannot open and web-ext would take the dev server
  // down with it: then dev only builds and watches, and the README says how to load the build.
  // Chromium as root (containers) refuses to start without --no-sandbox.
  webExt: {
    disabled: !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY,
    binaries: devBrowsers(),
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
  hooks: {
    // The side panel is built on its own (build/page-start.ts): its start is not cut into chunks by what
    // it shares with the popup and the options page, and neither of them waits on the side panel's code.
    'entrypoints:grouped': (_wxt, groups) => panelBuiltAlone(groups),
    // Firefox opens a sidebar at install unless told not to; Jalur's welcome page already opens then,
    // and the sidebar opens from the popup or View → Sidebar when the rep wants it.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.sidebar_action) manifest.sidebar_action.open_at_install = false;
      // The one LinkedIn script in the manifest: the router (entrypoints/linkedin-router.ts, built by WXT
      // as an unlisted script). The surface scripts are built with `registration: 'runtime'` and injected
      // by the background where the router asks for them (entrypoints/background/inject.ts).
      manifest.content_scripts = [
        { matches: LINKEDIN_PATTERNS, run_at: 'document_idle', js: ['linkedin-router.js'] },
        ...(manifest.content_scripts ?? []),
      ];
    },
  },
  // AMO asks for the sources of a bundled add-on: `npm run zip` writes them beside the Firefox zip.
  zip: {
    zipSources: true,
    excludeSources: ['.output*/**', 'bench-results/**', 'test-results/**', 'playwright-report/**', 'store-shots/**'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // WXT adds sidePanel for Chrome by itself; Firefox has no such permission (its sidebar needs none).
    permissions: ['storage', 'alarms', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel']), 'notifications', 'scripting'],
    host_permissions: e2eBackend ? [...SITE_PATTERNS, 'http://127.0.0.1/*'] : SITE_PATTERNS,
    // The team's Supabase project: asked for at connect time, for that one origin only; nothing here is
    // granted at install.
    optional_host_permissions: OPTIONAL_BACKEND_ORIGINS,
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 142: the first Firefox that reads data_collection_permissions (web-ext lint asks for it).
              strict_min_version: '142.0',
              // Jalur sends nothing to its authors or anyone else; a team's own Supabase project is the
              // team's server, chosen and connected by the team.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { side_panel: { default_path: 'sidepanel.html' } }),
    commands: {
      'clip-profile': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandClip__',
      },
    },
  }),
});
