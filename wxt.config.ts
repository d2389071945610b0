import { defineConfig } from 'wxt';

// Chốt reads chat on the page; it needs no host permissions of its own (content scripts are declared
// statically) and makes no network requests. It asks for the side panel, and for "unlimitedStorage" (no
// install warning) because extension storage is otherwise best-effort: the browser may cap or evict it,
// and the seller's orders must never go that way.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  manifest: {
    name: 'Chốt',
    description: 'Đọc đơn hàng trong bình luận livestream và cộng dồn sản lượng / Reads livestream chat orders and keeps a live tally.',
    default_locale: undefined,
    permissions: ['sidePanel', 'unlimitedStorage'],
    action: { default_title: 'Chốt' },
  },
});
