import type { MessageKey } from './messages';

/** What a failure says to the user: a plain sentence first, then the technical detail, if there is one. */
export interface FailureText {
  sentence: string;
  detail?: string;
}

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Refusals the background gives by name, each told in words; anything else is a detail for a report. */
const NAMED: Record<string, MessageKey> = {
  'not-found': 'failNotFound',
  cancelled: 'failCancelled',
  rejected: 'failRejected',
  withdrawn: 'failWithdrawn',
  'already-a-contract': 'failAlreadyContract',
  'same-customer': 'failSameCustomer',
  merged: 'failMerged',
  'same-broadcast': 'failSameBroadcast',
  'invalid-phone': 'errPhone',
  'unknown-unit': 'errUnit',
  'invalid-product': 'errField',
  'invalid-contract': 'errField',
  'nothing-to-undo': 'errNothingToUndo',
  'the chat page did not answer: reload it and try again': 'failNoChatPage',
};

const MAX_DETAIL = 2000;

/** The technical text of a failure (a refusal's code, an exception's message), bounded. */
export function failureDetail(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
  return text.trim().slice(0, MAX_DETAIL);
}

/**
 * The one way the UI words a failure: `what` says in plain words what did not happen ("The change was not
 * saved."); a refusal the background names adds why, anything else asks to try again and keeps the
 * technical text as the detail, shown second.
 */
export function describeFailure(t: Translate, what: MessageKey, error: unknown): FailureText {
  const detail = failureDetail(error);
  const named = NAMED[detail];
  if (named) return { sentence: `${t(what)} ${t(named)}` };
  return { sentence: `${t(what)} ${t('failTryAgain')}`, ...(detail ? { detail } : {}) };
}
