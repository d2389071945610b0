import type { PlatformAdapter } from '../platforms/adapter';
import type { PageSample } from './page-sample';
import { MAX_SAMPLE_BODY } from './page-sample';
import { maskUrl, Pseudonyms } from './mask';

/** Attributes the reader's selectors and the sites' structure rely on; none holds what a person wrote. */
const KEPT_ATTRIBUTES = new Set([
  'class',
  'role',
  'dir',
  'lang',
  'tabindex',
  'type',
  'name',
  'method',
  'hidden',
  'disabled',
  'contenteditable',
  'slot',
  'draggable',
  'height',
  'width',
  'loading',
  'data-e2e',
  'data-index',
  'data-testid',
  'data-pagelet',
  'data-visualcompletion',
  'aria-haspopup',
  'aria-hidden',
  'aria-expanded',
  'aria-selected',
  'aria-disabled',
  'aria-live',
  'aria-level',
  'aria-posinset',
  'aria-setsize',
  'is-deleted',
  'in-banner',
  'author-type',
  'modern',
  'allow-scroll',
  'is-popout',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'poster', 'data-src']);
const DROPPED_ATTRIBUTES = new Set(['style', 'srcset', 'nonce', 'integrity', 'sizes']);
/** Elements whose content is never chat: left out (scripts, styles), or kept empty (icons, media). */
const DROPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta']);
const EMPTIED_TAGS = new Set(['svg', 'canvas', 'video', 'audio', 'picture', 'object']);
/** Element ids made of plain words ("author-name", "items") are structure; others (message ids) are data. */
const STRUCTURAL_ID = /^[a-z]+(?:[-_][a-z]+)*$/;
const MAX_ELEMENTS = 40_000;

/** An attribute's value in the sample, or null to leave the attribute out. */
function attributeValue(tag: string, name: string, value: string, pseudo: Pseudonyms): string | null {
  if (name.startsWith('on') || DROPPED_ATTRIBUTES.has(name)) return null;
  if (KEPT_ATTRIBUTES.has(name) || value === '') return value;
  if (name === 'id') return STRUCTURAL_ID.test(value) ? value : pseudo.token(value);
  // Images are not chat: their addresses (avatars) go; links and frames keep their masked shape.
  if (name === 'src' && tag !== 'iframe') return 'data:,';
  if (URL_ATTRIBUTES.has(name)) return maskUrl(value, pseudo);
  // data-* attributes of unknown meaning may hold ids ("data-commentid"): ids keep their shape and identity.
  if (name.startsWith('data-')) return pseudo.token(value);
  // title, alt, aria-label, placeholder, value, tooltips and any attribute not known: text placeholders.
  return pseudo.text(value);
}

interface CopyPlan {
  /** Elements copied whole. */
  whole: ReadonlySet<Element>;
  /** Elements on the way from <body> to one of those: copied with their attributes, without other children. */
  path: ReadonlySet<Element>;
  pseudo: Pseudonyms;
  /** Elements and characters (of HTML, estimated as it is built) still allowed. */
  budget: { elements: number; chars: number; cut: boolean };
}

