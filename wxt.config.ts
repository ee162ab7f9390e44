import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { SITE_PATTERNS } from './lib/sites/hosts';
import { OPTIONAL_BACKEND_ORIGINS } from './lib/sync/backend-config';

// The manifest lists only what Jalur uses: storage for the local store, alarms for the badge clock,
// contextMenus for "clip this profile link", sidePanel for the workspace, notifications for the one summary
// of follow-ups falling due; hosts are the sites Jalur works on.
// Chromium shows a native prompt for permissions.request() that automation cannot answer, and never
// prompts for a host the manifest already grants. The sync end-to-end tests therefore load a build
// (in its own directory) that grants the loopback host up front; the request code path still runs.
const e2eBackend = process.env.JALUR_E2E_BACKEND === '1';

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

export default defineConfig({
  // JALUR_OUT_DIR lets parallel builds (e.g. two developers' test runs on one machine) not overwrite each other.
  outDir: process.env.JALUR_OUT_DIR ?? (e2eBackend ? '.output-e2e' : '.output'),
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), ownContentScriptContext()],
    define: { 'import.meta.env.JALUR_OPEN_SHADOW': JSON.stringify(openShadow) },
  }),
  // `npm run dev` opens Chrome with Jalur loaded; CHROMIUM_PATH points it at another Chromium build.
  webExt: process.env.CHROMIUM_PATH ? { binaries: { chrome: process.env.CHROMIUM_PATH } } : {},
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'contextMenus', 'sidePanel', 'notifications'],
    host_permissions: e2eBackend ? [...SITE_PATTERNS, 'http://127.0.0.1/*'] : SITE_PATTERNS,
    // The team's Supabase project: asked for at connect time, for that one host only.
    optional_host_permissions: OPTIONAL_BACKEND_ORIGINS,
    action: { default_title: '__MSG_extName__' },
    side_panel: { default_path: 'sidepanel.html' },
    commands: {
      'clip-profile': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandClip__',
      },
    },
  },
});
