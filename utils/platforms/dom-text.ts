/** Text of an element with emoji images as their alt text ("<img alt='🍒'>" → "🍒"). */
export function textWithEmoji(element: Element): string {
  let text = '';
  for (const node of element.childNodes) {
    if (node.nodeType === 3) text += node.textContent ?? '';
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
  for (const node of element.childNodes) if (node.nodeType === 3) text += node.textContent ?? '';
  return text;
}

export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** Collapses runs of white space and trims; chat rows are full of template indentation. */
export const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();
