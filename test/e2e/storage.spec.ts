// Storage trouble in the real browser: a write Chromium's IndexedDB refuses (quota, injected
// into the worker), a database another page blocks, a database deleted from outside. Each is
// said in the popup; nothing is half-written; what the pages detected is kept and retried.

import { type Extension, expect, exportedLedger, setUpSeat, test } from './fixtures';
import { releaseVersion1, writeVersion1 } from './v1-database';

const LEAD = 'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd';

/** Every IndexedDB write in the worker fails as a full disk makes it fail, until `false`. */
async function quotaExceeded(extension: Extension, on: boolean): Promise<void> {
  const worker = await extension.workerNow();
  await worker.evaluate((on) => {
    const g = globalThis as { quotaExceeded?: boolean };
    if (g.quotaExceeded === undefined) {
      for (const method of ['add', 'put'] as const) {
        const original = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
          if (g.quotaExceeded) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return original.apply(this, args);
        };
      }
    }
    g.quotaExceeded = on;
  }, on);
}

test('a write Chromium refuses (quota) is said in the popup, writes nothing, and the page retries it once space is back', async ({
  context,
  extension,
}) => {
  const seat = await setUpSeat(extension, 'sales-navigator-core', 120);
  const before = await exportedLedger(extension);
  await quotaExceeded(extension, true);

  const lead = await context.newPage();
  await lead.goto(LEAD);
  await lead.getByRole('button', { name: 'Send' }).click();
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('storage-problem')).toContainText(
    'the browser is out of storage space for the ledger; nothing was written',
  );
  // The send waits in the page's outbox; a command from the popup is refused with the reason.
  await expect.poll(async () => (await extension.outbox()).length).toBeGreaterThan(0);
  const logged = await extension.send({ type: 'log-send', seat, recipientName: 'Sam Lee', cost: 'paid' });
  expect(logged).toMatchObject({ ok: false, error: expect.stringContaining('out of storage space') });
  expect(await exportedLedger(extension)).toBe(before);
  await expect(popup.getByTestId('available')).toHaveText('120');

  // Space is back: the page's next retry goes through, counted once; the problem clears.
  await quotaExceeded(extension, false);
  await expect(popup.getByTestId('available')).toHaveText('119', { timeout: 90_000 });
  await expect(popup.getByTestId('storage-problem')).toHaveCount(0);
  await expect.poll(async () => await extension.outbox()).toEqual([]);
  await expect(popup.getByTestId('inmail-row')).toHaveCount(1);
});

test('a database an older page holds open is said in the popup; the upgrade goes through when it closes', async ({
  context,
  extension,
}) => {
  await setUpSeat(extension, 'sales-navigator-core', 50);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extension.id}/manifest.json`);
  // An old page with version 1's database open, deaf to requests to close it.
  await extension.stopWorker();
  await writeVersion1(page, { hold: true });
  const popup = await extension.openPopup();
  // The next command wakes a worker whose upgrade to the current version waits on that page.
  const waiting = extension.send<{ file: { seats: { id: string }[] } }>({ type: 'export-ledger' });
  await expect(popup.getByTestId('storage-problem')).toHaveText(
    /^The ledger is waiting for another InMail Ledger tab or window, open with an older version, to close/,
  );
  await releaseVersion1(page);
  expect((await waiting).file.seats.map((s) => s.id)).toEqual(['s1']);
  await expect(popup.getByTestId('storage-problem')).toHaveCount(0);
});

test('a database deleted from outside is said, not shown as a first run; importing the export restores it', async ({
  context,
  extension,
}) => {
  await setUpSeat(extension, 'sales-navigator-core', 120);
  const lead = await context.newPage();
  await lead.goto(LEAD);
  await lead.getByRole('button', { name: 'Send' }).click();
  await expect.poll(async () => (await extension.badge()).text).toBe('119');
  const { file } = await extension.send<{ file: unknown }>({ type: 'export-ledger' });
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('available')).toHaveText('119');

  // As "Clear site data" in developer tools does, from another page of the extension.
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extension.id}/manifest.json`);
  await page.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const request = indexedDB.deleteDatabase('inmail-ledger');
        request.onsuccess = () => done();
        request.onerror = () => fail(request.error);
      }),
  );
  await expect(popup.getByTestId('storage-problem')).toHaveText(
    /^The ledger's database was deleted outside InMail Ledger/,
  );
  // A new worker still says so.
  await extension.stopWorker();
  const reopened = await extension.openPopup();
  await expect(reopened.getByTestId('storage-problem')).toHaveText(/was deleted outside InMail Ledger/);

  const reply = await extension.send({ type: 'import-ledger', text: JSON.stringify(file) });
  expect(reply).toMatchObject({ ok: true });
  await expect(reopened.getByTestId('available')).toHaveText('119');
  await expect(reopened.getByTestId('storage-problem')).toHaveCount(0);
});
