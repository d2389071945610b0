import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { catalogSchema, indexCatalog, parseComment, toNationalPhone, MAX_LINE_QUANTITY, REVIEW_BELOW } from '../../utils/parser/index';
import { foldDiacritics } from '../../utils/parser/text';
import { nationalPhoneOfDigits } from '../../utils/parser/phone';

const catalog = indexCatalog(catalogSchema.parse(JSON.parse(readFileSync('tests/fixtures/lychee-catalog.json', 'utf8'))));

// Pieces of the order language, with their diacritics, to build comments from.
const ORDER_WORDS = ['chốt', 'lấy', 'đặt', 'mua', 'xí', 'lên đơn', 'cho em', 'gửi em', 'order'];
const MASS_UNITS: [string, number][] = [
  ['kg', 1],
  ['ký', 1],
  ['kí', 1],
  ['cân', 1],
  ['lạng', 0.1],
  ['yến', 10],
  ['tạ', 100],
  ['tấn', 1000],
];
const FILLERS = ['', ' nhé', ' nha', ' ạ', ' shop ơi', ' nhé shop', ' 🍒', '!!!'];
const MOBILE_PREFIXES = [
  '90',
  '91',
  '93',
  '94',
  '96',
  '97',
  '98',
  '86',
  '88',
  '89',
  '70',
  '76',
  '77',
  '78',
  '79',
  '81',
  '82',
  '83',
  '84',
  '85',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '39',
  '56',
  '58',
  '59',
];

const quantity = fc.integer({ min: 1, max: 999 });
const orderComment = fc
  .record({
    verb: fc.constantFrom(...ORDER_WORDS),
    amount: quantity,
    unit: fc.constantFrom(...MASS_UNITS),
    glued: fc.boolean(),
    filler: fc.constantFrom(...FILLERS),
  })
  .filter(({ amount, unit: [, kg] }) => amount * kg <= MAX_LINE_QUANTITY); // beyond the largest line is flagged, below

/** A valid mobile number in one of the ways people type it. */
const phone = fc
  .record({
    prefix: fc.constantFrom(...MOBILE_PREFIXES),
    rest: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }),
    style: fc.constantFrom('plain', 'spaces', 'dots', 'dashes', '+84', '84', 'letter-o'),
  })
  .map(({ prefix, rest, style }) => {
    const national = `0${prefix}${rest.join('')}`;
    const groups = [national.slice(0, 4), national.slice(4, 7), national.slice(7)];
    const typed = {
      plain: national,
      spaces: groups.join(' '),
      dots: groups.join('.'),
      dashes: groups.join('-'),
      '+84': `+84 ${national.slice(1)}`,
      '84': `84${national.slice(1)}`,
      'letter-o': `o${national.slice(1)}`,
    }[style];
    return { national, typed };
  })
  .filter(({ national }) => toNationalPhone(national) === national);

