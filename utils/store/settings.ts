import type { ChotDatabase } from './db';
import { settingsSchema, type Settings } from './records';

const SETTINGS_ID = 'settings';

/** Settings as stored, validated; a damaged record falls back to the defaults instead of breaking the UI. */
export async function loadSettings(db: ChotDatabase): Promise<Settings> {
  const stored = await db.settings.get(SETTINGS_ID);
  const parsed = settingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : settingsSchema.parse({});
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
