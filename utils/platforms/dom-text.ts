// DOM reading helpers for adapters. Chat rows are read hundreds of times a minute: these walk siblings
// directly instead of building NodeLists, and avoid id queries (see descendantById).

/** Text of an element with emoji images as their alt text ("<img alt='🍒'>" → "🍒"). */
export function textWithEmoji(element: Element): string {
  let text = '';
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const child = node as Element;
      text += child.tagName === 'IMG' ? (child.getAttribute('alt') ?? '') : textWithEmoji(child);
    }
  }
  return text;
}

/** The element's own text nodes only, leaving out badges and other child elements. */
export function ownText(element: Element): string {
  let text = '';
  for (let node = element.firstChild; node; node = node.nextSibling) if (node.nodeType === 3) text += node.nodeValue ?? '';
  return text;
}

const SIMPLE_ID = /^#([\w-]+)$/;

/**
 * A descendant with this id. Chat rows repeat ids ("#author-name" in every row), and Chromium's
 * querySelector for an id looks through every element of the page that has it: slower with each row.
 */
function descendantById(root: Element, id: string): Element | null {
  const all = root.getElementsByTagName('*');
  for (let i = 0; i < all.length; i += 1) if (all[i]!.id === id) return all[i]!;
  return null;
}

export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const id = SIMPLE_ID.exec(selector)?.[1];
    const found = id !== undefined && (root as Node).nodeType === 1 ? descendantById(root as Element, id) : root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

interface FieldPlan<K extends string> {
  ids: Set<string>;
  /** Per field, its selectors in order: an id to look up, or a selector to query. */
  fields: [K, ({ id: string } | { selector: string })[]][];
}

const plans = new WeakMap<object, FieldPlan<string>>();

function planOf<K extends string>(fields: Readonly<Record<K, readonly string[]>>): FieldPlan<K> {
  let plan = plans.get(fields) as FieldPlan<K> | undefined;
  if (!plan) {
    const ids = new Set<string>();
    const entries = (Object.keys(fields) as K[]).map((key): [K, ({ id: string } | { selector: string })[]] => [
      key,
      fields[key].map((selector) => {
        const id = SIMPLE_ID.exec(selector)?.[1];
        if (id) ids.add(id);
        return id ? { id } : { selector };
      }),
    ]);
    plan = { ids, fields: entries };
    plans.set(fields, plan);
  }
  return plan;
}

/**
 * Several fields of one row at once ({author: ['#author-name'], text: ['#message']}): the row's elements
 * are walked once for all the plain id selectors, others are queried as usual.
 */
export function queryFields<K extends string>(root: Element, fields: Readonly<Record<K, readonly string[]>>): Record<K, Element | null> {
  const plan = planOf(fields);
  const byId = new Map<string, Element>();
  if (plan.ids.size > 0) {
    const withIds = root.querySelectorAll('[id]'); // one native walk; few of a row's elements have ids
    for (let i = 0; i < withIds.length && byId.size < plan.ids.size; i += 1) {
      const element = withIds[i]!;
      if (plan.ids.has(element.id) && !byId.has(element.id)) byId.set(element.id, element);
    }
  }
  const found = {} as Record<K, Element | null>;
  for (const [key, selectors] of plan.fields) {
    let element: Element | null = null;
    for (const step of selectors) {
      element = 'id' in step ? (byId.get(step.id) ?? null) : root.querySelector(step.selector);
      if (element) break;
    }
    found[key] = element;
  }
  return found;
}

const MESSY_SPACE = /\s\s|[\t\n\r\f\v\u00a0\u2028\u2029]/;

/** Collapses runs of white space and trims; chat rows are full of template indentation. */
export const tidy = (text: string) => (MESSY_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
