import { Dexie, type EntityTable, type Table } from 'dexie';
import type { ActionRecord, ContractRecord, CustomerRecord, MessageRecord, OrderRecord, SettingsRecord, StreamRecord } from './records';
import { pagesOf, type ChatLogPage } from './chat-log';
import { groupBy } from '../export/group-by';
import type { Product } from '../parser/catalog';
import type { StreamBuyer, StreamTally } from './stream-tally';
import { bucketBuyers, unbucketBuyers, type KeptBuyers } from './kept-buyers';
import { recountStreams } from './stream-tally';
import { tallyMiddleware } from './tally-middleware';
import type { ImportProgress } from './import-progress';
import { questionsFromMessages, type QuestionRecord } from './questions';
import type { TeamAction, TeamConfig } from '../team/team-records';
import { teamCaptureMiddleware } from '../team/team-capture';

export const DATABASE_NAME = 'chot';

/** The one schema module. Bump the version (with an upgrade and its test) for every change. */
export class ChotDatabase extends Dexie {
  streams!: EntityTable<StreamRecord, 'id'>;
  chatLog!: Table<ChatLogPage, [string, number]>;
  orders!: EntityTable<OrderRecord, 'id'>;
  settings!: EntityTable<SettingsRecord, 'id'>;
  actions!: EntityTable<ActionRecord, 'seq'>;
  products!: EntityTable<Product, 'code'>;
  contracts!: EntityTable<ContractRecord, 'id'>;
  customers!: EntityTable<CustomerRecord, 'id'>;
  tallies!: EntityTable<StreamTally, 'streamId'>;
  keptBuyers!: Table<KeptBuyers, [string, number]>;
  imports!: EntityTable<ImportProgress, 'id'>;
  questions!: EntityTable<QuestionRecord, 'id'>;
  team!: EntityTable<TeamConfig, 'id'>;
  teamActions!: EntityTable<TeamAction, 'uid'>;

  /** Tables every transaction that writes orders or contracts must include: their figures move with them. */
  get figureTables() {
    return [this.tallies, this.keptBuyers] as const;
  }

  /** Tables a batch of chat writes (ingestChat), for a transaction that wraps one. */
  get ingestTables() {
    return [this.streams, this.chatLog, this.orders, this.actions, this.customers, this.questions, ...this.figureTables] as const;
  }

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      streams: 'id, lastMessageAt',
      messages: 'id, [streamId+observedAt]',
      orders: 'id, [streamId+observedAt], [streamId+authorKey]',
      settings: 'id',
    });
    // v2: TikTok and Facebook streams (the key is no longer always a video id), hosts, and broadcasts
    // joining streams of several platforms.
    this.version(2)
      .stores({ streams: 'id, lastMessageAt, broadcastId' })
      .upgrade((tx) =>
        tx
          .table('streams')
          .toCollection()
          .modify((stream: Record<string, unknown>) => {
            stream.streamKey = stream.videoId;
            delete stream.videoId;
            stream.host = null;
            stream.broadcastId = stream.id;
          }),
      );
    // v3: every assistant action on an order, for its history and for undo.
    this.version(3).stores({ actions: '++seq, orderId' });
    // v4: the seller's product catalog (the parse command's format), with stock.
    this.version(4).stores({ products: 'code' });
    // v5: contracts (bulk commitments), counted in a broadcast's tonnage.
    this.version(5).stores({ contracts: 'id, streamId' });
    // v6: customers, and orders by buyer across streams (a customer's history).
    this.version(6).stores({ customers: 'id, mergedInto', orders: 'id, [streamId+observedAt], [streamId+authorKey], authorKey' });
    // v7: each stream's figures kept by the writer (tally-middleware.ts), the buyers behind its buyer count,
    // and orders by status in chat order (the review queue reads its next orders through it).
    this.version(7)
      .stores({
        tallies: 'streamId',
        streamBuyers: '[streamId+authorKey]',
        orders: 'id, [streamId+observedAt], [streamId+authorKey], authorKey, [streamId+status+observedAt]',
      })
      .upgrade(async (tx) => {
        const orders: OrderRecord[] = await tx.table('orders').toArray();
        const contracts: ContractRecord[] = await tx.table('contracts').toArray();
        const { tallies, buyers } = recountStreams(orders, contracts);
        await tx.table('tallies').bulkPut(tallies);
        await tx.table('streamBuyers').bulkPut(buyers);
      });
    // v8: how far each chat-log import got (import-progress.ts), so a stopped import resumes.
    this.version(8).stores({ imports: 'id' });
    // v10: the host's questions lane, waiting questions by stream in chat order; those already in the chat log
    // are read again from it.
    this.version(10)
      .stores({ questions: 'id, [streamId+status+observedAt]' })
      .upgrade(async (tx) => {
        const streams: StreamRecord[] = await tx.table('streams').toArray();
        const ended = new Set(streams.filter((stream) => stream.endedAt !== undefined).map((stream) => stream.id));
        await tx.table('questions').bulkPut(questionsFromMessages(await tx.table('messages').toArray(), ended));
      });
    // v11: team mode: its settings, and which shared action is which in this browser's action log.
    this.version(11).stores({ team: 'id', teamActions: 'uid, seq' });
    // v13: each stream's kept buyer counts in a few records (kept-buyers.ts) instead of one per buyer: a chat
    // batch wrote one per ordering buyer.
    this.version(13)
      .stores({ streamBuyers: null, keptBuyers: '[streamId+bucket]' })
      .upgrade(async (tx) => {
        const buyers: StreamBuyer[] = await tx.table('streamBuyers').toArray();
        await tx.table('keptBuyers').bulkPut(bucketBuyers(buyers));
      });
    // v14: each stream's chat in pages (chat-log.ts) instead of a record per message: a batch wrote one per message.
    this.version(14)
      .stores({ messages: null, chatLog: '[streamId+page], [streamId+to]' })
      .upgrade(async (tx) => {
        const messages: MessageRecord[] = await tx.table('messages').toArray();
        const byStream = groupBy(messages, (message) => message.streamId);
        const pages = [...byStream].flatMap(([streamId, rows]) =>
          pagesOf(
            streamId,
            rows.sort((a, b) => a.observedAt - b.observedAt),
          ),
        );
        await tx.table('chatLog').bulkAdd(pages);
      });
    // v15: 256 kept buyer records per stream instead of 16 (kept-buyers.ts): the buyers move to their new records.
    this.version(15).upgrade(async (tx) => {
      const kept = tx.table<KeptBuyers>('keptBuyers');
      const buyers = unbucketBuyers(await kept.toArray());
      await kept.clear();
      await kept.bulkPut(bucketBuyers(buyers));
    });
    this.use(tallyMiddleware);
    this.use(teamCaptureMiddleware);
  }
}

export function openDatabase(name?: string): ChotDatabase {
  return new ChotDatabase(name);
}
