import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export interface PhoneMatch {
  /** National form, e.g. "0912345678". */
  national: string;
  start: number;
  end: number;
}

// A phone starts at "+84", "84", "0" or the letter "o" typed for zero, not inside a word or a number.
const PHONE_START = /(?<![\p{L}\d])(?:\+\s?84|84|0|o)(?=[\s.\-]?[\do])/gu;
const SEPARATOR = /[\s.\-]/;
const MAX_NATIONAL_DIGITS = 11; // landlines: 02x + 8 digits

function isDigitLike(ch: string | undefined): boolean {
  return ch !== undefined && (/\d/.test(ch) || ch === 'o');
}

/** Digit end positions reachable from `from`, allowing one separator between digits. */
function digitRun(text: string, from: number): { digits: string; ends: number[] } {
  let digits = '';
  const ends: number[] = [];
  let i = from;
  while (i < text.length && digits.length < MAX_NATIONAL_DIGITS + 2) {
    const ch = text[i];
    if (isDigitLike(ch)) {
      digits += ch === 'o' ? '0' : ch;
      ends.push(i + 1);
      i += 1;
    } else if (ch !== undefined && SEPARATOR.test(ch) && isDigitLike(text[i + 1])) {
      i += 1;
    } else break;
  }
  return { digits, ends };
}

/** Validates with libphonenumber's full metadata and returns the national form. */
export function toNationalPhone(candidate: string): string | undefined {
  const parsed = parsePhoneNumberFromString(candidate, 'VN');
  if (!parsed || parsed.country !== 'VN' || !parsed.isValid()) return undefined;
  const type = parsed.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE' && type !== 'FIXED_LINE_OR_MOBILE') return undefined;
  return `0${parsed.nationalNumber}`;
}

/** Digit counts worth asking the library about, longest first. */
function candidateLengths(digits: string, international: boolean): number[] {
  const landline = international ? digits.startsWith('2') : digits.startsWith('02');
  const lengths = international ? (landline ? [10, 9] : [9]) : landline ? [11, 10] : [10];
  return lengths.filter((n) => n <= digits.length);
}

/** Finds Vietnamese phone numbers in cleaned (lower-case) text; longest valid reading wins. */
export function findPhones(text: string): PhoneMatch[] {
  const found: PhoneMatch[] = [];
  // A phone has at least 9 digits (one may be typed as the letter o): most comments have far fewer.
  let digits = 0;
  for (let i = 0; i < text.length && digits < 8; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits += 1;
  }
  if (digits < 8) return found;
  let searchFrom = 0;
  PHONE_START.lastIndex = 0;
  for (const match of text.matchAll(PHONE_START)) {
    const start = match.index;
    if (start < searchFrom) continue;
    const prefix = match[0].replace(/\s/g, '');
    const international = prefix.startsWith('+') || prefix === '84';
    const { digits, ends } = digitRun(text, international ? start + match[0].length : start);
    // Vietnamese numbers have 10 digits (mobile: 0 + 9) or 11 (landline: 02x + 8); the library validates.
    for (const n of candidateLengths(digits, international)) {
      const candidate = international ? `+84${digits.slice(0, n)}` : digits.slice(0, n);
      const national = toNationalPhone(candidate);
      const end = ends[n - 1];
      if (national && end !== undefined && !/\d/.test(text[end] ?? '')) {
        found.push({ national, start, end });
        searchFrom = end;
        break;
      }
    }
  }
  return found;
}
