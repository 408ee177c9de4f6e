// Notices elements, not mutations (after refined-github's `source/helpers/selector-observer.tsx`):
// one <style> of ours gives the elements the running features declared a 1 ms animation with no
// keyframes, so the browser matches those selectors while it styles the page and says so with an
// `animationstart` event when such an element appears (inserted, shown, or newly matching).
// Nothing of ours runs per page mutation; an unrelated element costs one failed selector match
// in the browser's own style pass.
//
// The rule has zero specificity (`:where`): it never overrides an animation of LinkedIn's on the
// same element (a dialog fading in), whose own `animationstart` is then taken as the notice.
// One `:where()` per selector, not one around the list: the browser files each under its own
// tag, class or attribute and never tries it on other elements (measured in Chromium: one
// `:where(a, b, c, d)` cost ~0.1 µs per inserted element; `:where(a), :where(b)…` nothing
// measurable). A selector this browser cannot parse matches nothing and spoils no other.
// Elements that are not rendered (display: none, a tab in the background) are noticed when they
// are. Text that changes inside an element is not an appearance: see `Look.watchText`.

export interface SelectorObserver {
  /** The selectors to notice from now on (the running features'); the same list again is free. */
  notice(selectors: readonly string[]): void;
}

const ELEMENT = 1;

export function observeSelectors(
  doc: Document,
  signal: AbortSignal,
  appeared: (element: Element) => void,
): SelectorObserver {
  const name = `inmail-ledger-notice-${Math.random().toString(36).slice(2, 10)}`;
  const style = doc.createElement('style');
  style.setAttribute('data-inmail-ledger-observer', '');
  let text = '';
  // Capture: the page cannot stop it on the way down; passive: we never cancel anything.
  doc.addEventListener(
    'animationstart',
    (event) => {
      const target = event.target as Node | null;
      if (target?.nodeType === ELEMENT) appeared(target as Element);
    },
    { capture: true, passive: true, signal },
  );
  signal.addEventListener('abort', () => style.remove(), { once: true });
  return {
    notice(selectors) {
      if (signal.aborted) return;
      const next =
        selectors.length === 0
          ? ''
          : `@keyframes ${name} {}\n${selectors.map((selector) => `:where(${selector})`).join(',\n')} { animation: 1ms ${name}; }`;
      if (next !== text) {
        text = next;
        style.textContent = next;
      }
      // At document_start there is no <head> yet; a page that rebuilt its <head> dropped ours.
      if (next && !style.isConnected) (doc.head ?? doc.documentElement).append(style);
    },
  };
}
