// Our marks on LinkedIn's pages: each lives in a shadow root (LinkedIn's styles cannot reach
// it, ours cannot leak), its host carries `data-inmail-ledger` (DESIGN.md, contract 3) and
// `data-theme` (theme.ts), and it speaks through a labelled status region. Text only, never
// HTML. Each lives as long as the feature run that made it (its signal), and all go when the
// content script is invalidated.

import { followTheme, pageTheme } from './theme';

export const OVERLAY_ATTRIBUTE = 'data-inmail-ledger';
const THEME_ATTRIBUTE = 'data-theme';

// `all: initial` first: nothing LinkedIn's page sets on the host's ancestors is inherited (font,
// colour, line height, letter spacing, text transform…); then our own.
const STYLE = `
  :host { all: initial; display: block; margin: 4px 0; font: 12px/1.4 -apple-system, system-ui, sans-serif; }
  :host([data-inline]) { display: inline-block; margin: 0 0 0 8px; vertical-align: middle; }
  :host([data-floating]) { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; margin: 0; }
  .chip { display: inline-block; padding: 2px 8px; border-radius: 10px; background: #eef3f8; color: #0a5299; }
  .free { background: #e6f4ea; color: #1d6b34; }
  .warn { background: #fdf0d5; color: #7a4a00; }
  .guard { display: block; margin-top: 2px; color: #7a4a00; }
  :host([data-floating]) .chip { box-shadow: 0 1px 4px rgb(0 0 0 / 0.2); padding: 4px 10px; }
  :host([data-theme="dark"]) .chip { background: #2f3a45; color: #9ccdfc; }
  :host([data-theme="dark"]) .free { background: #23392a; color: #9fdcb0; }
  :host([data-theme="dark"]) .warn { background: #453720; color: #f5c75d; }
  :host([data-theme="dark"]) .guard { color: #f5c75d; }
`;

export type Tone = 'cost' | 'free' | 'warn';

export interface OverlayLine {
  text: string;
  tone?: Tone;
}

/**
 * The overlay `name` inside `container` (made once, then reused): `place` puts a new host
 * where it belongs; it is taken off the page when `signal` aborts. `mode` chooses its own line,
 * inline after a button, or floating over the page's corner (no layout shift at all).
 */
export function overlay(
  name: string,
  container: ParentNode,
  place: (host: HTMLElement) => void,
  label: string,
  signal: AbortSignal,
  mode: 'block' | 'inline' | 'floating' = 'block',
): HTMLElement {
  let host = container.querySelector<HTMLElement>(`[${OVERLAY_ATTRIBUTE}="${name}"]`);
  if (!host) {
    host = document.createElement('div');
    host.setAttribute(OVERLAY_ATTRIBUTE, name);
    host.setAttribute(THEME_ATTRIBUTE, pageTheme(document));
    if (mode === 'inline') host.setAttribute('data-inline', '');
    if (mode === 'floating') host.setAttribute('data-floating', '');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    const box = document.createElement('div');
    box.setAttribute('role', 'status');
    box.setAttribute('aria-label', label);
    shadow.append(style, box);
    if (signal.aborted) return host; // never placed: nothing to take off
    place(host);
    const placed = host;
    signal.addEventListener('abort', () => placed.remove(), { once: true });
  }
  return host;
}

/** Shows `lines` in an overlay (first as a chip, the rest as notes); unchanged text is left alone. */
export function showLines(host: HTMLElement, lines: OverlayLine[]): void {
  const box = host.shadowRoot?.querySelector('[role="status"]') as HTMLElement;
  const key = JSON.stringify(lines);
  if (box.dataset.shown === key) return;
  box.dataset.shown = key;
  box.replaceChildren(
    ...lines.map((line, k) => {
      const span = document.createElement('span');
      span.className = k === 0 ? `chip ${line.tone ?? 'cost'}` : 'guard';
      span.textContent = line.text;
      return span;
    }),
  );
}

export function removeOverlay(container: ParentNode, name: string): void {
  container.querySelector(`[${OVERLAY_ATTRIBUTE}="${name}"]`)?.remove();
}

/** Takes every overlay of ours off the page (the content script was invalidated: no stale counts). */
export function removeOverlays(root: ParentNode): void {
  for (const host of root.querySelectorAll(`[${OVERLAY_ATTRIBUTE}]`)) host.remove();
}

/** Keeps every overlay's `data-theme` in step with LinkedIn's theme until `signal` aborts. */
export function overlaysFollowTheme(doc: Document, signal: AbortSignal): void {
  followTheme(doc, signal, (theme) => {
    for (const host of doc.querySelectorAll(`[${OVERLAY_ATTRIBUTE}]`))
      host.setAttribute(THEME_ATTRIBUTE, theme);
  });
}
