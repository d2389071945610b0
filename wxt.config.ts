import { defineConfig } from 'wxt';

// Chốt reads chat on the page; it needs no host permissions of its own (content scripts are declared
// statically) and makes no network requests. "sidePanel" is the only API permission it asks for.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  manifest: {
    name: 'Chốt',
    description: 'Đọc đơn hàng trong bình luận livestream và cộng dồn sản lượng / Reads livestream chat orders and keeps a live tally.',
    default_locale: undefined,
    permissions: ['sidePanel'],
    action: { default_title: 'Chốt' },
  },
});
