import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { SITE_PATTERNS } from './lib/sites/hosts';
import { OPTIONAL_BACKEND_ORIGINS } from './lib/sync/backend-config';

// The manifest lists only what Jalur uses: storage for the local store, alarms for the badge clock,
// contextMenus for "clip this profile link", sidePanel for the workspace, notifications for the one summary
// of follow-ups falling due; hosts are the sites Jalur works on.
// Chromium shows a native prompt for permissions.request() that automation cannot answer, and never
// prompts for a host the manifest already grants. The sync end-to-end tests therefore load a build
// (in its own directory) that grants the loopback host up front; the request code path still runs.
const e2eBackend = process.env.JALUR_E2E_BACKEND === '1';

export default defineConfig({
  // JALUR_OUT_DIR lets parallel builds (e.g. two developers' test runs on one machine) not overwrite each other.
  outDir: process.env.JALUR_OUT_DIR ?? (e2eBackend ? '.output-e2e' : '.output'),
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
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
