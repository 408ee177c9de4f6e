// Recent InMails with where each stands, an undo for a wrong entry and "mark replied"
// for a response detection missed.

import type { SendStatus } from '../../ledger/send-status';
import type { InmailRow } from '../../messages/snapshot';
import { daysFromNow, inDays, shortDate } from '../format';

const LABELS: Record<SendStatus, string> = {
  awaiting: 'Awaiting reply',
  refunded: 'Refunded',
  'replied-no-credit': 'Replied · no credit back',
  'late-reply': 'Late reply',
  'window-closed': 'Window closed',
  free: 'Free',
};

interface Props {
  rows: InmailRow[];
  now: number;
  timeZone: string;
  onUndo: (row: InmailRow) => void;
  onReplied: (row: InmailRow) => void;
  /** The rep says a send counted paid (its cost unknown) was free. */
  onFree: (row: InmailRow) => void;
}

export function InmailList({ rows, now, timeZone, onUndo, onReplied, onFree }: Props) {
  if (rows.length === 0) {
    return <p class="muted">No InMails recorded yet.</p>;
  }
  return (
    <ul class="inmails" aria-label="Recent InMails">
      {rows.map((row) => {
        const closes = Date.parse(row.windowClosesAt);
        const chip =
          row.status === 'awaiting'
            ? `${LABELS.awaiting} · ${Math.max(0, daysFromNow(now, closes, timeZone))} d left`
            : LABELS[row.status];
        const who = row.recipient?.name || 'Unnamed recipient';
        return (
          <li
            key={row.id}
            class="inmail"
            data-testid="inmail-row"
            data-status={row.status}
            data-id={row.id}
            data-cost-unknown={row.costUnknown ? '' : undefined}
            data-before-setup={row.beforeSetup ? '' : undefined}
            data-refund-deadline={row.refundDeadline ?? ''}
          >
            <div class="who">
              <span class="name">{who}</span>
              <span class="when">
                {shortDate(Date.parse(row.sentAt), timeZone)}
                {row.beforeSetup && ' · before setup, found on LinkedIn'}
              </span>
            </div>
            <span
              class={`chip chip-${row.status}`}
              title={
                row.status === 'awaiting'
                  ? `Refund window closes ${inDays(daysFromNow(now, closes, timeZone))}`
                  : undefined
              }
            >
              {chip}
            </span>
            {row.costUnknown && row.cost === 'paid' && (
              <p class="cost-unknown">
                Counted as paid: LinkedIn did not show what it cost.{' '}
                <button
                  type="button"
                  class="link"
                  data-testid="it-was-free"
                  onClick={() => onFree(row)}
                  aria-label={`The InMail to ${who} was free`}
                >
                  It was free
                </button>
              </p>
            )}
            <div class="row-actions">
              {row.status === 'awaiting' && (
                <button
                  type="button"
                  class="link"
                  onClick={() => onReplied(row)}
                  aria-label={`Mark ${who} as replied`}
                >
                  Replied
                </button>
              )}
              <button
                type="button"
                class="link"
                onClick={() => onUndo(row)}
                aria-label={`Undo the InMail to ${who}`}
              >
                Undo
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
