import type { ChotDatabase } from '../store/db';
import type { OrderRecord } from '../store/records';
import { isCounting } from '../store/tally';
import { readBroadcastTally, readNewestOrdersSince } from '../store/broadcast-reads';
import type { Since } from '../store/live-read';
import type { Tally } from '../store/tally';
import { goalOf, groupBroadcasts, type Broadcast } from '../store/broadcasts';
import { loadSettings } from '../store/settings';
import type { Settings } from '../store/records';
import { onAirName } from './on-air-name';
import { BADGES_SENT, LATEST_SHOWN, type OnAirSnapshot } from './snapshot-schema';

const itemsOf = (order: OrderRecord) => order.items.slice(0, 20).map(({ quantity, unit, product, kg }) => ({ quantity, unit, product, kg }));

/** What a chat page's snapshot is made from; kept between reads so the next reads only what changed. */
export interface OnAirSources {
  streamId: string;
  settings: Settings;
  broadcast: Broadcast | undefined;
  memberIds: string[];
  tally: Tally;
  /** The stream's newest orders, for the badges. */
  mine: OrderRecord[];
  /** The broadcast's newest counting orders, for the ticker's latest. */
  counting: OrderRecord[];
}

/**
 * The reads behind a stream's snapshot: the kept figures and the newest orders through the index, the same
 * cost with 50 orders or 50,000; with `since`, only the orders changed since the last read.
 */
export async function readOnAirSources(db: ChotDatabase, streamId: string, since?: Since<OnAirSources>): Promise<OnAirSources> {
  const mineSince = since && since.last.streamId === streamId ? { last: since.last.mine, changes: since.changes } : undefined;
  // Reads that do not depend on each other go out together: at chat speed a snapshot's time is its round trips.
  const [settings, streams, mine] = await Promise.all([loadSettings(db), db.streams.toArray(), readNewestOrdersSince(db, [streamId], BADGES_SENT, mineSince)]);
  const broadcast = groupBroadcasts(streams).find((candidate) => candidate.streams.some((stream) => stream.id === streamId));
  const memberIds = broadcast?.streams.map((stream) => stream.id) ?? [streamId];
  const sameMembers = mineSince !== undefined && since!.last.memberIds.join('\n') === memberIds.join('\n');
  const [tally, counting] = await Promise.all([
    readBroadcastTally(db, memberIds),
    readNewestOrdersSince(db, memberIds, LATEST_SHOWN, sameMembers ? { last: since!.last.counting, changes: since!.changes } : undefined, isCounting),
  ]);
  return { streamId, settings, broadcast, memberIds, tally, mine, counting };
}

/**
 * The snapshot for a chat page of one stream: the tally of its broadcast and the badges of its own orders.
 * Given the sources of the snapshot sent before on the same connection, only the badges that changed go
 * (a read built on the last one keeps the records it did not re-read, so a changed order is a new object).
 */
export function onAirSnapshotOf({ streamId, settings, broadcast, tally, mine, counting }: OnAirSources, sent?: OnAirSources): OnAirSnapshot {
  const platform = streamId.split(':')[0] as keyof typeof settings.onAir.sites;
  const prefix = `${String(platform)}:`;
  const rowOf = (order: OrderRecord) => (order.messageId.startsWith(prefix) ? order.messageId.slice(prefix.length) : order.messageId);
  const before = sent?.streamId === streamId ? new Map(sent.mine.map((order) => [order.id, order])) : undefined;
  const badged = before ? mine.filter((order) => before.get(order.id) !== order) : mine;
  const still = new Set(mine.map((order) => order.id));
  const gone = before ? [...before.values()].filter((order) => !still.has(order.id)).map(rowOf) : [];
  return {
    type: 'on-air',
    enabled: settings.onAir.sites[platform] ?? false,
    badges: settings.onAir.badges,
    language: settings.language,
    placement: settings.onAir.tickers[platform] ?? null,
    pendingKg: tally.pendingKg,
    confirmedKg: tally.confirmedKg,
    contractedKg: tally.contractedKg,
    totalTonnes: tally.totalTonnes,
    goalKg: (broadcast ? goalOf(broadcast) : undefined) ?? null,
    orders: tally.orders,
    latest: counting.map((order) => ({ name: onAirName(order.authorName, settings.onAir.fullNames), items: itemsOf(order), status: order.status })),
    badgesAre: before ? 'changes' : 'all',
    badgesGone: gone,
    orderBadges: badged.map((order) => ({
      messageId: rowOf(order),
      orderId: order.id,
      items: itemsOf(order),
      kg: order.totalKg,
      status: order.status,
      possibleRepeat: Boolean(order.possibleRepeatOf),
    })),
  };
}

export async function buildOnAirSnapshot(db: ChotDatabase, streamId: string): Promise<OnAirSnapshot> {
  return onAirSnapshotOf(await readOnAirSources(db, streamId));
}
