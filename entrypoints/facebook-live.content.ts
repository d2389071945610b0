import { defineContentScript } from 'wxt/utils/define-content-script';
import { facebookAdapter } from '../utils/platforms/facebook';
import { runChatReaderInPage } from '../utils/chat-reader/page-runner';

export default defineContentScript({
  matches: facebookAdapter.matches,
  runAt: 'document_idle',
  main: (ctx) => runChatReaderInPage(ctx, facebookAdapter),
});
