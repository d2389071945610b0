import { describe, expect, it } from 'vitest';
import { describeFailure, failureDetail } from '../../utils/i18n/failure-text';
import { MESSAGES, translate, type MessageKey } from '../../utils/i18n/messages';
import type { Language } from '../../utils/store/records';

const words = (language: Language) => (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);

describe('failures in words', () => {
  it('says a refusal the background names in plain words, in both languages, with no technical detail', () => {
    expect(describeFailure(words('en'), 'failSave', 'cancelled')).toEqual({ sentence: 'The change was not saved. The buyer has cancelled this order.' });
    expect(describeFailure(words('vi'), 'failSave', 'cancelled')).toEqual({ sentence: 'Không lưu được thay đổi. Người mua đã hủy đơn này.' });
    expect(describeFailure(words('en'), 'failUndo', 'nothing-to-undo').sentence).toBe(`Nothing was undone. ${MESSAGES.en.errNothingToUndo}`);
  });

  it('puts anything else second, as the detail, after a sentence that says what did not happen', () => {
    const failure = describeFailure(words('en'), 'failExport', new Error('QuotaExceededError: the quota has been exceeded'));
    expect(failure).toEqual({
      sentence: 'The orders could not be exported. Try again; if it keeps failing, the details say why.',
      detail: 'QuotaExceededError: the quota has been exceeded',
    });
    expect(describeFailure(words('vi'), 'failSave', '').detail).toBeUndefined();
  });

  it('never shows a raw code or message as the sentence', () => {
    for (const language of ['vi', 'en'] as const) {
      for (const error of ['not-found', 'same-customer', 'invalid-phone', "the order is not of this page's stream", 'x'.repeat(5000)]) {
        const { sentence, detail } = describeFailure(words(language), 'failSave', error);
        expect(sentence).not.toContain(error);
        expect(sentence.startsWith(MESSAGES[language].failSave)).toBe(true);
        expect((detail ?? '').length).toBeLessThanOrEqual(2000);
      }
    }
    expect(failureDetail({ code: 7 })).toBe('{"code":7}');
  });
});
