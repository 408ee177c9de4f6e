// What a message will cost, before the rep clicks Send (composers) or Message (lead pages,
// search rows): "1 credit · 42 left · 8 expire Dec 3", "Free · Open Profile", "No credits
// left", and a repeat guard when this person already has an unanswered paid InMail from us.

import { PLANS } from '../../ledger/plans';
import type { InmailRow, Snapshot } from '../../messages/snapshot';
import { shortDate } from '../../ui/format';
import type { DetectedCost } from '../dom/send-cost';
import { type OverlayLine, overlay, showLines } from './overlay';

export type Pool = 'sales-navigator' | 'premium' | 'recruiter';

interface PoolView {
  available: number;
  /** The soonest expiry, known for the seat the popup shows. */
  soon?: { credits: number; at: number; zone: string };
  inmails: InmailRow[];
}

/** The seat that pays for `pool` as the snapshot knows it: the active one, else the only one. */
function poolView(snapshot: Snapshot | null, pool: Pool): PoolView | null {
  if (!snapshot) return null;
  const seats = snapshot.seats.filter((s) => PLANS[s.plan].pool === pool);
  const active = seats.find((s) => s.id === snapshot.activeSeat);
  if (active && snapshot.summary) {
    const soon = snapshot.summary.expiring.byDate[0];
    return {
      available: snapshot.summary.available,
      ...(soon ? { soon: { credits: soon.credits, at: Date.parse(soon.at), zone: active.timeZone } } : {}),
      inmails: snapshot.inmails,
    };
  }
  return seats.length === 1
    ? { available: (seats[0] as { available: number }).available, inmails: [] }
    : null;
}

/** The chip's words, from the page's cost and the published snapshot. Pure. */
export function chipText(
  cost: DetectedCost,
  recipient: string | undefined,
  snapshot: Snapshot | null,
  now: number,
  pool: Pool = 'sales-navigator',
): OverlayLine[] {
  if (cost === 'free-open-profile') return [{ text: 'Free · Open Profile', tone: 'free' }];
  if (cost === 'free-connection') return [{ text: 'Free · 1st-degree', tone: 'free' }];
  const view = poolView(snapshot, pool);
  if (!view) return [{ text: '1 credit' }];
  const lines: OverlayLine[] = [];
  if (view.available === 0) lines.push({ text: 'No credits left', tone: 'warn' });
  else {
    const parts = ['1 credit', `${view.available} left`];
    if (view.soon) parts.push(`${view.soon.credits} expire ${shortDate(view.soon.at, view.soon.zone)}`);
    lines.push({ text: parts.join(' · ') });
  }
  const earlier = recipient
    ? view.inmails.find(
        (row) => row.status === 'awaiting' && row.cost === 'paid' && row.recipient?.name === recipient,
      )
    : undefined;
  if (earlier) {
    const days = Math.max(0, Math.floor((now - Date.parse(earlier.sentAt)) / 86_400_000));
    const first = (recipient as string).split(/\s+/)[0];
    const ago = days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
    lines.push({ text: `You InMailed ${first} ${ago}, no reply yet: this one costs another credit` });
  }
  return lines;
}

/** Shows the chip just before a composer's Send button (made once, then updated), until `signal` aborts. */
export function showChipBefore(
  send: HTMLElement,
  lines: OverlayLine[],
  signal: AbortSignal,
  mode: 'block' | 'inline' = 'block',
): void {
  const parent = send.parentElement;
  if (!parent) return;
  const host = overlay(
    'cost-chip',
    parent,
    (h) => parent.insertBefore(h, send),
    'InMail Ledger: cost of this message',
    signal,
    mode,
  );
  showLines(host, lines);
}
