// What a message will cost, before the rep clicks Send (composers) or Message (lead pages,
// search rows). Where LinkedIn's own count is on screen ("Use 1 of 118 InMail credits") the
// chip says the cost only and defers to it ("Costs 1 credit"), with a short hint when our count
// differs; where LinkedIn shows none it gives our balance ("Costs 1 credit · 42 left · 8 expire
// Dec 3"). Never two different balances side by side unexplained. Free sends say why ("Free ·
// Open Profile"); a repeat guard warns when this person already has an unanswered paid InMail.

import { PLANS, type Pool } from '../../ledger/plans';
import type { InmailRow, Snapshot } from '../../messages/snapshot';
import { agree, count, localWhen } from '../../ui/words';
import type { DetectedCost } from '../dom/send-cost';
import { type OverlayLine, type OverlayMode, overlay, showLines } from './overlay';

/** The cost of one paid InMail, in words. */
export const COSTS_ONE = `Costs ${count(1, 'credit')}`;
/** Said under the cost when LinkedIn's count on screen is not ours (the popup says by how much). */
export const COUNT_DIFFERS = 'Our count differs: see InMail Ledger';

interface PoolView {
  available: number;
  /** The soonest expiry, known for the seat the popup shows. */
  soon?: { credits: number; at: number };
  /** LinkedIn's latest count as the ledger recorded it, and how far ours was from it then. */
  observed?: { balance: number; drift: number };
  inmails: InmailRow[];
}

/** The seat that pays for `pool` as the snapshot knows it: the active one, else the only one. */
function poolView(snapshot: Snapshot | null, pool: Pool): PoolView | null {
  if (!snapshot) return null;
  const seats = snapshot.seats.filter((s) => PLANS[s.plan].pool === pool);
  const active = seats.find((s) => s.id === snapshot.activeSeat);
  if (active && snapshot.summary) {
    const soon = snapshot.summary.expiring.byDate[0];
    const observed = snapshot.summary.observed;
    return {
      available: snapshot.summary.available,
      ...(soon ? { soon: { credits: soon.credits, at: Date.parse(soon.at) } } : {}),
      ...(observed ? { observed: { balance: observed.balance, drift: observed.drift } } : {}),
      inmails: snapshot.inmails,
    };
  }
  return seats.length === 1
    ? { available: (seats[0] as { available: number }).available, inmails: [] }
    : null;
}

/**
 * Whether LinkedIn's count on screen disagrees with ours. When the ledger already recorded that
 * very count, what it found then decides (our own sends since then make no disagreement: a
 * composer's line may stay as it was after a send); else the two numbers now.
 */
function countDiffers(view: PoolView, linkedIn: number): boolean {
  if (view.observed?.balance === linkedIn) return view.observed.drift !== 0;
  return view.available !== linkedIn;
}

/** What messaging a person costs, the cost alone (search rows, lead headers). Pure. */
export function costText(cost: DetectedCost): OverlayLine {
  if (cost === 'free-open-profile') return { text: 'Free · Open Profile', tone: 'free' };
  if (cost === 'free-connection') return { text: 'Free · 1st-degree', tone: 'free' };
  return { text: COSTS_ONE };
}

/**
 * The chip's words, from the page's cost, LinkedIn's count in this composer (null: it shows
 * none) and the published snapshot. Pure.
 */
export function chipText(
  cost: DetectedCost,
  recipient: string | undefined,
  snapshot: Snapshot | null,
  now: number,
  pool: Pool = 'sales-navigator',
  linkedInCount: number | null = null,
): OverlayLine[] {
  if (cost !== 'paid') return [costText(cost)];
  const view = poolView(snapshot, pool);
  const lines: OverlayLine[] = [];
  if (linkedInCount !== null) {
    // LinkedIn's count is right there: ours defers to it, and says so only when it differs.
    lines.push(linkedInCount === 0 ? { text: COSTS_ONE, tone: 'warn' } : costText(cost));
    if (view && countDiffers(view, linkedInCount)) lines.push({ text: COUNT_DIFFERS });
  } else if (!view) lines.push(costText(cost));
  else if (view.available === 0) lines.push({ text: `${COSTS_ONE} · none left`, tone: 'warn' });
  else {
    const parts = [COSTS_ONE, `${view.available} left`];
    if (view.soon)
      parts.push(
        `${view.soon.credits} ${agree(view.soon.credits, 'expires', 'expire')} ${localWhen(view.soon.at, now)}`,
      );
    lines.push({ text: parts.join(' · ') });
  }
  const earlier =
    recipient && view
      ? view.inmails.find(
          (row) => row.status === 'awaiting' && row.cost === 'paid' && row.recipient?.name === recipient,
        )
      : undefined;
  if (earlier) {
    const days = Math.max(0, Math.floor((now - Date.parse(earlier.sentAt)) / 86_400_000));
    const first = (recipient as string).split(/\s+/)[0];
    const ago = days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
    lines.push({
      text: `You InMailed ${first} ${ago}, no reply yet: this one costs another credit`,
      tone: 'warn',
    });
  }
  return lines;
}

/** Shows the chip just before a composer's Send button (made once, then updated), until `signal` aborts. */
export function showChipBefore(
  send: HTMLElement,
  lines: OverlayLine[],
  signal: AbortSignal,
  mode: OverlayMode = 'block',
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
