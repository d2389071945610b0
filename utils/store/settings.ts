import type { ChotDatabase } from './db';
import { settingsSchema, type Settings } from './records';

const SETTINGS_ID = 'settings';

/** Settings as stored, validated; a damaged record falls back to the defaults instead of breaking the UI. */
export async function loadSettings(db: ChotDatabase): Promise<Settings> {
  const stored = await db.settings.get(SETTINGS_ID);
  const parsed = settingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

export async function saveSettings(db: ChotDatabase, changes: Partial<Settings>): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const next = settingsSchema.parse({ ...(await loadSettings(db)), ...changes });
    await db.settings.put({ ...next, id: SETTINGS_ID });
  });
}
