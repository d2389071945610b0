import type { ChotDatabase } from '../store/db';
import type { OrderRecord } from '../store/records';
import { isCounting } from '../store/tally';
import { readBroadcastTally, readNewestOrders } from '../store/broadcast-reads';
import { goalOf, groupBroadcasts } from '../store/broadcasts';
import { loadSettings } from '../store/settings';
import { onAirName } from './on-air-name';
import { BADGES_SENT, LATEST_SHOWN, type OnAirSnapshot } from './snapshot-schema';

const itemsOf = (order: OrderRecord) => order.items.slice(0, 20).map(({ quantity, unit, product, kg }) => ({ quantity, unit, product, kg }));

/** The snapshot for a chat page of one stream: the tally of its broadcast and the badges of its own orders. */
export async function buildOnAirSnapshot(db: ChotDatabase, streamId: string): Promise<OnAirSnapshot> {
  // Reads that do not depend on each other go out together: at chat speed a snapshot's time is its round trips.
  const [settings, streams, mine] = await Promise.all([loadSettings(db), db.streams.toArray(), readNewestOrders(db, [streamId], BADGES_SENT)]);
  const broadcast = groupBroadcasts(streams).find((candidate) => candidate.streams.some((stream) => stream.id === streamId));
  const platform = streamId.split(':')[0] as keyof typeof settings.onAir.sites;
  const memberIds = broadcast?.streams.map((stream) => stream.id) ?? [streamId];
  // The kept figures and the newest orders through the index: the same cost with 50 orders or 50,000.
  const [tally, counting] = await Promise.all([readBroadcastTally(db, memberIds), readNewestOrders(db, memberIds, LATEST_SHOWN, isCounting)]);
  const prefix = `${platform}:`;
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
    orderBadges: mine.map((order) => ({
      messageId: order.messageId.startsWith(prefix) ? order.messageId.slice(prefix.length) : order.messageId,
      orderId: order.id,
      items: itemsOf(order),
      kg: order.totalKg,
      status: order.status,
      possibleRepeat: Boolean(order.possibleRepeatOf),
    })),
  };
}
