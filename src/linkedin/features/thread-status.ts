// In an InMail thread (Sales Navigator inbox, LinkedIn messaging), where its InMail stands, in
// the popup's words (src/ui/words.ts `refundWords`): "Credit back if they reply by Nov 30,
// 3:00 PM · tomorrow" (the deadline that binds: the earlier of the window's close and the
// credit's expiry), "Awaiting reply · no credit back possible", "Refunded"… amber or red by how
// close the deadline is. It sits in the thread's own pane, under its header, so it never covers
// LinkedIn's messaging dock in the page's corner; when no pane is found it floats in the corner
// as before and anchor health says the pane is missing. It goes with its run: moving to another
// thread (a new URL) takes it away, and that thread's run shows its own.

import type { Snapshot } from '../../messages/snapshot';
import { refundWords } from '../../ui/words';
import { reportAnchor } from '../anchor-health';
import { type OverlayLine, overlay, removeOverlay, showLines } from '../overlay/overlay';
import { defineFeature } from '../page/feature';
import { threadOfPage } from '../page-kinds';

const NAME = 'thread-status';
const LABEL = 'InMail Ledger: refund status of this thread';

/**
 * The open thread's pane on each surface, by a stable hook: Sales Navigator's named view
 * (`data-sn-view-name="thread"`), LinkedIn messaging's thread (`.msg-thread`, its BEM class,
 * stable like `.msg-form__…`). Seen 2026-11.
 */
export const THREAD_PANES = ['[data-sn-view-name="thread"]', '.msg-thread'] as const;
/** Inside the pane, what the status goes after: its header (name, headline), else its title. */
const PANE_HEADERS = [
  ':scope > header',
  '.msg-title-bar',
  '.msg-entity-lockup',
  ':scope > h2',
  ':scope > h1',
] as const;
/** The pane renders with the thread: it is looked for this long before the corner is used. */
const MISSING_AFTER_MS = 1500;

/** The status line of the thread's latest InMail of ours; null when we sent none there. Pure. */
export function threadStatusLine(
  threadId: string,
  snapshot: Snapshot | null,
  now: number,
  timeZone?: string,
): OverlayLine | null {
  const row = snapshot?.inmails.find((r) => r.threadId === threadId); // newest first
  if (!row) return null;
  const words = refundWords(row, now, timeZone);
  const tone = words.good
    ? 'free'
    : words.urgency === 'urgent'
      ? 'urgent'
      : words.urgency === 'soon'
        ? 'warn'
        : 'cost';
  return { text: words.text, tone };
}

/** The open thread's pane and the element the status goes after, or null when none is on the page. */
export function threadAnchor(doc: Document): { pane: Element; after: Element | null } | null {
  for (const selector of THREAD_PANES) {
    const pane = doc.querySelector(selector);
    if (!pane) continue;
    for (const header of PANE_HEADERS) {
      const after = pane.querySelector(header);
      if (after) return { pane, after };
    }
    return { pane, after: null };
  }
  return null;
}

export const threadStatus = defineFeature({
  id: 'thread-status',
  pages: ['sales-inbox', 'messaging'],
  selectors: [
    // The open thread's pane, where the status goes (after its header).
    ...THREAD_PANES,
    // The page's body, where the status floats when no pane is found.
    'body',
  ],
  run({ snapshot, now, url, since, signal, lookIn }) {
    const threadId = threadOfPage(url);
    const line = threadId ? threadStatusLine(threadId, snapshot, now) : null;
    if (!document.body) return;
    // No InMail of ours in this thread (or not yet in the snapshot): nothing to show.
    if (!line) {
      removeOverlay(document, NAME);
      return;
    }
    const anchor = threadAnchor(document);
    if (anchor) {
      void reportAnchor('thread-pane', 'InMail thread: conversation pane', true, now);
      const { pane, after } = anchor;
      // One status: a floating one from before the pane rendered goes.
      for (const host of document.querySelectorAll(`[data-inmail-ledger="${NAME}"]`))
        if (!pane.contains(host)) host.remove();
      const host = overlay(
        NAME,
        pane,
        (h) => (after ? after.after(h) : pane.prepend(h)),
        LABEL,
        signal,
        'anchored',
      );
      showLines(host, [line]);
      return;
    }
    // The pane may render after the body: looked for a little while before the corner is used.
    if (now - since < MISSING_AFTER_MS || document.readyState === 'loading') {
      lookIn(Math.max(100, MISSING_AFTER_MS - (now - since)));
      return;
    }
    void reportAnchor('thread-pane', 'InMail thread: conversation pane', false, now);
    const host = overlay(NAME, document.body, (h) => document.body.append(h), LABEL, signal, 'floating');
    showLines(host, [line]);
  },
});
