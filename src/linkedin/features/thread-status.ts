// In an InMail thread (Sales Navigator inbox, LinkedIn messaging), its refund status, from the
// snapshot the worker published: "Refund window: 23 days left", "Refunded", "Window closed".
// It floats in the page's corner, so nothing of LinkedIn's layout moves. It goes with its run:
// moving to another thread (a new URL) takes it away, and that thread's run shows its own.

import type { InmailRow, Snapshot } from '../../messages/snapshot';
import { type OverlayLine, overlay, removeOverlay, showLines } from '../overlay/overlay';
import { defineFeature } from '../page/feature';
import { threadOfPage } from '../page-kinds';

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

export const threadStatus = defineFeature({
  id: 'thread-status',
  pages: ['sales-inbox', 'messaging'],
  selectors: [
    // The page's body, where the status floats: at document_start it does not exist yet.
    'body',
  ],
  run({ snapshot, now, url, signal }) {
    const threadId = threadOfPage(url);
    const line = threadId ? threadStatusLine(threadId, snapshot, now) : null;
    if (!document.body) return;
    // No InMail of ours in this thread (or not yet in the snapshot): nothing to show.
    if (!line) {
      removeOverlay(document.body, 'thread-status');
      return;
    }
    const host = overlay(
      'thread-status',
      document.body,
      (h) => document.body.append(h),
      'InMail Ledger: refund status of this thread',
      signal,
      'floating',
    );
    showLines(host, [line]);
  },
});
