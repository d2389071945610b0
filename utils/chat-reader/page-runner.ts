import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import type { PlatformAdapter } from '../platforms/adapter';
import { startChatReader, type ChatReader } from './chat-reader';
import { sendBatchToBackground } from './send-batch';
import { startPageOverlay, type PageOverlay } from '../on-air/page-overlay';
import { ON_AIR_PORT } from '../messaging/on-air-messages';
import { browserLanguage } from '../i18n/messages';
import { captureSample } from '../samples/capture-sample';
import { answerSampleRequest, type SampleAnswer } from '../samples/sample-request';
import { framePageReplySchema } from '../messaging/frame-page';

/**
 * The top page's URL for a chat that is a frame of it: read directly when same-origin, else asked of the
 * background once (it knows the tab's URL). Undefined for a top-level page.
 */
function framePageUrl(): () => string | undefined {
  if (window.top === window) return () => undefined;
  let told: string | undefined;
  let asked = false;
  let readable = true;
  return () => {
    if (readable) {
      try {
        return window.top!.location.href;
      } catch {
        readable = false; // cross-origin: ask once
      }
    }
    if (!asked) {
      asked = true;
      browser.runtime.sendMessage({ type: 'frame-page' }).then(
        (reply: unknown) => {
          const parsed = framePageReplySchema.safeParse(reply);
          if (parsed.success) told = parsed.data.pageUrl;
          else asked = false; // the worker may be restarting: ask again on the next batch
        },
        () => {
          asked = false;
        },
      );
    }
    return told;
  };
}

/**
 * Runs a chat reader while the page is a live chat of this platform. Sites that change pages without
 * reloading (TikTok, Facebook) start and stop it as the URL changes.
 */
export function runChatReaderInPage(ctx: ContentScriptContext, adapter: PlatformAdapter): void {
  // A chat frame hidden on another site (a 1×1 YouTube chat on any page) is not the seller's: nothing is read.
  if (adapter.readsInFrameOf && !adapter.readsInFrameOf([...(location.ancestorOrigins ?? [])])) return;
  let reader: ChatReader | undefined;
  let overlay: PageOverlay | undefined;
  const pageUrl = framePageUrl();

  const startOverlay = () => {
    const since = Date.now();
    return startPageOverlay({
      adapter,
      document,
      streamId: () => {
        const stream = adapter.streamOf(document, location.href, since, pageUrl());
        return stream ? `${stream.platform}:${stream.key}` : null;
      },
      connect: () => browser.runtime.connect({ name: ON_AIR_PORT }),
      send: (message) => browser.runtime.sendMessage(message),
      browserLanguage: browserLanguage(navigator.languages),
    });
  };

  const start = () =>
    startChatReader({
      adapter,
      document,
      url: () => location.href,
      pageUrl,
      send: sendBatchToBackground,
      reportHealth: (health) => {
        browser.runtime.sendMessage({ type: 'reader-health', health }).catch(() => undefined); // the next report follows soon
      },
      onRow: (row, messageId) => overlay?.rowRead(row, messageId),
    });

  const update = () => {
    const live = adapter.isChatUrl(location.href);
    if (live && !reader) {
      // The overlay first, so it hears of the rows the reader finds at once.
      overlay = startOverlay();
      reader = start();
    } else if (!live && reader) {
      void reader.flush();
      reader.stop();
      reader = undefined;
      overlay?.stop();
      overlay = undefined;
    }
  };

  const sample = (): SampleAnswer => {
    if (!reader) return { ok: false, error: 'not reading a chat' };
    const around = pageUrl(); // the page around a chat frame, as the reader knows it
    return captureSample({
      document,
      adapter,
      list: reader.list(),
      url: location.href,
      ...(around ? { topUrl: around } : {}),
      readerVersion: browser.runtime.getManifest().version,
      now: Date.now(),
    });
  };
  const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (answer: SampleAnswer) => void) => {
    const answer = answerSampleRequest(message, sender, browser.runtime.id, sample);
    if (answer) sendResponse(answer);
  };

  update();
  ctx.addEventListener(window, 'wxt:locationchange', update);
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    reader?.stop();
    overlay?.stop();
    browser.runtime.onMessage.removeListener(onMessage);
  });
}
