import { vi } from 'vitest';

/**
 * Runs `start` (which starts a page overlay) and hands back the shadow root the overlay made. The root is
 * closed, so no one reaches it through its host: a unit test takes it as it is made.
 */
export function startedWithRoot<T>(start: () => T): { started: T; root: ShadowRoot; init: ShadowRootInit } {
  const attach = vi.spyOn(Element.prototype, 'attachShadow');
  try {
    const started = start();
    const made = attach.mock.results.at(-1);
    if (made?.type !== 'return') throw new Error('the overlay made no shadow root');
    return { started, root: made.value as ShadowRoot, init: attach.mock.calls.at(-1)![0] };
  } finally {
    attach.mockRestore();
  }
}
