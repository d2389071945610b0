import type { ChotDatabase } from '../store/db';
import type { CatalogCache } from '../store/catalog-cache';
import type { CommandReply } from './commands';
import type { HealthRegistry } from './health-registry';
import { chatBatchSchema, type IngestAck } from './chat-message';
import { healthReportSchema } from './reader-health';
import { onAirDecideSchema, onAirPlaceSchema } from './on-air-messages';
import { DECISION_COMMANDS, panelCommandSchema } from './commands';
import { pageSampleSchema } from '../samples/page-sample';
import { adapterForChatUrl } from '../platforms/index';
import type { PlatformAdapter } from '../platforms/adapter';
import { framePageQuerySchema } from './frame-page';
import { ingestChat } from '../store/ingest';
import { IngestCache } from '../store/ingest-cache';
import { decideOrder, decideOrders, editOrder, undoLastAction } from '../store/orders';
import { saveSettings, settingsReader, updateSettings } from '../store/settings';
import { deleteStream, joinStream, setGoal, splitStream, updateStream } from '../store/broadcasts';
import { deleteContract, promoteOrder, saveContract } from '../store/contracts';
import { RestoreSessions } from '../export/restore-sessions';
import { importStep } from '../import/import-step';
import type { OnAirWatchers } from '../on-air/on-air-watchers';
import { recountStream } from '../store/recount';
import { mergeCustomers, unmergeCustomer, updateCustomer } from '../store/customers';
import { deleteProduct, importCatalog, pinProduct, saveProduct, type CatalogResult } from '../store/catalog';
import { answerQuestions, showQuestion } from '../store/questions';
import { teamCommandSchema, type TeamCommand } from '../team/team-commands';
import { DEMO_STREAM, isDemoPage } from '../demo/demo-stream';

