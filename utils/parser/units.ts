import { PhraseTable } from './phrase-table';

export interface MassUnit {
  /** Canonical Vietnamese name shown to users and written in results. */
  name: string;
  kg: number;
  /** The unit a trailing bare number counts in: "1 tạ 5" is 1 tạ + 5 yến. */
  smaller?: string;
}

export const MASS_UNITS: Record<string, MassUnit> = {
  tấn: { name: 'tấn', kg: 1000, smaller: 'tạ' },
  tạ: { name: 'tạ', kg: 100, smaller: 'yến' },
  yến: { name: 'yến', kg: 10, smaller: 'kg' },
  kg: { name: 'kg', kg: 1, smaller: 'lạng' },
  lạng: { name: 'lạng', kg: 0.1 },
  g: { name: 'g', kg: 0.001 },
};

// Spellings as people type them. Diacritics must agree when typed: "tá" (a dozen) is not "tạ".
const MASS_UNIT_SPELLINGS: Record<string, readonly string[]> = {
  tấn: ['tấn', 'tonne', 'tonnes', 'ton', 'tons'],
  tạ: ['tạ'],
  yến: ['yến'],
  kg: ['kg', 'kgs', 'ký', 'kí', 'cân', 'kilo', 'kilos', 'kilogram', 'kilograms', 'kilogam', 'kilôgam', 'kílô', 'ki lô', 'kí lô'],
  lạng: ['lạng'],
  g: ['g', 'gr', 'gram', 'grams', 'gam'],
};

/** English unit words: only these take "a"/"an" as one ("a kilo", "half a tonne"). */
export const ENGLISH_UNIT_KEYS = new Set([
  'kilo',
  'kilos',
  'kilogram',
  'kilograms',
  'tone',
  'tones',
  'ton',
  'tons',
  'box',
  'boxes',
  'bag',
  'bags',
  'basket',
  'baskets',
  'crate',
  'crates',
  'kg',
  'kgs',
]);

// Package words sellers commonly use. Their weight comes from the catalog; without one the item
// is still read (quantity and unit) with unknown kg.
export const COMMON_PACKAGES = ['thùng', 'hộp', 'giỏ', 'túi', 'bao', 'két', 'khay', 'sọt', 'rổ', 'chùm', 'box', 'bag', 'basket', 'crate'];

export const MASS_UNIT_TABLE = new PhraseTable<MassUnit>();
for (const [name, spellings] of Object.entries(MASS_UNIT_SPELLINGS)) {
  for (const spelling of spellings) MASS_UNIT_TABLE.add(spelling, MASS_UNITS[name]!);
}

/** Plural spellings of a package word: "box" → "boxes", "thùng" → "thùngs" (harmless). */
export function pluralSpellings(word: string): string[] {
  return [word, `${word}s`, `${word}es`];
}

export const COMMON_PACKAGE_TABLE = new PhraseTable<string>();
for (const name of COMMON_PACKAGES) for (const spelling of pluralSpellings(name)) COMMON_PACKAGE_TABLE.add(spelling, name);

export function massUnitByName(name: string): MassUnit | undefined {
  return MASS_UNITS[name] ?? Object.values(MASS_UNITS).find((unit) => MASS_UNIT_SPELLINGS[unit.name]?.includes(name.toLowerCase()));
}
