import { defineConfig } from 'wxt';
import { iconPaths } from './utils/icons';

// Chốt reads chat on the page; it needs no host permissions of its own (content scripts are declared
// statically) and makes no network requests unless team mode is turned on. It asks for the side panel, and for "unlimitedStorage" (no
// install warning) because extension storage is otherwise best-effort: the browser may cap or evict it,
// and the seller's orders must never go that way.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  // CHOT_READABLE_BUILD=1 keeps names and lines as written, for reading CPU profiles (`npm run bench -- --desk-profile`).
  vite: () => ({ build: { minify: process.env.CHOT_READABLE_BUILD === '1' ? false : undefined } }),
  // Name, description and the button's title come from public/_locales in the browser's language
  // (Vietnamese for a Vietnamese browser, English otherwise).
  // The sources zip Firefox's add-on review asks for: the repository as committed, without local output.
  zip: { excludeSources: ['demo-output/**', 'bench-output/**', 'test-results/**', 'playwright-report/**'] },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Firefox has no side panel API: the same page opens as its sidebar (sidebar_action, from the entrypoint).
    permissions: browser === 'firefox' ? ['unlimitedStorage'] : ['sidePanel', 'unlimitedStorage'],
    icons: iconPaths('active'),
    // Team mode only: the team server's address, asked for when the user turns team mode on (never at install).
    // As http(s) origins (a WebSocket opens with an HTTP request to that origin): the browser's own "Site access"
    // settings can grant only those, and a site granted there is then allowed without a second prompt.
    ...(browser === 'firefox' ? { optional_permissions: ['http://*/*', 'https://*/*'] } : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    ...(browser === 'firefox'
      ? {
          browser_action: { default_title: '__MSG_actionTitle__', default_icon: iconPaths('idle') },
          browser_specific_settings: { gecko: { id: 'chot@chot-extension', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } } },
        }
      : {
          action: { default_title: '__MSG_actionTitle__', default_icon: iconPaths('idle') },
          // A WebSocket keeps the service worker alive while messages flow from Chrome 116 on (team mode's keepalive).
          minimum_chrome_version: '116',
        }),
  }),
});
