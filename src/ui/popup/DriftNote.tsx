// LinkedIn's own count beside ours, explained (rule 11): a reading taken before sends or
// refunds we recorded is carried forward to now, and the button names the number it sets.

import { type ReadingNow, readingNow } from '../../ledger/glance';
import type { Summary } from '../../ledger/summarize';
import type { InmailRow } from '../../messages/snapshot';
import { count, localWhen } from '../words';

export interface Drift extends ReadingNow {
  /** Paid InMails we recorded after the reading. */
  sendsSince: number;
}

export function driftOf(summary: Summary, rows: readonly InmailRow[]): Drift | null {
  const reading = readingNow(summary);
  if (reading === null) return null;
  const since = (r: InmailRow) => r.cost === 'paid' && !r.beforeSetup && Date.parse(r.sentAt) > reading.at;
  return { ...reading, sendsSince: rows.filter(since).length };
}

/** "LinkedIn showed 118 at 1:49 AM, before your last send (we had 120): that is 117 now." */
export function driftSentence(d: Drift, now: number): string {
  const when = localWhen(d.at, now);
  if (d.weHad === d.ours) return `LinkedIn shows ${d.shown} (read ${when}); we count ${d.weHad}.`;
  const before =
    d.sendsSince === 1
      ? 'before your last send'
      : d.sendsSince > 1
        ? `before your last ${count(d.sendsSince, 'send')}`
        : 'before what we recorded since';
  return `LinkedIn showed ${d.shown} at ${when}, ${before} (we had ${d.weHad}): that is ${d.now} now.`;
}

export function DriftNote({
  summary,
  rows,
  now,
  onAdopt,
}: {
  summary: Summary;
  rows: readonly InmailRow[];
  now: number;
  onAdopt: () => void;
}) {
  const drift = driftOf(summary, rows);
  if (drift === null) return null;
  const off = drift.now - drift.ours;
  return (
    <section class="drift" role="status" aria-label="LinkedIn's count">
      <p>
        <span class="off">
          Our count is off by <strong data-testid="drift">{off > 0 ? `+${off}` : off}</strong>.
        </span>{' '}
        <span data-testid="drift-sentence">{driftSentence(drift, now)}</span>
      </p>
      <button type="button" onClick={onAdopt} data-testid="adopt-observed">
        Set to {drift.now}
      </button>
    </section>
  );
}
