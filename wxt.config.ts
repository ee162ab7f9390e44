import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { SITE_PATTERNS } from './lib/sites/hosts';

// The manifest lists only what Jalur uses: storage for the local store, alarms for the badge clock,
// contextMenus for "clip this profile link", sidePanel for the workspace; hosts are the sites Jalur works on.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  // `npm run dev` opens Chrome with Jalur loaded; CHROMIUM_PATH points it at another Chromium build.
  webExt: process.env.CHROMIUM_PATH ? { binaries: { chrome: process.env.CHROMIUM_PATH } } : {},
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'contextMenus', 'sidePanel'],
    host_permissions: SITE_PATTERNS,
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
