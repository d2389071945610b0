import { useCallback } from 'react';
import type { MessageKey } from '../utils/i18n/messages';
import { describeFailure, type FailureText } from '../utils/i18n/failure-text';
import { useI18n } from './i18n';

/** Words a failure in the page's language: see describeFailure. */
export function useDescribeFailure(): (what: MessageKey, error: unknown) => FailureText {
  const { t } = useI18n();
  // the same function while the language stays: parts drawn with it can skip a redraw
  return useCallback((what: MessageKey, error: unknown) => describeFailure(t, what, error), [t]);
}

/**
 * A failure as the user sees it everywhere: the plain sentence, then the technical detail folded away
 * (open it to copy it into a report). Chat and file text in a detail is shown as text only.
 */
export function FailureNotice({
  failure,
  className = 'error',
  testId,
  inline = false,
}: {
  failure: FailureText;
  className?: string;
  testId?: string;
  inline?: boolean;
}) {
  const { t } = useI18n();
  const Box = inline ? 'span' : 'div'; // inline at a form field or in a row of tools
  return (
    <Box role="alert" className={className} data-testid={testId}>
      <span className="failure-sentence">{failure.sentence}</span>
      {failure.detail && (
        <details className="failure-detail">
          <summary>{t('failDetail')}</summary>
          <code>{failure.detail}</code>
        </details>
      )}
    </Box>
  );
}
