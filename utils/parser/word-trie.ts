// Every key and typed form a table of the parser looks words up by, in one trie over character codes. A word
// is named by the trie node its letters lead to, so the tokenizer finds a word's look-up number while it
// scans the letters, and the tables look words up by that number: no string is made or hashed per word.
// Node numbers are stable (the trie only grows, once per lexicon and per catalog indexed), and two strings
// lead to the same node only if they are equal; NO_WORD is a string no table knows.

/** The number of a string the trie does not hold: no table has an entry for it. */
export const NO_WORD = 0;
/** The node of the empty string: every walk starts here. */
export const TRIE_ROOT = 1;

const LETTERS = 26; // a–z children are kept in one flat array; every other character in a hash table
let letterChildren = new Int32Array(LETTERS * 1024);
// Children by any other character (Vietnamese letters, digits, symbols), in one open-addressing table of
// typed arrays: a slot holds (node, code) → child, node 0 marks an empty slot. Kept at most half full.
let slotNode = new Int32Array(1024);
let slotCode = new Uint16Array(1024);
let slotChild = new Int32Array(1024);
let otherCount = 0;
let nodeCount = 2; // node 0 is NO_WORD, node 1 the root
let nodeFlags = new Uint8Array(1024); // by node: what kind of table word it is (markWord)

/** Trie flags: the first key of a lexicon phrase; the first key of an address lead ("giao về", "địa chỉ"). */
export const LEXICON_START = 1;
export const ADDRESS_LEAD = 2;

/**
 * The children of every node by the letters a–z: node * 26 + (code - 97). Read it again after the trie
 * grows (internWord); the tokenizer takes it once per comment to walk ASCII letters without a call.
 */
export const trieLetters = (): Int32Array => letterChildren;

/** The flags of every node (markWord), one per node number; read it again after the trie grows. */
export const trieFlags = (): Uint8Array => nodeFlags;

/** Marks a word the trie holds with a flag: the tokenizer collects the flags of a comment's words. */
export function markWord(id: number, flag: number): void {
  if (id === NO_WORD) throw new Error('only a word the trie holds can be marked');
  nodeFlags[id] = nodeFlags[id]! | flag;
}

/** The node after `node` by one character code, or NO_WORD. Walking from NO_WORD stays there. */
export function trieStep(node: number, code: number): number {
  if (node === NO_WORD) return NO_WORD;
  const letter = code - 97;
  // a node made by another character may lie past the letters array, which grows only for letter children
  if (letter >= 0 && letter < LETTERS) return letterChildren[node * LETTERS + letter] ?? NO_WORD;
  const mask = slotNode.length - 1;
  for (let slot = slotOf(node, code, mask); ; slot = (slot + 1) & mask) {
    const held = slotNode[slot]!;
    if (held === 0) return NO_WORD;
    if (held === node && slotCode[slot] === code) return slotChild[slot]!;
  }
}

/** Where the search for (node, code) starts in a table of mask + 1 slots. */
function slotOf(node: number, code: number, mask: number): number {
  const mixed = Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b);
  return (mixed ^ (mixed >>> 15)) & mask;
}

/** Puts (node, code) → child in the first free slot from its own (the pair is not in the table). */
function putOther(node: number, code: number, child: number): void {
  const mask = slotNode.length - 1;
  let slot = slotOf(node, code, mask);
  while (slotNode[slot] !== 0) slot = (slot + 1) & mask;
  slotNode[slot] = node;
  slotCode[slot] = code;
  slotChild[slot] = child;
}

function addOther(node: number, code: number, child: number): void {
  otherCount += 1;
  if (otherCount * 2 > slotNode.length) {
    const [nodes, codes, children] = [slotNode, slotCode, slotChild];
    slotNode = new Int32Array(nodes.length * 2);
    slotCode = new Uint16Array(nodes.length * 2);
    slotChild = new Int32Array(nodes.length * 2);
    for (let slot = 0; slot < nodes.length; slot += 1) if (nodes[slot] !== 0) putOther(nodes[slot]!, codes[slot]!, children[slot]!);
  }
  putOther(node, code, child);
}

function addStep(node: number, code: number): number {
  const found = trieStep(node, code);
  if (found !== NO_WORD) return found;
  const child = nodeCount;
  nodeCount += 1;
  if (nodeCount > nodeFlags.length) {
    const grown = new Uint8Array(nodeFlags.length * 2);
    grown.set(nodeFlags);
    nodeFlags = grown;
  }
  const letter = code - 97;
  if (letter >= 0 && letter < LETTERS) {
    if ((child + 1) * LETTERS > letterChildren.length) {
      const grown = new Int32Array(letterChildren.length * 2);
      grown.set(letterChildren);
      letterChildren = grown;
    }
    letterChildren[node * LETTERS + letter] = child;
  } else addOther(node, code, child);
  return child;
}

/** The number of a string, adding it to the trie: for the tables, at build time. */
export function internWord(text: string): number {
  let node = TRIE_ROOT;
  for (let i = 0; i < text.length; i += 1) node = addStep(node, text.charCodeAt(i));
  return node;
}

/** The number of a string if the trie holds it (or a longer string it starts), else NO_WORD. */
export function wordNumber(text: string): number {
  let node = TRIE_ROOT;
  for (let i = 0; i < text.length && node !== NO_WORD; i += 1) node = trieStep(node, text.charCodeAt(i));
  return node;
}

/** A set of trie numbers, looked up by index: a flag per node up to the largest number it holds. */
export class WordSet {
  private readonly flags: Uint8Array;

  constructor(ids: Iterable<number>) {
    const list = [...ids];
    this.flags = new Uint8Array(list.reduce((max, id) => Math.max(max, id), 0) + 1);
    for (const id of list) this.flags[id] = 1;
  }

  has(id: number): boolean {
    return id < this.flags.length && this.flags[id] === 1;
  }
}

/** A map from trie numbers, looked up by index. Numbers added to the trie later are simply not in it. */
export class WordMap<T> {
  private readonly slots: (T | undefined)[] = [];
  private readonly ids: number[] = [];

  get(id: number): T | undefined {
    return id < this.slots.length ? this.slots[id] : undefined;
  }

  set(id: number, value: T): this {
    if (id === NO_WORD) throw new Error('a table entry needs a word the trie holds');
    while (this.slots.length <= id) this.slots.push(undefined); // packed, so that reads stay fast
    if (this.slots[id] === undefined) this.ids.push(id);
    this.slots[id] = value;
    return this;
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  /** The numbers held, in the order first set. */
  keys(): IterableIterator<number> {
    return this.ids.values();
  }

  values(): IterableIterator<T> {
    return this.ids.map((id) => this.slots[id]!).values();
  }
}
