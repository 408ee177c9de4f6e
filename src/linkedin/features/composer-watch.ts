// Watches Sales Navigator's composer: reads LinkedIn's own count from its credit line (an
// observation, once per value per page view), shows the cost chip before Send, and reports
// which anchors it found. Observes only while the page kind has a composer; stops with ctx.

import { browser } from 'wxt/browser';
import { SNAPSHOT_KEY, type Snapshot } from '../../messages/snapshot';
import { reportAnchor } from '../anchor-health';
import { composerCredits, composerRecipient, composerSendButton, findComposer } from '../dom/composer';
import { sendCostFromPage } from '../dom/send-cost';
import { deliver } from '../outbox';
import { chipText, renderChip } from './cost-chip';

interface Context {
  onInvalidated(cb: () => void): void;
  setTimeout(handler: () => void, timeout?: number): number;
}

export function watchComposer(ctx: Context, randomId: () => string): void {
  let snapshot: Snapshot | null = null;
  let lastCredits: number | null = null;
  let timer: number | null = null;

  const update = () => {
    timer = null;
    const composer = findComposer(document);
    if (!composer) return;
    const now = Date.now();
    const credits = composerCredits(composer);
    const cost = sendCostFromPage(document);
    // A free-message composer shows no count; a paid one must.
    if (cost === 'paid')
      void reportAnchor(
        'sn-composer-credit-line',
        'Sales Navigator composer: credit line',
        credits !== null,
        now,
      );
    if (credits !== null && credits !== lastCredits) {
      lastCredits = credits;
      void deliver([
        {
          kind: 'balance',
          pool: 'sales-navigator',
          id: `obs:${randomId()}`,
          balance: credits,
          where: 'compose',
        },
      ]);
    }
    const send = composerSendButton(composer);
    void reportAnchor('sn-composer-send', 'Sales Navigator composer: Send button', send !== null, now);
    if (send) renderChip(send, chipText(cost, composerRecipient(composer), snapshot, now));
  };
  const schedule = () => {
    if (timer === null) timer = ctx.setTimeout(update, 150);
  };

  // Only mutations that add or touch a dialog matter; a busy feed costs a cheap check each.
  const observer = new MutationObserver((records) => {
    if (timer !== null) return;
    for (const record of records) {
      if (touchesDialog(record)) {
        schedule();
        return;
      }
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[SNAPSHOT_KEY]) {
      snapshot = (changes[SNAPSHOT_KEY].newValue as Snapshot | undefined) ?? null;
      schedule();
    }
  };
  browser.storage.onChanged.addListener(onChanged);
  void browser.storage.local.get(SNAPSHOT_KEY).then((stored) => {
    snapshot = (stored[SNAPSHOT_KEY] as Snapshot | undefined) ?? null;
    schedule();
  });
  ctx.onInvalidated(() => {
    observer.disconnect();
    browser.storage.onChanged.removeListener(onChanged);
  });
}

function touchesDialog(record: MutationRecord): boolean {
  if (record.target instanceof Element && record.target.closest('[role="dialog"]')) return true;
  for (const node of record.addedNodes) {
    if (node instanceof Element && (node.matches('[role="dialog"]') || node.querySelector('[role="dialog"]')))
      return true;
  }
  return false;
}
