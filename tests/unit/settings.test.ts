import { describe, expect, it } from 'vitest';
import { loadSettings, saveSettings } from '../../utils/store/settings';
import { browserLanguage, MESSAGES, translate } from '../../utils/i18n/messages';
import { freshDatabase } from './test-db';

const ON_AIR_DEFAULTS = {
  sites: { youtube: true, tiktok: true, facebook: true },
  badges: true,
  fullNames: false,
  tickers: {},
  presenterBackground: 'dark',
  presenterLanguage: null,
};

describe('settings', () => {
  it('defaults to following the browser, and keeps a choice', async () => {
    const db = freshDatabase();
    expect(await loadSettings(db)).toEqual({
      language: null,
      repeatWindowSeconds: 120,
      pinnedProduct: null,
      contractThresholdKg: 1000,
      onAir: ON_AIR_DEFAULTS,
    });
    await saveSettings(db, { language: 'vi' });
    expect(await loadSettings(db)).toEqual({
      language: 'vi',
      repeatWindowSeconds: 120,
      pinnedProduct: null,
      contractThresholdKg: 1000,
      onAir: ON_AIR_DEFAULTS,
    });
  });

  it('keeps on-air choices and refuses a ticker placed off the window', async () => {
    const db = freshDatabase();
    const placed = { x: 0.5, y: 0.25, collapsed: true, hidden: false };
    await saveSettings(db, { onAir: { ...ON_AIR_DEFAULTS, presenterBackground: 'green', tickers: { tiktok: placed } } as never });
    expect((await loadSettings(db)).onAir).toMatchObject({ presenterBackground: 'green', tickers: { tiktok: placed } });
    await expect(saveSettings(db, { onAir: { ...ON_AIR_DEFAULTS, tickers: { tiktok: { ...placed, x: 4 } } } as never })).rejects.toThrow();
    expect((await loadSettings(db)).onAir.tickers.tiktok).toEqual(placed);
  });

  it('falls back to defaults when the stored record is damaged', async () => {
    const db = freshDatabase();
    await db.settings.put({ id: 'settings', language: 'klingon' } as never);
    expect(await loadSettings(db)).toEqual({
      language: null,
      repeatWindowSeconds: 120,
      pinnedProduct: null,
      contractThresholdKg: 1000,
      onAir: ON_AIR_DEFAULTS,
    });
  });
});

describe('i18n', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.vi).sort());
    for (const table of Object.values(MESSAGES)) for (const text of Object.values(table)) expect(text.trim()).not.toBe('');
  });

  it('fills parameters and picks the browser language', () => {
    expect(translate('vi', 'confirmOrderOf', { name: 'Lan' })).toBe('Xác nhận đơn của Lan');
    expect(translate('en', 'confirmOrderOf', { name: 'Lan' })).toBe('Confirm the order of Lan');
    expect(browserLanguage(['vi-VN', 'en'])).toBe('vi');
    expect(browserLanguage(['en-US', 'vi'])).toBe('vi');
    expect(browserLanguage(['fr-FR'])).toBe('en');
  });
});
