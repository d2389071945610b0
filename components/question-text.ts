import type { QuestionGroup } from '../utils/store/questions';
import type { MessageKey } from '../utils/i18n/messages';
import { cleanText } from '../utils/parser/text';
import { findPhones } from '../utils/parser/index';
import { describeItems } from '../utils/i18n/describe-items';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A question's words with any phone number left out: what may be shown on air. */
export function withoutPhones(text: string): string {
  const cleaned = cleanText(text);
  const phones = findPhones(cleaned.toLowerCase());
  let out = '';
  let from = 0;
  for (const phone of phones) {
    out += cleaned.slice(from, phone.start);
    from = phone.end;
  }
  return (out + cleaned.slice(from)).replace(/\s+/g, ' ').trim();
}

/** "12 people asked the price of 1 thùng": what a group of buyers asks, or null for a lone question. */
export function groupHeadline(group: QuestionGroup, t: Translate, formatNumber: (value: number) => string): string | null {
  if (group.askers < 2) return null;
  const what = describeItems(group.questions[0]!, formatNumber);
  const count = group.askers;
  switch (group.topic) {
    case 'price':
      return what ? t('askedPrice', { count, what }) : t('askedPriceAny', { count });
    case 'stock':
      return what ? t('askedStock', { count, what }) : t('askedStockAny', { count });
    case 'shipping':
      return t('askedShipping', { count });
    case 'payment':
      return t('askedPayment', { count });
    default:
      return t('askedOther', { count });
  }
}
