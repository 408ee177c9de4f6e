// Our marks on LinkedIn's pages: each lives in a shadow root (LinkedIn's styles cannot reach
// it, ours cannot leak), its host carries `data-inmail-ledger`, and it speaks through a
// labelled status region. Text only, never HTML.

export const OVERLAY_ATTRIBUTE = 'data-inmail-ledger';

const STYLE = `
  :host { display: block; margin: 4px 0; font: 12px/1.4 -apple-system, system-ui, sans-serif; }
  :host([data-inline]) { display: inline-block; margin: 0 0 0 8px; vertical-align: middle; }
  :host([data-floating]) { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; margin: 0; }
  .chip { display: inline-block; padding: 2px 8px; border-radius: 10px; background: #eef3f8; color: #0a5299; }
  .free { background: #e6f4ea; color: #1d6b34; }
  .warn { background: #fdf0d5; color: #7a4a00; }
  .guard { display: block; margin-top: 2px; color: #7a4a00; }
  :host([data-floating]) .chip { box-shadow: 0 1px 4px rgb(0 0 0 / 0.2); padding: 4px 10px; }
  @media (prefers-color-scheme: dark) {
    .chip { background: #2f3a45; color: #9ccdfc; } .free { background: #23392a; color: #9fdcb0; }
    .warn { background: #453720; color: #f5c75d; } .guard { color: #f5c75d; }
  }
  :host-context(.theme--dark) .chip { background: #2f3a45; color: #9ccdfc; }
  :host-context(.theme--dark) .free { background: #23392a; color: #9fdcb0; }
  :host-context(.theme--dark) .warn, :host-context(.theme--dark) .guard { color: #f5c75d; }
`;

export type Tone = 'cost' | 'free' | 'warn';

export interface OverlayLine {
  text: string;
  tone?: Tone;
}

/**
 * The overlay `name` inside `container` (made once, then reused): `place` puts a new host
 * where it belongs. `mode` chooses its own line, inline after a button, or floating over the
 * page's corner (no layout shift at all).
 */
export function overlay(
  name: string,
  container: ParentNode,
  place: (host: HTMLElement) => void,
  label: string,
  mode: 'block' | 'inline' | 'floating' = 'block',
): HTMLElement {
  let host = container.querySelector<HTMLElement>(`[${OVERLAY_ATTRIBUTE}="${name}"]`);
  if (!host) {
    host = document.createElement('div');
    host.setAttribute(OVERLAY_ATTRIBUTE, name);
    if (mode === 'inline') host.setAttribute('data-inline', '');
    if (mode === 'floating') host.setAttribute('data-floating', '');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    const box = document.createElement('div');
    box.setAttribute('role', 'status');
    box.setAttribute('aria-label', label);
    shadow.append(style, box);
    place(host);
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
