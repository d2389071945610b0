import type { CDPSession, Page } from '@playwright/test';

/** A box in the page's viewport, as Playwright's `boundingBox()` gives it. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Reads and clicks Chốt's on-air overlay, which lives in a CLOSED shadow root on `<chot-overlay>`: the
 * page's scripts cannot reach it, and neither can Playwright's locators (they pierce open roots only).
 * Tests and benchmarks go through the DevTools protocol, as the browser's own tools do: the root is
 * resolved in an isolated world of their own (out of the page's scripts' reach, so a page cannot fake
 * what is read), and clicks are real input events, trusted as a user's are. The shipped build is not
 * changed for this. Top-level pages only (every chat page the overlay tests use is one).
 */
export class ClosedOverlay {
  private session?: CDPSession;
  private world?: number;

  constructor(private readonly page: Page) {}

  /**
   * Runs `probe` with the overlay's shadow root (null while the page has no overlay) and returns its
   * result, which must survive JSON. `probe` is sent as source: it sees nothing of the test's scope.
   */
  async evaluate<R, A = undefined>(probe: (root: ShadowRoot | null, arg: A) => R, arg?: A): Promise<R> {
    try {
      return await this.evaluateOnce(probe, arg);
    } catch (error) {
      // The page navigated or reloaded since: its world went with it. A failure of the probe itself is the test's.
      if (error instanceof ProbeError || !/context|frame|node/i.test(String(error))) throw error;
      this.world = undefined;
      return this.evaluateOnce(probe, arg);
    }
  }

  /** The attribute of the first element matching `selector` in the overlay, or null. */
  attribute(selector: string, name: string): Promise<string | null> {
    return this.evaluate((root, [s, n]) => root?.querySelector(s)?.getAttribute(n) ?? null, [selector, name] as const);
  }

  /** How many elements in the overlay match `selector` (0 without an overlay). */
  count(selector: string): Promise<number> {
    return this.evaluate((root, s) => root?.querySelectorAll(s).length ?? 0, selector);
  }

  /** The text of the first element matching `selector`, or of the whole overlay; '' when there is none. */
  text(selector?: string): Promise<string> {
    return this.evaluate((root, s) => (s ? root?.querySelector(s) : root)?.textContent ?? '', selector ?? '');
  }

  /** Whether the first element matching `selector` is drawn (not hidden, not display:none, not empty). */
  visible(selector: string): Promise<boolean> {
    return this.evaluate((root, s) => {
      const node = root?.querySelector(s);
      if (!node) return false;
      const box = node.getBoundingClientRect();
      return node.checkVisibility() && box.width > 0 && box.height > 0;
    }, selector);
  }

  /** The first matching element's box in the viewport, or null when it is missing or not drawn. */
  box(selector: string): Promise<Box | null> {
    return this.evaluate((root, s) => {
      const node = root?.querySelector(s);
      if (!node || !node.checkVisibility()) return null;
      const { x, y, width, height } = node.getBoundingClientRect();
      return width > 0 && height > 0 ? { x, y, width, height } : null;
    }, selector);
  }

  /**
   * Clicks the middle of the first element matching `selector` with the mouse: a trusted event, as the
   * user's. Fails when the element is not drawn or something else is on top of it there.
   */
  async click(selector: string): Promise<void> {
    const box = await this.box(selector);
    if (!box) throw new Error(`nothing drawn for ${selector} in the overlay`);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const onTop = await this.evaluate(
      (root, [s, px, py]) => {
        const target = root!.querySelector(s)!;
        const hit = root!.elementFromPoint(px, py);
        return hit !== null && (hit === target || target.contains(hit));
      },
      [selector, x, y] as const,
    );
    if (!onTop) throw new Error(`${selector} in the overlay is covered at ${Math.round(x)},${Math.round(y)}`);
    await this.page.mouse.click(x, y);
  }

  /**
   * For benchmarks that watch the overlay from inside the page: puts the root in the page's own world
   * under `window[name]`. Never in a test of the page boundary (it hands the page what it must not have).
   */
  async exposeToPage(name: string): Promise<boolean> {
    const session = await this.cdp();
    const root = await this.rootNode();
    if (root === null) return false;
    const { object } = await session.send('DOM.resolveNode', { backendNodeId: root, objectGroup: GROUP }); // the page's main world
    await session.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function (name) { window[name] = this; }',
      arguments: [{ value: name }],
    });
    await session.send('Runtime.releaseObjectGroup', { objectGroup: GROUP });
    return true;
  }

  async dispose(): Promise<void> {
    await this.session?.detach().catch(() => undefined);
    this.session = undefined;
  }

  private async cdp(): Promise<CDPSession> {
    this.session ??= await this.page.context().newCDPSession(this.page);
    return this.session;
  }

  /** An isolated world of the main frame, made once per document. */
  private async isolatedWorld(): Promise<number> {
    if (this.world !== undefined) return this.world;
    const session = await this.cdp();
    const { frameTree } = await session.send('Page.getFrameTree');
    const { executionContextId } = await session.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'chot-test-probe' });
    this.world = executionContextId;
    return executionContextId;
  }

  /** The backend node id of the overlay's shadow root, or null while there is none. */
  private async rootNode(): Promise<number | null> {
    const session = await this.cdp();
    const contextId = await this.isolatedWorld();
    const { result } = await session.send('Runtime.evaluate', { expression: "document.querySelector('chot-overlay')", contextId, objectGroup: GROUP });
    if (!result.objectId) return null;
    const { node } = await session.send('DOM.describeNode', { objectId: result.objectId, depth: 1, pierce: true });
    return node.shadowRoots?.[0]?.backendNodeId ?? null;
  }

  private async evaluateOnce<R, A>(probe: (root: ShadowRoot | null, arg: A) => R, arg: A | undefined): Promise<R> {
    const session = await this.cdp();
    try {
      const root = await this.rootNode();
      const contextId = await this.isolatedWorld();
      const objectId =
        root === null
          ? undefined
          : (await session.send('DOM.resolveNode', { backendNodeId: root, executionContextId: contextId, objectGroup: GROUP })).object.objectId;
      const called = await session.send('Runtime.callFunctionOn', {
        functionDeclaration: `function (arg) { return (${probe.toString()})(${objectId ? 'this' : 'null'}, arg); }`,
        ...(objectId ? { objectId } : { executionContextId: contextId }),
        arguments: [{ value: arg ?? null }],
        returnByValue: true,
        awaitPromise: true,
      });
      if (called.exceptionDetails)
        throw new ProbeError(`overlay probe failed: ${called.exceptionDetails.exception?.description ?? called.exceptionDetails.text}`);
      return called.result.value as R;
    } finally {
      await session.send('Runtime.releaseObjectGroup', { objectGroup: GROUP }).catch(() => undefined);
    }
  }
}

const GROUP = 'chot-overlay-probe';

class ProbeError extends Error {}

/** The overlay of a chat page, read and clicked through the DevTools protocol. */
export function closedOverlay(page: Page): ClosedOverlay {
  return new ClosedOverlay(page);
}
