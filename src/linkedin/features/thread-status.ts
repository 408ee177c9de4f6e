// In an InMail thread (Sales Navigator inbox, LinkedIn messaging), its refund status, from the
// snapshot the worker published: "Refund window: 23 days left", "Refunded", "Window closed".
// It floats in the page's corner, so nothing of LinkedIn's layout moves.

import type { InmailRow, Snapshot } from '../../messages/snapshot';
import { threadOfPage } from '../page-kinds';
import { type OverlayLine, overlay, removeOverlay, showLines } from './overlay';
import type { Feature } from './page-watch';

const DAY = 86_400_000;

/** The status line of the thread's latest InMail of ours; null when we sent none there. Pure. */
export function threadStatusLine(
  threadId: string,
  snapshot: Snapshot | null,
  now: number,
): OverlayLine | null {
  const rows = snapshot?.inmails.filter((row) => row.threadId === threadId) ?? [];
  const row: InmailRow | undefined = rows[0]; // newest first
  if (!row) return null;
  switch (row.status) {
    case 'awaiting': {
      const days = Math.max(0, Math.ceil((Date.parse(row.windowClosesAt) - now) / DAY));
      return {
        text: `Refund window: ${days === 1 ? '1 day' : `${days} days`} left`,
        tone: days <= 7 ? 'warn' : 'cost',
      };
    }
    case 'refunded':
      return { text: 'Refunded', tone: 'free' };
    case 'replied-no-credit':
      return { text: 'Replied · credit had expired' };
    case 'late-reply':
      return { text: 'Window closed · late reply' };
    case 'window-closed':
      return { text: 'Window closed', tone: 'warn' };
    case 'free':
      return { text: 'Free message · no credit spent', tone: 'free' };
  }
}

let shown = false;

export const threadStatus: Feature = (snapshot, now, kind) => {
  const threadId = kind === 'sales-inbox' || kind === 'messaging' ? threadOfPage(location.href) : null;
  const line = threadId ? threadStatusLine(threadId, snapshot, now) : null;
  if (!line) {
    // Left the thread (SPA navigation) or it has no InMail of ours: take the status away.
    if (shown) removeOverlay(document.body ?? document, 'thread-status');
    shown = false;
    return;
  }
  shown = true;
  const host = overlay(
    'thread-status',
    document.body,
    (h) => document.body.append(h),
    'InMail Ledger: refund status of this thread',
    'floating',
  );
  showLines(host, [line]);
};
