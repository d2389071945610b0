// A team desk as the background runs it (Dexie store, sync, Hocuspocus connection) in Node, for the team
// benches; the caller imports 'fake-indexeddb/auto' first. Shared by team-bench.ts and team-compaction.ts.
import WebSocket from 'ws';
import { ChotDatabase } from '../../utils/store/db';
import { HealthRegistry } from '../../utils/messaging/health-registry';
import { TeamService } from '../../utils/team/team-service';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds, asking every `everyMs`; past `limitMs` it fails naming `what`. */
export async function until(check: () => Promise<boolean>, what: string, limitMs: number, everyMs: number): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > limitMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

let dbCount = 0;

/** A desk in team mode on the server at `url`: the host claims the team, an assistant joins with its key. */
export async function nodeTeamDesk(url: string, role: 'host' | 'assistant', name: string, key: string | undefined, dbLabel: string) {
  const db = new ChotDatabase(`chot-${dbLabel}-${process.pid}-${(dbCount += 1)}`);
  const service = new TeamService(db, {
    health: new HealthRegistry(),
    catalog: { invalidate: () => {} },
    hasPermission: async () => true,
    WebSocketPolyfill: WebSocket,
  });
  await service.start();
  await service.command(role === 'host' ? { type: 'team-enable', role, url, name } : { type: 'team-enable', role, url, name, key: key! });
  return { db, service };
}
