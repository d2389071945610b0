import { lexiconKey } from './text';

export interface MassUnit {
  /** Canonical Vietnamese name shown to users and written in results. */
  name: string;
  kg: number;
  /** The unit a trailing bare number counts in: "1 tạ 5" is 1 tạ + 5 yến. */
  smaller?: string;
}

export const MASS_UNITS: Record<string, MassUnit> = {
  'tấn': { name: 'tấn', kg: 1000, smaller: 'tạ' },
  'tạ': { name: 'tạ', kg: 100, smaller: 'yến' },
  'yến': { name: 'yến', kg: 10, smaller: 'kg' },
  kg: { name: 'kg', kg: 1, smaller: 'lạng' },
  'lạng': { name: 'lạng', kg: 0.1 },
  g: { name: 'g', kg: 0.001 },
};

// Spellings as people type them, with and without diacritics; compared by lexicon key.
const MASS_UNIT_SPELLINGS: Record<string, readonly string[]> = {
  'tấn': ['tấn', 'tonne', 'tonnes', 'ton', 'tons'],
  'tạ': ['tạ'],
  'yến': ['yến'],
  kg: ['kg', 'kgs', 'ký', 'kí', 'cân', 'kilo', 'kilos', 'kilogram', 'kilograms', 'kilogam'],
  'lạng': ['lạng'],
  g: ['g', 'gr', 'gram', 'grams', 'gam'],
};

const UNIT_BY_KEY = new Map<string, MassUnit>();
for (const [name, spellings] of Object.entries(MASS_UNIT_SPELLINGS)) {
  const unit = MASS_UNITS[name];
  if (!unit) continue;
  for (const spelling of spellings) UNIT_BY_KEY.set(lexiconKey(spelling), unit);
}

export function massUnitByKey(key: string): MassUnit | undefined {
  return UNIT_BY_KEY.get(key);
}

export function massUnitByName(name: string): MassUnit | undefined {
  return MASS_UNITS[name] ?? UNIT_BY_KEY.get(lexiconKey(name));
}

// Package words sellers commonly use. Their weight comes from the catalog; without one the item
// is still read (quantity and unit) with unknown kg.
const COMMON_PACKAGES = ['thùng', 'hộp', 'giỏ', 'túi', 'bao', 'két', 'khay', 'sọt', 'rổ', 'chùm', 'box', 'bag', 'basket', 'crate'];
const PACKAGE_BY_KEY = new Map<string, string>();
for (const name of COMMON_PACKAGES) {
  const key = lexiconKey(name);
  for (const plural of [key, `${key}s`, `${key}es`]) PACKAGE_BY_KEY.set(plural, name);
}

export function commonPackageByKey(key: string): string | undefined {
  return PACKAGE_BY_KEY.get(key);
}