export interface MessageSender {
  id?: string;
  /** URL of the frame that sent the message: the chat iframe, not the tab's top page. */
  url?: string;
  /** The tab's top page: names the stream of a chat frame that has no stream in its own URL (YouTube). */
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export interface RouterDeps {
  db: ChotDatabase;
  health: HealthRegistry;
  extensionId: string;
  /** Origin of the extension's own pages, e.g. "chrome-extension://abc/". */
  extensionOrigin: string;
  catalog: Pick<CatalogCache, 'get' | 'invalidate'>;
  /** Which stream each chat page's overlay shows (badge decisions are checked against it). */
  watchers: Pick<OnAirWatchers, 'streamOf'>;
  /** Asks one frame of a tab for a page sample (browser.tabs.sendMessage); its answer is untrusted. */
  captureSample?: (tabId: number, frameId: number) => Promise<unknown>;
  /**
   * Team mode (turned on and off from the panel). An assistant's decisions go ahead of other desks' changes
   * waiting to be applied (makeWayFor): the key press shows on every desk sooner.
   */
  team?: {
    command(command: TeamCommand): Promise<{ ok: true } | { ok: false; error: string }>;
    makeWayFor<T>(command: () => Promise<T>): Promise<T>;
  };
}

export type RouterReply = IngestAck | CommandReply | { ok: true; pageUrl: string };

const done = (result: { ok: true } | { ok: false; error: string }): CommandReply => result;

/**
 * Every message reaching the background goes through here. Chat and health reports are accepted only
 * from frames whose URL is a live chat of the platform they claim (and chat of the demo stream from the
 * extension's own demo page); panel commands only from the extension's own pages.
 */
/** New chat is read with the new catalog from now on; orders already made keep what they were read as. */
function catalogChanged(deps: RouterDeps, result: CatalogResult | { ok: true; counts: Record<string, number> } | { ok: false; error: string }): CommandReply {
  if (result.ok) deps.catalog.invalidate();
  return result;
}

/**
 * Whether a chat batch's claimed stream is the sender's: a chat frame of another page (YouTube's chat beside
 * the video, Studio) belongs to the video its tab shows, whatever the page claims; a frame that is not a
 * live chat of such a page is refused.
 */
function senderOwnsStream(adapter: PlatformAdapter, sender: MessageSender, key: string): boolean {
  if (!adapter.streamOfSender) return true;
  return adapter.streamOfSender(sender.url, sender.tab?.url) === key;
}

/** What a page hears when handling its message failed inside (a storage error): not a refusal, worth sending again. */
export function failureReply(error: unknown): { ok: false; error: string; transient: true } {
  return { ok: false, error: error instanceof Error ? error.message : String(error), transient: true };
}

/** Only a frame that reports reading a chat is asked; what it sends back is validated like any page data. */
async function samplePage(deps: RouterDeps, tabId: number, frameId: number): Promise<CommandReply> {
  const tab = deps.health.list().find((reading) => reading.tabId === tabId && reading.frameId === frameId);
  if (!tab || !deps.captureSample) return { ok: false, error: 'this tab is not reading a chat now' };
  let answer: unknown;
  try {
    answer = await deps.captureSample(tabId, frameId);
  } catch {
    return { ok: false, error: 'the chat page did not answer: reload it and try again' };
  }
  const sample = pageSampleSchema.safeParse(answer);
  if (!sample.success || sample.data.platform !== tab.platform) return { ok: false, error: 'the chat page sent no usable sample' };
  return { ok: true, sample: sample.data };
}

export function createBackgroundRouter(deps: RouterDeps) {
  // Restores arriving in chunks live here until written: a stopped background forgets them, unwritten.
  const restores = new RestoreSessions();
  const settings = settingsReader(deps.db);
  // What chat batches read, kept between them (the chat and the import steps share it).
  const ingestCache = new IngestCache(deps.db);
  // an assistant's decision, ahead of the team's changes waiting to be applied
  const urgent = <T>(command: () => Promise<T>): Promise<T> => (deps.team ? deps.team.makeWayFor(command) : command());
  return async (message: unknown, sender: MessageSender): Promise<RouterReply> => {
    if (sender.id !== deps.extensionId) return { ok: false, error: 'unknown sender' };
    const adapter = adapterForChatUrl(sender.url);
    const batch = chatBatchSchema.safeParse(message);
    if (batch.success) {
      const demo = isDemoPage(sender.url, deps.extensionOrigin);
      if (demo) {
        // The extension's own demo page writes to the demo stream only, under its fixed label.
        if (batch.data.stream.platform !== DEMO_STREAM.platform || batch.data.stream.key !== DEMO_STREAM.key)
          return { ok: false, error: 'the demo page writes to the demo stream only' };
      } else {
        if (!adapter || adapter.platform !== batch.data.stream.platform) return { ok: false, error: 'not a supported live chat page' };
        if (!senderOwnsStream(adapter, sender, batch.data.stream.key)) return { ok: false, error: 'the chat is not of this stream' };
      }
      const { repeatWindowSeconds } = await settings();
      return {
        ok: true,
        ...(await ingestChat(deps.db, demo ? DEMO_STREAM : batch.data.stream, batch.data.messages, await deps.catalog.get(), {
          repeatWindowMs: repeatWindowSeconds * 1000,
          cache: ingestCache,
        })),
      };
    }
    const report = healthReportSchema.safeParse(message);
    if (report.success) {
      if (!adapter || adapter.platform !== report.data.health.platform || sender.tab?.id === undefined)
        return { ok: false, error: 'not a supported live chat page' };
      deps.health.report(sender.tab.id, sender.frameId ?? 0, sender.url!, report.data.health);
      return { ok: true };
    }
    if (framePageQuerySchema.safeParse(message).success) {
      const pageUrl = sender.tab?.url;
      if (!adapter?.streamOfSender?.(sender.url, pageUrl) || !pageUrl) return { ok: false, error: 'not a supported live chat page' };
      return { ok: true, pageUrl };
    }
    const decide = onAirDecideSchema.safeParse(message);
    if (decide.success) {
      // A badge on the chat page: only for orders of the stream that page's overlay shows.
      if (!adapter || !decide.data.orderId.startsWith(`${adapter.platform}:`)) return { ok: false, error: 'not a supported live chat page' };
      const order = await deps.db.orders.get(decide.data.orderId);
      if (!order || order.streamId !== deps.watchers.streamOf(sender.tab?.id, sender.frameId))
        return { ok: false, error: "the order is not of this page's stream" };
      return done(await urgent(() => decideOrder(deps.db, decide.data.orderId, decide.data.status)));
    }
    const place = onAirPlaceSchema.safeParse(message);
    if (place.success) {
      if (!adapter || adapter.platform !== place.data.platform) return { ok: false, error: 'not a supported live chat page' };
      await updateSettings(deps.db, ({ onAir }) => ({ onAir: { ...onAir, tickers: { ...onAir.tickers, [place.data.platform]: place.data.placement } } }));
      return { ok: true };
    }
    if (!sender.url?.startsWith(deps.extensionOrigin)) return { ok: false, error: 'commands are accepted from the extension pages only' };
    const teamCommand = teamCommandSchema.safeParse(message);
    if (teamCommand.success) return deps.team ? deps.team.command(teamCommand.data) : { ok: false, error: 'team mode is not available' };
    const command = panelCommandSchema.safeParse(message);
    if (!command.success) return { ok: false, error: 'malformed message' };
    const panel = command.data;
    const handle = async (): Promise<RouterReply> => {
      switch (panel.type) {
        case 'decide-order':
          return done(await decideOrder(deps.db, panel.orderId, panel.status));
        case 'decide-orders':
          return decideOrders(deps.db, panel.orderIds, panel.status);
        case 'edit-order':
          return done(await editOrder(deps.db, panel.orderId, panel.edit));
        case 'undo':
          return undoLastAction(deps.db);
        case 'set-language':
          await saveSettings(deps.db, { language: panel.language });
          return { ok: true };
        case 'save-settings': {
          const { changes } = panel;
          // Ticker placements are the chat pages' to save: a panel's older copy must not move them back.
          await updateSettings(deps.db, (current) => (changes.onAir ? { ...changes, onAir: { ...changes.onAir, tickers: current.onAir.tickers } } : changes));
          return { ok: true };
        }
        case 'get-health':
          return { ok: true, tabs: deps.health.list() };
        case 'save-sample':
          return samplePage(deps, panel.tabId, panel.frameId);
        case 'join-stream':
          return done(await joinStream(deps.db, panel.broadcastId, panel.streamId));
        case 'split-stream':
          return done(await splitStream(deps.db, panel.streamId));
        case 'update-customer':
          return done(
            await updateCustomer(deps.db, panel.id, {
              ...(panel.notes !== undefined ? { notes: panel.notes } : {}),
              ...(panel.unpaid !== undefined ? { unpaid: panel.unpaid } : {}),
            }),
          );
        case 'merge-customers':
          return done(await mergeCustomers(deps.db, panel.into, panel.from));
        case 'unmerge-customer':
          return done(await unmergeCustomer(deps.db, panel.id));
        case 'save-contract':
          return saveContract(deps.db, panel.streamId, panel.contract, panel.id);
        case 'promote-order':
          return promoteOrder(deps.db, panel.orderId);
        case 'delete-contract':
          return deleteContract(deps.db, panel.id);
        case 'update-stream':
          return updateStream(deps.db, panel.streamId, {
            ...(panel.title !== undefined ? { title: panel.title } : {}),
            ...(panel.ended !== undefined ? { ended: panel.ended } : {}),
          });
        case 'delete-stream':
          return deleteStream(deps.db, panel.streamId);
        case 'set-goal':
          return done(await setGoal(deps.db, panel.broadcastId, panel.goalKg));
        case 'save-product':
          return catalogChanged(deps, await saveProduct(deps.db, panel.product, panel.previousCode));
        case 'delete-product':
          return catalogChanged(deps, await deleteProduct(deps.db, panel.code));
        case 'pin-product':
          return catalogChanged(deps, await pinProduct(deps.db, panel.code));
        case 'restore-begin':
          return restores.begin(panel.header);
        case 'restore-chunk':
          return restores.add(panel.restoreId, panel.table, panel.records);
        case 'restore-commit':
          return catalogChanged(deps, await restores.commit(deps.db, panel.restoreId));
        case 'restore-abort':
          return restores.abort(panel.restoreId);
        case 'import-catalog':
          return catalogChanged(deps, await importCatalog(deps.db, panel.json));
        case 'answer-questions':
          return answerQuestions(deps.db, panel.ids);
        case 'show-question':
          return showQuestion(deps.db, panel.broadcastId, panel.id);
        case 'recount-stream':
          return recountStream(deps.db, panel.streamId);
        case 'import-chat': {
          const { repeatWindowSeconds } = await settings();
          return importStep(deps.db, panel, await deps.catalog.get(), repeatWindowSeconds * 1000, Date.now(), ingestCache);
        }
      }
    };
    // an assistant's decision goes ahead of the team's changes waiting to be applied
    return DECISION_COMMANDS.has(panel.type) ? urgent(handle) : handle();
  };
}
