// Messages the ledger must not take: another installed extension messaging ours by id, and a
// LinkedIn page trying to reach the worker. Each is refused with a clear error, counted in
// detection health, and the ledger's export is byte-identical before and after.

import { join } from 'node:path';
import type { BrowserContext, Worker } from '@playwright/test';
import { expect, exportedLedger, extensionOf, launch, setUpSeat, test } from './fixtures';

const OTHER = join(import.meta.dirname, 'other-extension');

async function otherWorker(context: BrowserContext): Promise<Worker> {
  const theirs = (w: Worker) => w.url().endsWith('/sender.js');
  return (
    context.serviceWorkers().find(theirs) ??
    (await context.waitForEvent('serviceworker', { predicate: theirs }))
  );
}

test('messages from another extension are refused, counted in health, and write nothing', async () => {
  const context = await launch({ others: [OTHER] });
  try {
    const extension = await extensionOf(context);
    const seat = await setUpSeat(extension, 'sales-navigator-core', 50);
    const before = await exportedLedger(extension);

    // Commands the popup may send, a detection as our content script sends it, and junk.
    const file = JSON.parse(before);
    file.events.push({
      id: 'foreign',
      seat,
      type: 'adjustment',
      at: file.events[0].at,
      delta: 500,
      reason: 'from elsewhere',
    });
    const messages: unknown[] = [
      { type: 'import-ledger', text: JSON.stringify(file) },
      { type: 'setup-seat', label: 'Hijack', plan: 'premium-business', timeZone: 'UTC', openingBalance: 999 },
      { type: 'log-send', seat, recipientName: 'Sam Lee', cost: 'paid' },
      {
        type: 'detected',
        detections: [
          {
            kind: 'send',
            pool: 'sales-navigator',
            surface: 'sales-navigator',
            id: 'x',
            threadId: 't',
            cost: 'paid',
          },
        ],
      },
      'junk',
      null,
    ];
    const sender = await otherWorker(context);
    const replies = await sender.evaluate(
      async ({ id, messages }) => {
        const out: unknown[] = [];
        for (const m of messages) out.push(await chrome.runtime.sendMessage(id, m));
        // A long-lived port is closed at once.
        const port = chrome.runtime.connect(id);
        out.push(await new Promise((done) => port.onDisconnect.addListener(() => done('disconnected'))));
        return out;
      },
      { id: extension.id, messages },
    );
    expect(replies.slice(0, messages.length)).toEqual(
      messages.map(() => ({
        ok: false,
        error: expect.stringMatching(
          /^InMail Ledger takes no messages from another extension \([a-p]{32}\)$/,
        ),
      })),
    );
    expect(replies.at(-1)).toBe('disconnected');

    expect(await exportedLedger(extension)).toBe(before);
    const popup = await extension.openPopup();
    await expect(popup.getByTestId('refused-messages')).toHaveText(
      `${messages.length} messages refused: not in a shape LinkedIn's pages send, or from another extension. Nothing was recorded from them.`,
    );
    await expect(popup.getByTestId('available')).toHaveText('50');
  } finally {
    await context.close();
  }
});

test('a LinkedIn page has no channel to the worker: only our content script speaks for it', async ({
  context,
  extension,
}) => {
  await setUpSeat(extension, 'sales-navigator-core', 50);
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/sales/lead/ACwAAA1,NAME_SEARCH,abc');
  // No `externally_connectable`: the page's own scripts see no chrome.runtime to message us with.
  expect(
    await page.evaluate(
      () =>
        typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime
          ?.sendMessage,
    ),
  ).toBe('undefined');
});
