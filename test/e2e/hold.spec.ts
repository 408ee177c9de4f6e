// Promises that must hold under pressure: ten tabs racing on the same send and reply, and an
// extension that makes no network request of its own.

import type { Request } from '@playwright/test';
import { parseLedgerFile } from '../../src/ledger/ledger-file';
import { summarize } from '../../src/ledger/summarize';
import { type Extension, expect, setUpSeat, test } from './fixtures';

const LEAD = 'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd';

const setUpSalesNavigator = (extension: Extension, balance: number) =>
  setUpSeat(extension, 'sales-navigator-core', balance);

const eventsOf = async (extension: Extension) =>
  (await extension.send<{ file: { events: { type: string }[] } }>({ type: 'export-ledger' })).file.events;

test('ten tabs show the same send and the same reply at once: one InMail, one refund', async ({
  context,
  extension,
}) => {
  await setUpSalesNavigator(extension, 120);
  const tabs = await Promise.all(Array.from({ length: 10 }, () => context.newPage()));
  await Promise.all(tabs.map((tab) => tab.goto(LEAD)));
  await Promise.all(tabs.map((tab) => tab.getByRole('button', { name: 'Send' }).click()));
  await Promise.all(tabs.map((tab) => expect(tab.locator('body')).toHaveAttribute('data-test-sent', '200')));
  await Promise.all(tabs.map((tab) => tab.goto('https://www.linkedin.com/sales/inbox')));
  await Promise.all(
    tabs.map((tab) => expect(tab.locator('body')).toHaveAttribute('data-test-inbox', 'loaded')),
  );
  await expect.poll(async () => await extension.outbox()).toEqual([]);
  const events = await eventsOf(extension);
  expect(events.filter((e) => e.type === 'inmail-sent')).toHaveLength(1);
  expect(events.filter((e) => e.type === 'reply-received')).toHaveLength(1);
  expect((await extension.badge()).text).toBe('120');
});

test('the extension’s own pages and worker make no request to any host', async ({ context, extension }) => {
  const own: string[] = [];
  const fromExtension = (request: Request) => {
    const origin = request.serviceWorker()?.url() ?? request.frame()?.url() ?? '';
    return origin.startsWith(`chrome-extension://${extension.id}/`);
  };
  context.on('request', (request) => {
    if (fromExtension(request) && !request.url().startsWith('chrome-extension://')) own.push(request.url());
  });
  // The recorder sees a request from an extension page when there is one.
  const probe = await extension.openPopup();
  await probe.evaluate(() => fetch('https://probe.invalid/').catch(() => undefined));
  await expect.poll(() => own).toEqual(['https://probe.invalid/']);
  own.length = 0;
  await probe.close();

  // Everything a rep does: set up, open LinkedIn, send, read the reply, popup, settings, export.
  const options = await extension.openOptions();
  await options.getByTestId('opening-balance').fill('120');
  await options.getByTestId('setup-submit').click();
  await options.getByTestId('seat-item').waitFor();
  const lead = await context.newPage();
  await lead.goto(LEAD);
  await lead.getByRole('button', { name: 'Send' }).click();
  await expect.poll(async () => (await extension.badge()).text).toBe('119');
  await lead.goto('https://www.linkedin.com/sales/inbox');
  await expect.poll(async () => (await extension.badge()).text).toBe('120');
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('inmail-row')).toHaveAttribute('data-status', 'refunded');
  await extension.send({ type: 'export-ledger' });
  await extension.send({ type: 'test:fire-alarm' });
  expect(own).toEqual([]);
});