/** Characters an element's tags and attributes take in HTML, a little over rather than under. */
const tagSize = (element: Element) => {
  let size = 2 * element.localName.length + 6;
  for (const attribute of element.attributes) size += attribute.name.length + htmlSize(attribute.value) + 4;
  return size;
};
const htmlSize = (text: string) => text.length + 5 * (text.match(/[&<>"\u00a0]/g)?.length ?? 0);

function copyElement(source: Element, into: Document, plan: CopyPlan, inWhole: boolean): Element | null {
  const tag = source.localName;
  if (DROPPED_TAGS.has(tag)) return null;
  const copy = into.createElementNS(source.namespaceURI, tag);
  for (const attribute of source.attributes) {
    const value = attributeValue(tag, attribute.name, attribute.value, plan.pseudo);
    if (value === null) continue;
    try {
      copy.setAttribute(attribute.name, value);
    } catch {
      // a name this document cannot hold (a namespaced attribute): not needed by any selector
    }
  }
  const size = tagSize(copy);
  if (plan.budget.elements <= 0 || plan.budget.chars < size) {
    plan.budget.cut = true;
    return null;
  }
  plan.budget.elements -= 1;
  plan.budget.chars -= size;
  if (EMPTIED_TAGS.has(tag)) return copy;
  const whole = inWhole || plan.whole.has(source);
  for (let child = source.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 && whole) {
      const text = plan.pseudo.text(child.nodeValue ?? '');
      if (plan.budget.chars < htmlSize(text)) {
        plan.budget.cut = true;
        break;
      }
      plan.budget.chars -= htmlSize(text);
      copy.append(into.createTextNode(text));
    } else if (child.nodeType === 1 && (whole || plan.path.has(child as Element) || plan.whole.has(child as Element))) {
      const element = copyElement(child as Element, into, plan, whole);
      if (element) copy.append(element);
    }
  }
  return copy;
}

export interface CaptureOptions {
  document: Document;
  adapter: PlatformAdapter;
  /** The chat list the reader attached to, or null when it found none (the body is then sampled whole). */
  list: Element | null;
  url: string;
  topUrl?: string;
  readerVersion: string;
  now: number;
}

/** Rows of the sample as the adapter reads them now: what a replay of the sample must read too. */
function countRows(body: Element, adapter: PlatformAdapter): PageSample['rows'] {
  const list = adapter.selectors.list.map((selector) => body.querySelector(selector)).find(Boolean) ?? body;
  const rows = [...list.querySelectorAll(adapter.selectors.row.join(','))];
  const counted: PageSample['rows'] = { total: rows.length, read: {}, skipped: {} };
  for (const row of rows) {
    const reading = adapter.readRow(row);
    if (reading.ok) counted.read[reading.message.kind] = (counted.read[reading.message.kind] ?? 0) + 1;
    else counted.skipped[reading.reason] = (counted.skipped[reading.reason] ?? 0) + 1;
  }
  return counted;
}

/**
 * The chat area's structure for a page sample: the list (every row, in order) and the signs the health
 * check looks for, each with the path of ancestors from <body> (tag and attributes only) so the site's
 * selectors still match; every text and personal attribute replaced by a placeholder; the size bounded.
 */
export function captureSample(options: CaptureOptions): PageSample {
  const { document, adapter } = options;
  const source = document.body;
  const notices = [...(adapter.selectors.notices?.closed ?? []), ...(adapter.selectors.notices?.login ?? [])];
  const targets = [options.list ?? source, ...notices.flatMap((selector) => [...document.querySelectorAll(selector)].slice(0, 3))];
  const path = new Set<Element>();
  for (const target of targets) for (let up = target.parentElement; up && up !== document.documentElement; up = up.parentElement) path.add(up);
  const pseudo = new Pseudonyms();
  const into = document.implementation.createHTMLDocument('');
  // Rows are kept from the top of the list until the budget is spent; the estimate is checked once built.
  let chars = MAX_SAMPLE_BODY;
  let body: Element;
  let cut = false;
  for (;;) {
    const budget = { elements: MAX_ELEMENTS, chars, cut: false };
    body = copyElement(source, into, { whole: new Set(targets), path, pseudo, budget }, false) ?? into.createElement('body');
    cut ||= budget.cut;
    if (body.outerHTML.length <= MAX_SAMPLE_BODY) break;
    chars = Math.floor(chars * 0.8);
    cut = true;
  }
  into.documentElement.replaceChild(body, into.body);
  return {
    format: 'chot-page-sample',
    version: 1,
    platform: adapter.platform,
    url: maskUrl(options.url, pseudo).slice(0, 2000),
    ...(options.topUrl ? { topUrl: maskUrl(options.topUrl, pseudo).slice(0, 2000) } : {}),
    title: pseudo.text(document.title).slice(0, 300),
    capturedAt: options.now,
    readerVersion: options.readerVersion.slice(0, 40),
    listSelector: options.list ? (adapter.selectors.list.find((selector) => options.list!.matches(selector)) ?? null) : null,
    truncated: cut,
    rows: countRows(body, adapter),
    body: body.outerHTML,
  };
}
