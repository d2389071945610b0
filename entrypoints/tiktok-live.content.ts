import { defineContentScript } from 'wxt/utils/define-content-script';
import { tiktokAdapter } from '../utils/platforms/tiktok';
import { runChatReaderInPage } from '../utils/chat-reader/page-runner';

export default defineContentScript({
  matches: tiktokAdapter.matches,
  runAt: 'document_idle',
  main: (ctx) => runChatReaderInPage(ctx, tiktokAdapter),
});