test('1,000 detections while the worker is stopped 100 times: nothing lost, nothing counted twice', async ({
  context,
  extension,
}) => {
  test.setTimeout(240_000);
  // The seat began a minute ago; LinkedIn's times below are after that.
  const since = Date.now() - 60_000;
  await extension.send({ type: 'test:set-clock', at: since });
  await setUpSalesNavigator(extension, 150);
  await extension.send({ type: 'test:set-clock', at: Date.now() });
  const page = await context.newPage();
  await page.goto(LEAD);

  // 500 threads of ours, 5 to a payload: each an InMail, every other one answered (750 events);
  // 250 readings of LinkedIn's count; and 40 payloads repeated (duplicates).
  const me = 'urn:li:fs_salesProfile:(ACwAAAME0,NAME_SEARCH,me00)';
  const payloads: { kind: string; response: string }[] = [];
  for (let p = 0; p < 100; p++) {
    const elements = [];
    const resolved: Record<string, unknown> = { [me]: { degree: 0, fullName: 'Dana' } };
    for (let t = p * 5; t < p * 5 + 5; t++) {
      const them = `urn:li:fs_salesProfile:(ACwAAT${t},NAME_SEARCH,x)`;
      resolved[them] = { degree: 3, fullName: `Lead ${t}` };
      const sent = since + 1_000 + t * 10;
      const messages = [
        { id: `urn:li:fs_salesMessage:(2-T${t},2-S${t})`, type: 'INMAIL', author: me, deliveredAt: sent },
      ];
      if (t % 2 === 0)
        messages.unshift({
          id: `urn:li:fs_salesMessage:(2-T${t},2-R${t})`,
          type: 'MEMBER_TO_MEMBER',
          author: them,
          deliveredAt: sent + 5,
        });
      // Rest.li puts the resolution map inside each thread, beside its participants.
      elements.push({
        id: `2-T${t}`,
        participants: [them, me],
        participantsResolutionResults: { [me]: resolved[me], [them]: resolved[them] },
        messages,
      });
    }
    payloads.push({ kind: 'sales-threads', response: JSON.stringify({ elements }) });
  }
  for (let k = 0; k < 250; k++)
    payloads.push({
      kind: 'sales-credits',
      response: JSON.stringify({ elements: [{ type: 'LSS_INMAIL', value: 150 - (k % 7) }] }),
    });
  for (let k = 0; k < 40; k++) payloads.push(payloads[(k * 37) % 100] as { kind: string; response: string });
  // A fixed shuffle, so a failure can be replayed.
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  payloads.sort(() => random() - 0.5);

  // The page asks for each payload as Sales Navigator would; the route answers with it.
  await page.route('https://www.linkedin.com/sales-api/**', (route) => {
    const hold = new URL(route.request().url()).searchParams.get('hold');
    if (hold === null) return route.fallback();
    const body = (payloads[Number(hold)] as { response: string }).response;
    return route.fulfill({ status: 200, contentType: 'application/json', body });
  });
  const urls = payloads.map(({ kind }, i) =>
    kind === 'sales-threads'
      ? `/sales-api/salesApiMessagingThreads?q=filter&count=5&hold=${i}`
      : `/sales-api/salesApiCredits?q=findCreditGrant&creditGrantType=LSS_INMAIL&hold=${i}`,
  );

  let stops = 0;
  for (let start = 0; start < payloads.length; start += 4) {
    const batch = urls.slice(start, start + 4);
    await page.evaluate((batch) => Promise.all(batch.map((url) => fetch(url).then((r) => r.text()))), batch);
    // Stop the worker at a random moment: before, while or after it handles what was posted.
    if (stops < 100) {
      await page.waitForTimeout(Math.floor(random() * 30)); // the random moment itself, not a wait for a result
      await extension.killWorker();
      stops++;
    }
  }
  expect(stops).toBe(98);
  while (stops < 100) {
    await extension.killWorker();
    stops++;
  }
  // Whatever is still queued goes out on the content script's own retries.
  await expect.poll(async () => (await extension.outbox()).length, { timeout: 90_000 }).toBe(0);

  const events = await eventsOf(extension);
  const ids = (type: string) =>
    events.filter((e) => e.type === type).map((e) => (e as unknown as { id: string }).id);
  const sends = ids('inmail-sent');
  const replies = ids('reply-received');
  expect(new Set(sends).size).toBe(sends.length);
  expect(sends.sort()).toEqual(
    Array.from({ length: 500 }, (_, t) => `urn:li:fs_salesMessage:(2-T${t},2-S${t})`).sort(),
  );
  expect(replies.sort()).toEqual(
    Array.from({ length: 250 }, (_, k) => `urn:li:fs_salesMessage:(2-T${2 * k},2-R${2 * k})`).sort(),
  );
  // Each reading is an observation of its own (the page's own 118 when it loaded aside).
  const ours = events.filter(
    (e) => e.type === 'observed-balance' && (e as { balance?: number }).balance !== 118,
  );
  expect(ours).toHaveLength(250);
  // The worker's published figures are `ledger summary`'s for the same events.
  const { snapshot } = await extension.send<{
    snapshot: { computedAt: string; summary: { available: number; stats: Record<string, number> } };
  }>({ type: 'get-snapshot' });
  const exported = await extension.send<{ file: unknown }>({ type: 'export-ledger' });
  const file = parseLedgerFile(JSON.stringify(exported.file));
  const seat = file.seats[0] as (typeof file.seats)[number];
  const cli = summarize(seat, file.events, snapshot.computedAt);
  expect(snapshot.summary.stats).toMatchObject({ paidSent: 500, replied: 250 });
  expect(snapshot.summary.available).toBe(cli.available);
  expect(snapshot.summary.stats).toEqual(cli.stats);
});
