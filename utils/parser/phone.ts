import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { Metadata } from 'libphonenumber-js/core';
import metadataJson from 'libphonenumber-js/max/metadata';

export interface PhoneMatch {
  /** National form, e.g. "0912345678". */
  national: string;
  start: number;
  end: number;
}

// A phone starts at "+84", "84", "0" or the letter "o" typed for zero, not inside a word or a number.
const PHONE_START = /(?<![\p{L}\d])(?:\+\s?84|84|0|o)(?=[\s.-]?[\do])/gu;
const SEPARATOR = /[\s.-]/;
const MAX_NATIONAL_DIGITS = 11; // landlines: 02x + 8 digits

const isAsciiDigit = (code: number) => code >= 48 && code <= 57;
/** An ASCII digit, or the letter o typed for zero ("/\d/" and "o"). */
const isDigitLikeCode = (code: number) => isAsciiDigit(code) || code === 111;
/** SEPARATOR at text[i], by code for ASCII (whitespace 9–13 and space, ".", "-"). */
function isSeparatorAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return code === 32 || code === 46 || code === 45 || (code >= 9 && code <= 13);
  return i < text.length && SEPARATOR.test(text[i]!);
}

/** Digit end positions reachable from `from`, allowing one separator between digits. */
function digitRun(text: string, from: number): { digits: string; ends: number[] } {
  let digits = '';
  const ends: number[] = [];
  let i = from;
  while (i < text.length && digits.length < MAX_NATIONAL_DIGITS + 2) {
    const code = text.charCodeAt(i);
    if (isDigitLikeCode(code)) {
      digits += code === 111 ? '0' : text[i]!;
      ends.push(i + 1);
      i += 1;
    } else if (isSeparatorAt(text, i) && isDigitLikeCode(text.charCodeAt(i + 1))) {
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

// The Vietnamese numbering plan of the same metadata, compiled once: the chat reader checks each candidate
// against it directly rather than through the library's general parse (ten times its cost, per phone).
/** The part of the library's numbering plan read here (its typings declare less than it has). */
interface PlanReader {
  nationalNumberPattern(): string;
  nationalPrefix(): string;
  possibleLengths(): number[];
  type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}
interface Plan {
  national: RegExp;
  prefix: string;
  types: { pattern: RegExp; lengths: number[] }[];
}
// Built at first use, not at load: a bundle that never reads a phone (the content scripts) leaves the metadata out.
let vnPlan: Plan | undefined;
const VN_PLAN = (): Plan => (vnPlan ??= readPlan());
function readPlan(): Plan {
  const metadata = new Metadata(metadataJson);
  metadata.selectNumberingPlan('VN');
  const plan = metadata.numberingPlan as unknown as PlanReader;
  const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);
  const type = (name: 'MOBILE' | 'FIXED_LINE') => {
    const found = plan.type(name)!;
    return { pattern: whole(found.pattern()), lengths: found.possibleLengths() ?? plan.possibleLengths() };
  };
  return { national: whole(plan.nationalNumberPattern()), prefix: plan.nationalPrefix(), types: [type('FIXED_LINE'), type('MOBILE')] };
}

/**
 * toNationalPhone for the digits findPhones reads ("0912345678", or after "+84" "912345678"), by the
 * numbering plan: the national prefix dropped, then a fixed-line or mobile number of the plan. A property
 * test holds it equal to toNationalPhone (with "+84" before digits read after one).
 */
export function nationalPhoneOfDigits(digits: string): string | undefined {
  const plan = VN_PLAN();
  const national = digits.startsWith(plan.prefix) ? digits.slice(plan.prefix.length) : digits;
  if (!plan.national.test(national)) return undefined;
  const typed = plan.types.some((type) => type.lengths.includes(national.length) && type.pattern.test(national));
  return typed ? `0${national}` : undefined;
}

/** Digit counts worth checking against the numbering plan, longest first. */
function candidateLengths(digits: string, international: boolean): number[] {
  const landline = international ? digits.startsWith('2') : digits.startsWith('02');
  const lengths = international ? (landline ? [10, 9] : [9]) : landline ? [11, 10] : [10];
  return lengths.filter((n) => n <= digits.length);
}

/** Finds Vietnamese phone numbers in cleaned (lower-case) text; longest valid reading wins. */
export function findPhones(text: string): PhoneMatch[] {
  // A phone has at least 9 digits (one may be typed as the letter o): most comments have far fewer.
  let digits = 0;
  for (let i = 0; i < text.length && digits < 8; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits += 1;
  }
  return digits < 8 ? [] : readPhones(text);
}

/** findPhones past its count of digits: for text known to hold at least 8 ASCII digits (the tokenizer counts them). */
export function readPhones(text: string): PhoneMatch[] {
  const found: PhoneMatch[] = [];
  let searchFrom = 0;
  // exec in a loop rather than matchAll, which copies the expression for every call
  PHONE_START.lastIndex = 0;
  for (let match = PHONE_START.exec(text); match !== null; match = PHONE_START.exec(text)) {
    const start = match.index;
    if (start < searchFrom) continue;
    // the prefix is "+84" (a space may follow the plus), "84", "0" or "o"
    const international = match[0].charCodeAt(0) === 43 || match[0] === '84';
    const { digits, ends } = digitRun(text, international ? start + match[0].length : start);
    // Vietnamese numbers have 10 digits (mobile: 0 + 9) or 11 (landline: 02x + 8); the numbering plan validates.
    for (const n of candidateLengths(digits, international)) {
      const national = nationalPhoneOfDigits(digits.slice(0, n));
      const end = ends[n - 1];
      if (national && end !== undefined && !isAsciiDigit(text.charCodeAt(end))) {
        found.push({ national, start, end });
        searchFrom = end;
        break;
      }
    }
  }
  return found;
}
