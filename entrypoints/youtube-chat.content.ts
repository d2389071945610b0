import { defineContentScript } from 'wxt/utils/define-content-script';
import { youtubeAdapter } from '../utils/platforms/youtube';
import { runChatReaderInPage } from '../utils/chat-reader/page-runner';

export default defineContentScript({
  matches: youtubeAdapter.matches,
  excludeMatches: youtubeAdapter.excludeMatches,
  allFrames: true, // the chat is an iframe of the watch page
  runAt: 'document_idle',
  main: (ctx) => runChatReaderInPage(ctx, youtubeAdapter),
});
