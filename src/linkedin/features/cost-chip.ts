// In the composer, before the rep clicks Send: what this message will cost, what is left,
// and a repeat guard when this person already has an unanswered paid InMail from us.

import type { Snapshot } from '../../messages/snapshot';
import { shortDate } from '../../ui/format';
import type { DetectedCost } from '../dom/send-cost';

export const OVERLAY_ATTRIBUTE = 'data-inmail-ledger';

/** The chip's words, from the page's cost and the published snapshot. Pure. */
export function chipText(
  cost: DetectedCost,
  recipient: string | undefined,
  snapshot: Snapshot | null,
  now: number,
): string[] {
  if (cost === 'free-open-profile') return ['Free · Open Profile'];
  if (cost === 'free-connection') return ['Free · 1st-degree'];
  const summary = snapshot?.summary;
  if (!summary) return ['1 credit'];
  const seat = snapshot.seats.find((s) => s.id === snapshot.activeSeat);
  const zone = seat?.timeZone ?? 'UTC';
  const lines: string[] = [];
  if (summary.available === 0) lines.push('No credits left');
  else {
    const parts = ['1 credit', `${summary.available} left`];
    const soon = summary.expiring.byDate[0];
    if (soon) parts.push(`${soon.credits} expire ${shortDate(Date.parse(soon.at), zone)}`);
    lines.push(parts.join(' · '));
  }
  const earlier = recipient
    ? snapshot.inmails.find(
        (row) => row.status === 'awaiting' && row.cost === 'paid' && row.recipient?.name === recipient,
      )
    : undefined;
  if (earlier) {
    const days = Math.max(0, Math.floor((now - Date.parse(earlier.sentAt)) / 86_400_000));
    const first = (recipient as string).split(/\s+/)[0];
    const ago = days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
    lines.push(`You InMailed ${first} ${ago}, no reply yet: this one costs another credit`);
  }
  return lines;
}

/** Mounts (or updates) the chip in a shadow root just before the Send button. No layout shift: it takes its own line. */
export function renderChip(anchor: HTMLElement, lines: string[]): HTMLElement {
  const parent = anchor.parentElement as HTMLElement;
  let host = parent.querySelector<HTMLElement>(`:scope > [${OVERLAY_ATTRIBUTE}="cost-chip"]`);
  if (!host) {
    host = document.createElement('div');
    host.setAttribute(OVERLAY_ATTRIBUTE, 'cost-chip');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = `
      :host { display: block; margin: 4px 0; font: 12px/1.4 -apple-system, system-ui, sans-serif; }
      .chip { display: inline-block; padding: 2px 8px; border-radius: 10px; background: #eef3f8; color: #0a66c2; }
      .guard { display: block; margin-top: 2px; color: #915907; }
      @media (prefers-color-scheme: dark) { .chip { background: #2f3a45; color: #71b7fb; } .guard { color: #f5c75d; } }
    `;
    const box = document.createElement('div');
    box.setAttribute('role', 'status');
    box.setAttribute('aria-label', 'InMail Ledger: cost of this message');
    shadow.append(style, box);
    parent.insertBefore(host, anchor);
  }
  const box = host.shadowRoot?.querySelector('[role="status"]') as HTMLElement;
  box.replaceChildren(
    ...lines.map((line, k) => {
      const span = document.createElement('span');
      span.className = k === 0 ? 'chip' : 'guard';
      span.textContent = line;
      return span;
    }),
  );
  return host;
}
