import { describe, expect, it } from 'vitest';
import { freshDatabase } from './test-db';

describe('database schema', () => {
  it('version 1 has the tables and the indexes the tally queries use', async () => {
    const db = freshDatabase();
    await db.open();
    expect(db.verno).toBe(1);
    const schema = Object.fromEntries(db.tables.map((table) => [table.name, [table.schema.primKey.keyPath, ...table.schema.indexes.map((i) => i.name)]]));
    expect(schema).toEqual({
      streams: ['id', 'lastMessageAt'],
      messages: ['id', '[streamId+observedAt]'],
      orders: ['id', '[streamId+observedAt]', '[streamId+authorKey]'],
      settings: ['id'],
    });
    db.close();
  });
});