describe('parser properties', () => {
  it('never throws, and never returns a negative or non-finite weight', () => {
    const pieces = fc.constantFrom(
      'chốt',
      'lấy',
      'kg',
      'ký',
      'tạ',
      'tấn',
      'rưỡi',
      'nửa',
      'thùng',
      'hộp',
      'v1',
      'x',
      '2',
      '0,5',
      '1.000',
      '-',
      '?',
      'hủy',
      '0912345678',
      '+84',
      'mươi',
      'lăm',
      'hai',
      '🍒',
      '\u200b',
      ' ',
    );
    const comment = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.array(pieces, { maxLength: 20 }).map((p) => p.join(' ')),
      fc.array(pieces, { maxLength: 20 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(comment, fc.boolean(), (text, withCatalog) => {
        const result = parseComment(text, withCatalog ? catalog : undefined);
        for (const item of result.items) {
          expect(Number.isFinite(item.quantity) && item.quantity >= 0).toBe(true);
          if (item.kg !== null) expect(Number.isFinite(item.kg) && item.kg >= 0).toBe(true);
        }
        if (result.totalKg !== null) expect(Number.isFinite(result.totalKg) && result.totalKg >= 0).toBe(true);
        expect(result.confidence).toBeGreaterThanOrEqual(0);
        expect(result.confidence).toBeLessThanOrEqual(1);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads an order with a mass unit exactly', () => {
    fc.assert(
      fc.property(orderComment, ({ verb, amount, unit: [unit, kg], glued, filler }) => {
        const result = parseComment(`${verb} ${amount}${glued ? '' : ' '}${unit}${filler}`);
        expect(result.intent).toBe('order');
        expect(result.totalKg).toBeCloseTo(amount * kg, 6);
      }),
      { numRuns: 1000 },
    );
  });

  it('never reads a phone number as a quantity, wherever it stands', () => {
    fc.assert(
      fc.property(orderComment, phone, fc.constantFrom('before', 'after', 'middle'), ({ verb, amount, unit: [unit, kg] }, { national, typed }, where) => {
        const text =
          where === 'before'
            ? `${typed} ${verb} ${amount}${unit}`
            : where === 'after'
              ? `${verb} ${amount}${unit} ${typed}`
              : `${verb} ${typed} ${amount} ${unit}`;
        const result = parseComment(text);
        expect(result.phone).toBe(national);
        expect(result.intent).toBe('order');
        expect(result.items.map((item) => item.quantity)).toEqual([amount]);
        expect(result.totalKg).toBeCloseTo(amount * kg, 6);
      }),
      { numRuns: 1000 },
    );
  });

  it('never reads an odd quantity as something else: zero, a minus, an exponent, beyond the largest line', () => {
    const odd = fc.oneof(
      fc.constantFrom('0', '0,0', '0.0').map((typed) => ({ typed, kind: 'zero' })),
      fc.tuple(fc.constantFrom('-', '\u2212'), quantity).map(([minus, amount]) => ({ typed: `${minus}${amount}`, kind: 'negative' })),
      fc
        .record({ mantissa: fc.integer({ min: 1, max: 99 }), e: fc.constantFrom('e', 'E', 'e-', 'e+'), exponent: fc.integer({ min: 0, max: 400 }) })
        .map(({ mantissa, e, exponent }) => ({ typed: `${mantissa}${e}${exponent}`, kind: 'scientific' })),
      fc.integer({ min: MAX_LINE_QUANTITY + 1, max: 1e9 }).map((amount) => ({ typed: String(amount), kind: 'large' })),
    );
    const ODD_REASON = /^(quantity zero|negative quantity|quantity too large|quantity in scientific notation):/;
    fc.assert(
      fc.property(orderComment, odd, fc.boolean(), ({ verb, unit: [unit], glued, filler }, { typed, kind }, withCatalog) => {
        const result = parseComment(`${verb} ${typed}${glued ? '' : ' '}${unit}${filler}`, withCatalog ? catalog : undefined);
        expect(result.reasons.some((reason) => ODD_REASON.test(reason))).toBe(true);
        expect(result.confidence).toBeLessThan(REVIEW_BELOW);
        if (kind === 'zero') {
          expect(result).toMatchObject({ intent: 'order', review: true, totalKg: 0 });
        } else {
          expect(result.intent).toBe('none');
          expect(result.items).toEqual([]);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same answer with and without diacritics', () => {
    const comment = fc.oneof(
      orderComment.map(({ verb, amount, unit: [unit], filler }) => `${verb} ${amount} ${unit}${filler}`),
      fc
        .record({ verb: fc.constantFrom(...ORDER_WORDS), amount: fc.integer({ min: 1, max: 20 }), pack: fc.constantFrom('thùng', 'hộp', 'giỏ', 'túi') })
        .map(({ verb, amount, pack }) => `${verb} ${amount} ${pack}`),
      fc.constantFrom(
        'hủy đơn',
        'thôi em không lấy nữa',
        'sửa thành 3kg',
        'đổi sang 2 thùng',
        '5kg bao nhiêu tiền',
        '1 hộp mấy ký',
        'hôm qua mua 10kg',
        'lấy 2 yến rưỡi',
        'lấy ký rưỡi',
        'lấy nửa tạ',
        'chốt hai mươi lăm ký',
        'năm ngoái bán 5 tấn',
        'bé nhà mình 12kg',
        'yến sào',
        'tập tạ 20kg',
      ),
    );
    fc.assert(
      fc.property(comment, fc.boolean(), (text, withCatalog) => {
        const index = withCatalog ? catalog : undefined;
        const typed = parseComment(text, index);
        const plain = parseComment(foldDiacritics(text), index);
        expect({ intent: plain.intent, totalKg: plain.totalKg, phone: plain.phone, quantities: plain.items.map((i) => [i.quantity, i.kg]) }).toEqual({
          intent: typed.intent,
          totalKg: typed.totalKg,
          phone: typed.phone,
          quantities: typed.items.map((i) => [i.quantity, i.kg]),
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('never reads a question with a price word as an order, however the order around it is typed', () => {
    const PRICE_QUESTIONS = [
      'bao nhiêu',
      'bao nhiêu tiền',
      'bn',
      'bnhiu',
      'bnh',
      'nhiu',
      'nhiêu tiền',
      'giá sao',
      'giá bn',
      'giá thế nào',
      'mấy tiền',
      'mấy k',
      'xin giá',
      'báo giá',
      'how much',
      'what price',
      'how much is it',
      'giá bao nhiêu v',
      'gia bao nhieu',
      'bao nhieu tien',
    ];
    const ENDINGS = ['', '?', ' ạ', ' v shop', ' z', ' vậy ạ?', ' k', ' đc k', ' nhé'];
    const question = fc.record({
      order: orderComment,
      price: fc.constantFrom(...PRICE_QUESTIONS),
      where: fc.constantFrom('before', 'after', 'middle'),
      ending: fc.constantFrom(...ENDINGS),
      phone: fc.option(phone, { nil: undefined }),
    });
    fc.assert(
      fc.property(
        question,
        fc.boolean(),
        (
          {
            order: {
              verb,
              amount,
              unit: [unit],
              glued,
              filler,
            },
            price,
            where,
            ending,
            phone: typedPhone,
          },
          withCatalog,
        ) => {
          const quantity = `${amount}${glued ? '' : ' '}${unit}`;
          const body =
            where === 'before'
              ? `${price} ${verb} ${quantity}${filler}`
              : where === 'after'
                ? `${verb} ${quantity}${filler} ${price}`
                : `${verb} ${quantity} ${price}${filler}`;
          const text = `${body}${ending}${typedPhone ? ` ${typedPhone.typed}` : ''}`;
          const result = parseComment(text, withCatalog ? catalog : undefined);
          expect(result.intent, text).toBe('question');
          expect(result.topic, text).toBe('price');
        },
      ),
      { numRuns: 1500 },
    );
  }, 30_000);

  it('reads a phone in chat as libphonenumber does, by the same numbering plan', () => {
    // Any digits the chat reader may try: national (from its leading 0) or read after "+84" / "84", of every length
    // it asks about; the four digits after the start drawn from all of them, the rest at random.
    const candidate = fc.record({
      head: fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
      rest: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 7 }).map((d) => d.join('')),
      form: fc.constantFrom('national', 'international'),
    });
    fc.assert(
      fc.property(candidate, ({ head, rest, form }) => {
        const digits = `${form === 'national' ? '0' : ''}${head}${rest}`;
        const library = form === 'international' ? toNationalPhone(`+84${digits}`) : toNationalPhone(digits);
        expect(nationalPhoneOfDigits(digits), digits).toBe(library);
      }),
      { numRuns: 20_000 },
    );
    // and the mobile numbers buyers type, every one valid
    fc.assert(
      fc.property(phone, ({ national }) => {
        expect(nationalPhoneOfDigits(national)).toBe(national);
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});
