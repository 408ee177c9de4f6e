// Our overlays follow LinkedIn's theme: its own choice first (the `theme--dark` or
// `theme--light` class, on <html> or on <body>), else the system's (`prefers-color-scheme`)
// only when the page says neither. The choice is an attribute on each overlay's host
// (`data-theme`), which the overlay's styles read with `:host([data-theme="dark"])`: no
// `:host-context`, which Firefox does not support.

export type Theme = 'light' | 'dark';

const DARK = '(prefers-color-scheme: dark)';

/** LinkedIn's own choice on one element, or null when its classes say none. */
function themeOf(element: Element | null | undefined): Theme | null {
  const classes = element?.classList;
  if (classes?.contains('theme--dark')) return 'dark';
  if (classes?.contains('theme--light')) return 'light';
  return null;
}

/** The theme the page shows now. */
export function pageTheme(doc: Document): Theme {
  return (
    themeOf(doc.documentElement) ??
    themeOf(doc.body) ??
    (doc.defaultView?.matchMedia?.(DARK).matches ? 'dark' : 'light')
  );
}

/**
 * Calls `changed` when the page's theme changes, until `signal` aborts: observers of the class
 * attribute of <html> and of <body> only (LinkedIn switches theme there; <body> is observed once
 * it exists), and the system's setting.
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
  let body: HTMLElement | null = null;
  const update = () => {
    if (doc.body && doc.body !== body) {
      body = doc.body;
      observer.observe(body, { attributes: true, attributeFilter: ['class'] });
    }
    const next = pageTheme(doc);
    if (next === theme) return;
    theme = next;
    changed(next);
  };
  const observer = new MutationObserver(update);
  // Its children too: <body> may come after this script starts (document_start).
  observer.observe(root, { attributes: true, attributeFilter: ['class'], childList: true });
  update();
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  doc.defaultView?.matchMedia?.(DARK).addEventListener('change', update, { signal });
}
