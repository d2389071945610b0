import type { ChotDatabase } from '../../utils/store/db';
import { TeamSync } from '../../utils/team/team-sync';
import { freshDatabase } from './test-db';
import type { TeamHub } from './team-hub';

// Desks of the unit tests' team: each a database with its sync linked to a TeamHub, closed after each test.

const opened: { db: ChotDatabase; sync: TeamSync }[] = [];

/** A desk the test wires itself, closed with the others. */
export function trackDesk(desk: { db: ChotDatabase; sync: TeamSync }): void {
  opened.push(desk);
}

/** A desk on the hub, started and caught up with what the hub has. */
export async function openDesk(hub: TeamHub, id: string, name: string, db = freshDatabase(), options: { withIndex?: boolean } = {}) {
  const sync = new TeamSync(db, { desk: { desk: id, by: name }, open: hub.opener(id, options) });
  trackDesk({ db, sync });
  await sync.start();
  await sync.idle();
  return { db, sync };
}

/** Stops and closes every desk opened since the last call (in afterEach). */
export function closeDesks(): void {
  for (const { db, sync } of opened.splice(0)) {
    sync.stop();
    db.close();
  }
}

/** Lets every desk finish what it has to push and apply, until nothing moves. */
export async function settle(...desks: { sync: TeamSync }[]): Promise<void> {
  for (let round = 0; round < 4; round += 1) {
    // a desk's timers queued so far (it asks for the shop's document a moment after the index) run first
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const { sync } of desks) await sync.idle();
  }
}
