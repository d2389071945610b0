import { BADGES_SENT, type OnAirSnapshot } from './snapshot-schema';

export type OrderBadge = OnAirSnapshot['orderBadges'][number];

/**
 * A chat page's badges by row id, newest last, from the snapshots of one connection: the first has them
 * all, each later one the badges that changed and the rows whose badge went. The newest BADGES_SENT are
 * kept, as many as the background sends at once.
 */
export function keepBadges(known: Map<string, OrderBadge>, snapshot: Pick<OnAirSnapshot, 'badgesAre' | 'badgesGone' | 'orderBadges'>): Map<string, OrderBadge> {
  if (snapshot.badgesAre === 'all') known.clear();
  for (const row of snapshot.badgesGone) known.delete(row);
  for (const badge of snapshot.orderBadges) {
    known.delete(badge.messageId); // a changed badge moves to the newest end
    known.set(badge.messageId, badge);
  }
  for (const row of known.keys()) {
    if (known.size <= BADGES_SENT) break;
    known.delete(row);
  }
  return known;
}
