import { Dexie, type EntityTable } from 'dexie';
import type { MessageRecord, OrderRecord, SettingsRecord, StreamRecord } from './records';

export const DATABASE_NAME = 'chot';

/** The one schema module. Bump the version (with an upgrade and its test) for every change. */
export class ChotDatabase extends Dexie {
  streams!: EntityTable<StreamRecord, 'id'>;
  messages!: EntityTable<MessageRecord, 'id'>;
  orders!: EntityTable<OrderRecord, 'id'>;
  settings!: EntityTable<SettingsRecord, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      streams: 'id, lastMessageAt',
      messages: 'id, [streamId+observedAt]',
      orders: 'id, [streamId+observedAt], [streamId+authorKey]',
      settings: 'id',
    });
  }
}

export function openDatabase(name?: string): ChotDatabase {
  return new ChotDatabase(name);
}
