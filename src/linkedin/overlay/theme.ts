// Our overlays follow LinkedIn's theme: its own choice first (the `theme--dark` or
// `theme--light` class on <html>), else the system's (`prefers-color-scheme`). The choice is an
// attribute on each overlay's host (`data-theme`), which the overlay's styles read with
// `:host([data-theme="dark"])`: no `:host-context`, which Firefox does not support.

export type Theme = 'light' | 'dark';

const DARK = '(prefers-color-scheme: dark)';

/** The theme the page shows now. */
export function pageTheme(doc: Document): Theme {
  const classes = doc.documentElement?.classList;
  if (classes?.contains('theme--dark')) return 'dark';
  if (classes?.contains('theme--light')) return 'light';
  return doc.defaultView?.matchMedia?.(DARK).matches ? 'dark' : 'light';
}

/**
 * Calls `changed` when the page's theme changes, until `signal` aborts: an observer of <html>'s
 * class attribute only (LinkedIn switches theme there), and the system's setting.
 */
export function followTheme(doc: Document, signal: AbortSignal, changed: (theme: Theme) => void): void {
  const root = doc.documentElement;
  if (!root) {
    // Firefox may run a document_start script before <html> exists.
    doc.addEventListener('readystatechange', () => followTheme(doc, signal, changed), {
      once: true,
      signal,
    });
    return;
  }
  let theme = pageTheme(doc);
  const update = () => {
    const next = pageTheme(doc);
    if (next === theme) return;
    theme = next;
    changed(next);
  };
  const observer = new MutationObserver(update);
  observer.observe(root, { attributes: true, attributeFilter: ['class'] });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  doc.defaultView?.matchMedia?.(DARK).addEventListener('change', update, { signal });
}
