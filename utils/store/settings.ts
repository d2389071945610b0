import { Dexie } from 'dexie';
import type { ChotDatabase } from './db';
import { touchesTables } from './live-read';
import { settingsSchema, type Settings } from './records';

const SETTINGS_ID = 'settings';

/** Settings as stored, validated; a damaged record falls back to the defaults instead of breaking the UI. */
export async function loadSettings(db: ChotDatabase): Promise<Settings> {
  const stored = await db.settings.get(SETTINGS_ID);
  const parsed = settingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

/**
 * The settings as last read, read again after any committed change to them: the background needs them for
 * every chat batch, several times a second, and a read of its own there waits behind the views' reads.
 */
export function settingsReader(db: ChotDatabase): () => Promise<Settings> {
  let read: Promise<Settings> | undefined;
  // Dexie signals a commit synchronously as it completes: no batch after a change gets the old settings.
  Dexie.on.storagemutated.subscribe((parts) => {
    if (touchesTables(parts, db.name, [db.settings.name])) read = undefined;
  });
  return () =>
    (read ??= loadSettings(db).catch((error: unknown) => {
      read = undefined;
      throw error;
    }));
}

/** Changes made from the stored settings in one transaction, so two writers never undo each other. */
export async function updateSettings(db: ChotDatabase, change: (current: Settings) => Partial<Settings>): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const current = await loadSettings(db);
    const next = settingsSchema.parse({ ...current, ...change(current) });
    await db.settings.put({ ...next, id: SETTINGS_ID });
  });
}

export const saveSettings = (db: ChotDatabase, changes: Partial<Settings>): Promise<void> => updateSettings(db, () => changes);
