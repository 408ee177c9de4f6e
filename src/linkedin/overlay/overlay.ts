// Our marks on LinkedIn's pages: each lives in a shadow root (LinkedIn's styles cannot reach
// it, ours cannot leak), its host carries `data-inmail-ledger` (DESIGN.md, contract 3) and
// `data-theme` (theme.ts), and it speaks through a labelled status region. Text only, never
// HTML. Each chip carries our mark (a small ledger glyph labelled "InMail Ledger") so nobody
// takes it for LinkedIn's own words. Each lives as long as the feature run that made it (its
// signal), and all go when the content script is invalidated.

import { requestPopup } from '../open-popup';
import { followTheme, pageTheme } from './theme';

export const OVERLAY_ATTRIBUTE = 'data-inmail-ledger';
const THEME_ATTRIBUTE = 'data-theme';

/** Our mark's name, what hovering it says, and what it says where the popup cannot be opened for us. */
export const MARK_LABEL = 'InMail Ledger';
export const MARK_TITLE = 'InMail Ledger — click for the details';
export const MARK_FALLBACK_TITLE = 'InMail Ledger — open the toolbar icon for details';

/** The font stack LinkedIn's pages use. */
export const LINKEDIN_FONTS =
  '-apple-system, system-ui, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", "Fira Sans", Ubuntu, Oxygen, "Oxygen Sans", Cantarell, "Droid Sans", "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol", "Lucida Grande", Helvetica, Arial, sans-serif';

// `all: initial` first: nothing LinkedIn's page sets on the host's ancestors is inherited (font,
// colour, line height, letter spacing, text transform…); then our own. The font is LinkedIn's
// own stack, so the chip reads as part of the page's type, its mark and colours as ours.
const STYLE = `
  :host { all: initial; display: block; margin: 6px 0; font: 600 12px/16px ${LINKEDIN_FONTS}; }
  :host([data-inline]) { display: inline-block; margin: 0 0 0 8px; vertical-align: middle; }
  :host([data-anchored]) { margin: 8px 0 0; }
  :host([data-floating]) { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; margin: 0; }
  .chip { display: inline-flex; align-items: center; gap: 5px; padding: 3px 10px 3px 4px; border-radius: 12px; border: 1px solid #c9d1d9; background: #f3f5f7; color: #1d2226; }
  .mark { all: unset; display: inline-flex; flex: none; width: 16px; height: 16px; cursor: pointer; border-radius: 4px; }
  .mark:focus-visible { outline: 2px solid #0a66c2; outline-offset: 1px; }
  .mark svg { width: 16px; height: 16px; display: block; }
  .tile { fill: #2b3a4a; }
  .page { fill: #ffffff; }
  .lines { stroke: #2b3a4a; }
  .coin { fill: #f5b524; stroke: #2b3a4a; }
  .free { background: #e6f3e9; border-color: #a8d5b4; color: #14532d; }
  .warn { background: #fdf1d6; border-color: #eccb7e; color: #6b4200; }
  .urgent { background: #fde7e6; border-color: #f0a9a5; color: #8a1c17; }
  .note { display: block; margin-top: 3px; font-weight: 400; color: #56687a; }
  .note.warn { background: none; color: #7a4a00; }
  :host([data-floating]) .chip { box-shadow: 0 2px 8px rgb(0 0 0 / 0.2); padding: 5px 12px 5px 6px; }
  :host([data-theme="dark"]) .chip { background: #2c343c; border-color: #48535e; color: #e8eaed; }
  :host([data-theme="dark"]) .free { background: #1f3a2a; border-color: #2f6b45; color: #b4e8c3; }
  :host([data-theme="dark"]) .warn { background: #45381c; border-color: #80652a; color: #f8d77f; }
  :host([data-theme="dark"]) .urgent { background: #4a2222; border-color: #8c3a36; color: #ffbdb8; }
  :host([data-theme="dark"]) .note { color: #b0b7bf; }
  :host([data-theme="dark"]) .note.warn { color: #f5c75d; }
  :host([data-theme="dark"]) .tile { fill: #e8eaed; }
  :host([data-theme="dark"]) .page { fill: #2c343c; }
  :host([data-theme="dark"]) .lines { stroke: #e8eaed; }
`;

export type Tone = 'cost' | 'free' | 'warn' | 'urgent';

export interface OverlayLine {
  text: string;
  tone?: Tone;
}

export type OverlayMode = 'block' | 'inline' | 'floating' | 'anchored';

/**
 * The overlay `name` inside `container` (made once, then reused): `place` puts a new host
 * where it belongs; it is taken off the page when `signal` aborts. `mode` chooses its own line,
 * inline after a button, a line of its own in a pane of LinkedIn's (anchored), or floating over
 * the page's corner (no layout shift at all).
 */
export function overlay(
  name: string,
  container: ParentNode,
  place: (host: HTMLElement) => void,
  label: string,
  signal: AbortSignal,
  mode: OverlayMode = 'block',
): HTMLElement {
  let host = container.querySelector<HTMLElement>(`[${OVERLAY_ATTRIBUTE}="${name}"]`);
  if (!host) {
    host = document.createElement('div');
    host.setAttribute(OVERLAY_ATTRIBUTE, name);
    host.setAttribute(THEME_ATTRIBUTE, pageTheme(document));
    if (mode === 'inline') host.setAttribute('data-inline', '');
    if (mode === 'floating') host.setAttribute('data-floating', '');
    if (mode === 'anchored') host.setAttribute('data-anchored', '');
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

const SVG = 'http://www.w3.org/2000/svg';

/**
 * Our mark: a ledger page with a coin (the toolbar icon's motif), labelled, with a tooltip. A
 * button: it opens the toolbar popup, or says where the details are when the browser will not.
 */
function mark(): HTMLElement {
  const span = document.createElement('button');
  span.type = 'button';
  span.className = 'mark';
  span.setAttribute('aria-label', MARK_LABEL);
  span.title = MARK_TITLE;
  span.addEventListener('click', async (event) => {
    event.preventDefault();
    event.stopPropagation();
    if (!(await requestPopup())) span.title = MARK_FALLBACK_TITLE;
  });
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const shapes: [string, Record<string, string>][] = [
    ['rect', { class: 'tile', width: '16', height: '16', rx: '4' }],
    ['rect', { class: 'page', x: '3.5', y: '3', width: '7', height: '10', rx: '1' }],
    ['path', { class: 'lines', d: 'M5 6h4M5 8h4M5 10h2.5', 'stroke-width': '1' }],
    ['circle', { class: 'coin', cx: '11.5', cy: '11', r: '2.6', 'stroke-width': '0.8' }],
  ];
  for (const [tag, attributes] of shapes) {
    const shape = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes)) shape.setAttribute(key, value);
    svg.append(shape);
  }
  span.append(svg);
  return span;
}

/**
 * Shows `lines` in an overlay (the first as a chip with our mark, the rest as notes below it);
 * unchanged text is left alone.
 */
export function showLines(host: HTMLElement, lines: OverlayLine[]): void {
  const box = host.shadowRoot?.querySelector('[role="status"]') as HTMLElement;
  const key = JSON.stringify(lines);
  if (box.dataset.shown === key) return;
  box.dataset.shown = key;
  box.replaceChildren(
    ...lines.map((line, k) => {
      const span = document.createElement('span');
      if (k === 0) {
        span.className = `chip ${line.tone ?? 'cost'}`;
        span.append(mark(), document.createTextNode(line.text));
      } else {
        span.className = line.tone ? `note ${line.tone}` : 'note';
        span.textContent = line.text;
      }
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
