import { defineConfig } from 'wxt';

// Chốt reads chat on the page; it needs no host permissions of its own (content scripts are declared
// statically) and makes no network requests unless team mode is turned on. "sidePanel" is the only
// permission it asks for at install.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  manifest: {
    name: 'Chốt',
    description: 'Đọc đơn hàng trong bình luận livestream và cộng dồn sản lượng / Reads livestream chat orders and keeps a live tally.',
    default_locale: undefined,
    permissions: ['sidePanel'],
    // Team mode only: the team server's address, asked for when the user turns team mode on (never at install).
    optional_host_permissions: ['ws://*/*', 'wss://*/*'],
    // A WebSocket keeps the service worker alive while messages flow from Chrome 116 on (team mode's keepalive).
    minimum_chrome_version: '116',
    action: { default_title: 'Chốt' },
  },
});
