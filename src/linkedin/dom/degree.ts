// A person's degree mark as LinkedIn writes it [firm]: either an `aria-label` ("3rd degree
// connection", "Kontakt 3. Grades") on a short visible "3rd", or a visible "1st" marked
// `aria-hidden="true"` beside a visually hidden span ("1st degree connection") whose class is
// `a11y-text`, `visually-hidden` or a generated name. So: read the accessible text of the mark
// (aria labels, and every text node on its own, hidden or not), never a class name, and never
// a container's `textContent` run together ("1st1st degree connection"). Seen 2026-11 (en, de).

export type Degree = 1 | 2 | 3;

/** "1st degree connection", "3rd+ degree", "2nd-degree", "Kontakt 1. Grades", "2. Grad". */
const PHRASE = /\b([123])(?:st|nd|rd)\+?[\s-]*degree\b|\b([123])\.[\s-]*Grad(?:es)?\b/i;
/** A short visible mark on its own: "1st", "· 2nd", "• 3rd+". */
const TOKEN = /^[\s·•]*([123])(?:st|nd|rd)\+?\s*$/i;
/** German short mark: "1.", "· 3.+" (a bare number: only read inside a known mark). */
const TOKEN_DE = /^[\s·•]*([123])\.\+?\s*$/;
/** What a wrapper around a mark may hold besides degree words: separators and nothing. */
const FILLER = /^[\s·•|]*$/;

const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'NOSCRIPT']);

const ELEMENT = 1;
const TEXT = 3;

/** Fields the rep types in (a message body may say anything): never read as page words. */
export function isTypedField(el: Element): boolean {
  if (SKIP.has(el.tagName)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

function degreeIn(text: string, patterns: RegExp[]): Degree | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return Number(match[1] ?? match[2]) as Degree;
  }
  return null;
}

/** Each string the element gives assistive technology or shows: labels, then text nodes, one by one. */
function accessibleStrings(el: Element): string[] {
  const labels: string[] = [];
  const texts: string[] = [];
  const stack: Node[] = [el];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.nodeType === TEXT) {
      const text = node.nodeValue ?? '';
      if (text.trim()) texts.push(text);
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    const element = node as Element;
    if (element !== el && isTypedField(element)) continue;
    const label = element.getAttribute('aria-label');
    if (label) labels.push(label);
    // Children in reverse so that they come off the stack in document order.
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
  }
  return [...labels, ...texts];
}

/**
 * The degree a person's degree mark stands for (1, 2 or 3; "3rd+" is 3), or null when it says
 * none. A full phrase ("1st degree connection") wins over a short mark ("1st"); a short mark
 * alone, even `aria-hidden`, still counts.
 */
export function degreeOf(el: Element): Degree | null {
  const strings = accessibleStrings(el);
  for (const text of strings) {
    const degree = degreeIn(text, [PHRASE]);
    if (degree !== null) return degree;
  }
  for (const text of strings) {
    const degree = degreeIn(text, [TOKEN, TOKEN_DE]);
    if (degree !== null) return degree;
  }
  return null;
}

/** Whether an element's own label or one of its own text nodes is a degree (phrase or "1st"). */
function marksDegree(el: Element): boolean {
  if (degreeIn(el.getAttribute('aria-label') ?? '', [PHRASE, TOKEN]) !== null) return true;
  for (const node of el.childNodes) {
    if (node.nodeType === TEXT && degreeIn(node.nodeValue ?? '', [PHRASE, TOKEN]) !== null) return true;
  }
  return false;
}

/** Whether every word under `el` is a degree or a separator: a wrapper of the mark, nothing more. */
function onlyDegree(el: Element): boolean {
  for (const text of accessibleStrings(el)) {
    if (!FILLER.test(text) && degreeIn(text, [PHRASE, TOKEN, TOKEN_DE]) === null) return false;
  }
  return el.querySelector('input, textarea, button, a, [contenteditable]') === null;
}

/**
 * The person's degree mark within `root` (a person card, a lead header, a composer's header):
 * the first element whose label or own text is a degree, widened to its wrapper when the
 * wrapper holds only the mark (the visible "1st" and its hidden "1st degree connection").
 * Typed fields, and subtrees matching `skip` (a selector), are skipped. Null when the card
 * shows no degree.
 */
export function findDegreeMark(root: ParentNode, skip?: string): HTMLElement | null {
  const stack: Element[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i] as Element);
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    if (isTypedField(el) || (skip && el.matches(skip))) continue;
    if (marksDegree(el)) {
      let mark = el;
      while (mark.parentElement && mark.parentElement !== root && onlyDegree(mark.parentElement))
        mark = mark.parentElement;
      return mark as HTMLElement;
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i] as Element);
  }
  return null;
}
