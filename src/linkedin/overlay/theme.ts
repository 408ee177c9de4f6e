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

/** Where LinkedIn says its theme, and the names of the states we tell apart. */
const THEMED = ['html', 'body'] as const;
const STATES = ['dark', 'light', 'none'] as const;

function stateSelector(element: (typeof THEMED)[number], state: (typeof STATES)[number]): string {
  return state === 'none' ? `${element}:not(.theme--dark):not(.theme--light)` : `${element}.theme--${state}`;
}

/**
 * Calls `changed` when the page's theme changes, until `signal` aborts. No MutationObserver:
 * any observer in a document makes every mutation of the page walk its ancestors for
 * observers (measured: +25 % of the page's script time in the benchmark). Instead <html> and
 * <body> get a 1 ms animation named after the state of their class (dark, light, none), so
 * the browser starts a new animation, and says so with `animationstart`, exactly when the
 * class changes (the selector observer's way, page/selector-observer.ts); and the system's
 * setting is followed by its media query.
 */
export function followTheme(doc: Document, signal: AbortSignal, changed: (theme: Theme) => void): void {
  const prefix = `inmail-ledger-theme-${Math.random().toString(36).slice(2, 10)}`;
  const style = doc.createElement('style');
  style.setAttribute('data-inmail-ledger-theme', '');
  style.textContent = STATES.map(
    (state) =>
      `@keyframes ${prefix}-${state} {}\n${THEMED.map((el) => `:where(${stateSelector(el, state)})`).join(', ')} { animation: 1ms ${prefix}-${state}; }`,
  ).join('\n');
  let theme = pageTheme(doc);
  const update = () => {
    const next = pageTheme(doc);
    if (next === theme) return;
    theme = next;
    changed(next);
  };
  doc.addEventListener(
    'animationstart',
    (event) => {
      if (event.animationName.startsWith(prefix)) update();
    },
    { capture: true, passive: true, signal },
  );
  const attach = () => {
    if (!signal.aborted && !style.isConnected) (doc.head ?? doc.documentElement)?.append(style);
  };
  // At document_start there may be no <html> yet (Firefox) nor <head>: attach when there is.
  if (doc.documentElement) attach();
  else doc.addEventListener('readystatechange', attach, { once: true, signal });
  doc.addEventListener(
    'DOMContentLoaded',
    () => {
      attach();
      update();
    },
    { once: true, signal },
  );
  signal.addEventListener('abort', () => style.remove(), { once: true });
  doc.defaultView?.matchMedia?.(DARK).addEventListener('change', update, { signal });
  update();
}
