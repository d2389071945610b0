import { Dexie } from 'dexie';
import type { ChotDatabase } from './db';
import type { StreamRecord } from './records';
import { QUESTION_STATUSES } from './questions';
import { forgetKeptFigures } from './kept-buyers';
import { deleteStreamLog } from './chat-log';

export interface Broadcast {
  id: string;
  /** Its streams, the most recently active first. */
  streams: StreamRecord[];
  lastMessageAt: number;
}

/** Streams grouped into broadcasts, the most recently active first. */
export function groupBroadcasts(streams: readonly StreamRecord[]): Broadcast[] {
  const byId = new Map<string, StreamRecord[]>();
  for (const stream of streams) byId.set(stream.broadcastId, [...(byId.get(stream.broadcastId) ?? []), stream]);
  return [...byId]
    .map(([id, members]) => {
      const sorted = [...members].sort((a, b) => b.lastMessageAt - a.lastMessageAt);
      return { id, streams: sorted, lastMessageAt: sorted[0]!.lastMessageAt };
    })
    .sort((a, b) => Number(a.streams.every((s) => s.endedAt)) - Number(b.streams.every((s) => s.endedAt)) || b.lastMessageAt - a.lastMessageAt);
}

export type BroadcastResult = { ok: true } | { ok: false; error: 'not-found' | 'same-broadcast' };

/** Joins a stream, with whatever was already joined to it, into another broadcast. */
export async function joinStream(db: ChotDatabase, broadcastId: string, streamId: string): Promise<BroadcastResult> {
  return db.transaction('rw', db.streams, async () => {
    const stream = await db.streams.get(streamId);
    const members = await db.streams.where('broadcastId').equals(broadcastId).count();
    if (!stream || members === 0) return { ok: false, error: 'not-found' } as const;
    if (stream.broadcastId === broadcastId) return { ok: false, error: 'same-broadcast' } as const;
    await db.streams.where('broadcastId').equals(stream.broadcastId).modify({ broadcastId });
    return { ok: true } as const;
  });
}

/** Takes a stream out of its broadcast; the others stay together. */
export async function splitStream(db: ChotDatabase, streamId: string): Promise<BroadcastResult> {
  return db.transaction('rw', db.streams, async () => {
    const stream = await db.streams.get(streamId);
    if (!stream) return { ok: false, error: 'not-found' } as const;
    const others = (await db.streams.where('broadcastId').equals(stream.broadcastId).toArray()).filter((s) => s.id !== streamId);
    await db.streams.update(streamId, { broadcastId: streamId });
    // The broadcast was named after this stream: the others take the next one's id.
    if (stream.broadcastId === streamId && others.length > 0) {
      await db.streams.bulkUpdate(others.map((other) => ({ key: other.id, changes: { broadcastId: others[0]!.id } })));
    }
    return { ok: true } as const;
  });
}

/** Sets (or clears, with null) the tonnage goal of a broadcast. */
export async function setGoal(db: ChotDatabase, broadcastId: string, goalKg: number | null): Promise<BroadcastResult> {
  return db.transaction('rw', db.streams, async () => {
    const own = await db.streams.get(broadcastId);
    if (!own) return { ok: false, error: 'not-found' } as const;
    await db.streams.update(broadcastId, { goalKg: goalKg ?? undefined });
    return { ok: true } as const;
  });
}

/** The goal of a broadcast: its own stream's, else any member's. */
export function goalOf(broadcast: Broadcast): number | undefined {
  return broadcast.streams.find((stream) => stream.id === broadcast.id)?.goalKg ?? broadcast.streams.find((stream) => stream.goalKg)?.goalKg;
}

export type StreamResult = { ok: true; deleted?: number } | { ok: false; error: 'not-found' };

/** Renames, ends or reopens a stream. */
export async function updateStream(db: ChotDatabase, streamId: string, changes: { title?: string; ended?: boolean }, now = Date.now()): Promise<StreamResult> {
  return db.transaction('rw', db.streams, async () => {
    if (!(await db.streams.get(streamId))) return { ok: false, error: 'not-found' } as const;
    await db.streams.update(streamId, {
      ...(changes.title !== undefined ? { title: changes.title.trim() || null } : {}),
      ...(changes.ended !== undefined ? { endedAt: changes.ended ? now : undefined } : {}),
    });
    return { ok: true } as const;
  });
}

/** Deletes a stream with its messages, orders, their history and its contracts, all or nothing. */
export async function deleteStream(db: ChotDatabase, streamId: string): Promise<StreamResult> {
  return db.transaction('rw', [db.streams, db.chatLog, db.orders, db.actions, db.contracts, db.questions, ...db.figureTables], async () => {
    const stream = await db.streams.get(streamId);
    if (!stream) return { ok: false, error: 'not-found' } as const;
    const orderIds = await db.orders.where('[streamId+observedAt]').between([streamId, Dexie.minKey], [streamId, Dexie.maxKey]).primaryKeys();
    await db.actions.where('orderId').anyOf(orderIds).delete();
    await db.orders.bulkDelete(orderIds);
    await deleteStreamLog(db, streamId);
    await db.contracts.where('streamId').equals(streamId).delete();
    for (const status of QUESTION_STATUSES)
      await db.questions.where('[streamId+status+observedAt]').between([streamId, status, Dexie.minKey], [streamId, status, Dexie.maxKey]).delete();
    await db.streams.delete(streamId);
    await forgetKeptFigures(db, streamId);
    // the broadcast was named after this stream: the others take the next one's id
    const others = await db.streams.where('broadcastId').equals(streamId).toArray();
    if (others.length > 0) await db.streams.bulkUpdate(others.map((other) => ({ key: other.id, changes: { broadcastId: others[0]!.id } })));
    return { ok: true, deleted: orderIds.length } as const;
  });
}
