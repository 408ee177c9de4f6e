// The InMails recorded, those whose credit must come back soonest first, each with where it
// stands in the same words as the thread overlay ("Credit back if they reply by …"), a
// "Replied" toggle for what detection missed, and a confirmed removal that can be undone.

import { useState } from 'preact/hooks';
import type { InmailRow } from '../../messages/snapshot';
import { localWhen, refundWords, SOON_DAYS } from '../words';

const ANSWERED = new Set(['refunded', 'replied-no-credit', 'late-reply']);

/** Rows whose refund deadline falls within 7 days first (soonest first), then newest first. */
export function listOrder(rows: readonly InmailRow[], now: number): InmailRow[] {
  const horizon = now + SOON_DAYS * 86_400_000;
  const due = (r: InmailRow) =>
    r.refundDeadline !== undefined && Date.parse(r.refundDeadline) <= horizon
      ? Date.parse(r.refundDeadline)
      : null;
  const soon = rows.filter((r) => due(r) !== null).sort((a, b) => (due(a) ?? 0) - (due(b) ?? 0));
  return [...soon, ...rows.filter((r) => due(r) === null)];
}

interface Props {
  rows: InmailRow[];
  now: number;
  onReplied: (row: InmailRow, replied: boolean) => void;
  /** Removes the entry; resolves with the removal's id (for Undo), or null when it failed. */
  onRemove: (row: InmailRow) => Promise<string | null>;
  onRestore: (removal: string) => void;
  /** The rep says a send counted paid (its cost unknown) was free. */
  onFree: (row: InmailRow) => void;
}

export function InmailList({ rows, now, onReplied, onRemove, onRestore, onFree }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [removed, setRemoved] = useState<{ removal: string; who: string } | null>(null);
  const ordered = listOrder(rows, now);
  return (
    <>
      {removed && (
        <p class="toast" role="status" data-testid="removed-toast">
          Entry removed ({removed.who}) ·{' '}
          <button
            type="button"
            class="link"
            data-testid="undo-remove"
            onClick={() => {
              onRestore(removed.removal);
              setRemoved(null);
            }}
          >
            Undo
          </button>
        </p>
      )}
      {ordered.length === 0 ? (
        <p class="muted">No InMails recorded yet.</p>
      ) : (
        <ul class="inmails" aria-label="Recent InMails">
          {ordered.map((row) => {
            const who = row.recipient?.name || 'Unnamed recipient';
            const words = refundWords(row, now);
            const answered = ANSWERED.has(row.status);
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
                  <span class="name" title={who}>
                    {who}
                  </span>
                  <span class="when">
                    {localWhen(Date.parse(row.sentAt), now)}
                    {row.beforeSetup && ' · before setup, found on LinkedIn'}
                  </span>
                </div>
                <span class={`chip chip-${row.status} urgency-${words.urgency}`} data-testid="refund-words">
                  {words.text}
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
                {confirming === row.id ? (
                  <div class="row-actions confirm">
                    <span>Remove this InMail from the ledger?</span>
                    <button
                      type="button"
                      class="danger"
                      data-testid="confirm-remove"
                      onClick={async () => {
                        setConfirming(null);
                        const removal = await onRemove(row);
                        if (removal) setRemoved({ removal, who });
                      }}
                    >
                      Remove
                    </button>
                    <button type="button" class="link" onClick={() => setConfirming(null)}>
                      Keep
                    </button>
                  </div>
                ) : (
                  <div class="row-actions">
                    {row.status !== 'free' && (
                      <button
                        type="button"
                        class="link toggle"
                        aria-pressed={answered}
                        data-testid="replied-toggle"
                        onClick={() => onReplied(row, !answered)}
                        aria-label={`${who} replied`}
                      >
                        {answered ? '✓ Replied' : 'Replied'}
                      </button>
                    )}
                    <button
                      type="button"
                      class="link"
                      data-testid="remove"
                      onClick={() => setConfirming(row.id)}
                      aria-label={`Remove the InMail to ${who}`}
                    >
                      Remove…
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
