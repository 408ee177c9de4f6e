// InMails as CSV rows for a spreadsheet: one row per send, with its fate.

import type { Seat } from '../ledger/events';
import { formatInstant } from '../ledger/instant';
import type { LedgerState } from '../ledger/replay';
import { sendStatus } from '../ledger/send-status';

export const CSV_HEADER = [
  'seat',
  'sent_at',
  'recipient',
  'profile_url',
  'cost',
  'status',
  'responded_at',
  'refund_window_closes_at',
  'thread_id',
  'event_id',
];

/** RFC 4180 quoting; a leading =+-@ is neutralised so a spreadsheet never runs it. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function inmailsCsv(seat: Seat, state: LedgerState): string[][] {
  return state.sends.map((s) =>
    [
      seat.label,
      formatInstant(s.at),
      s.recipient?.name ?? '',
      s.recipient?.profileUrl ?? '',
      s.cost,
      sendStatus(s, state.at),
      s.answer ? formatInstant(s.answer.at) : '',
      formatInstant(s.windowClosesAt),
      s.threadId,
      s.id,
    ].map(csvCell),
  );
}
