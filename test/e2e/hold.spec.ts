// Promises that must hold under pressure: ten tabs racing on the same send and reply, ten tabs
// racing each on its own send and reply, a worker stopped a hundred times mid-work (each stop
// checked), and an extension that makes no network request of its own (every request of the
// browser recorded and put to its source).

import { parseLedgerFile } from '../../src/ledger/ledger-file';
import { summarize } from '../../src/ledger/summarize';
import {
  answersSeen,
  type Extension,
  expect,
  type RequestSource,
  recordRequests,
  serveAnswer,
  setUpSeat,
  test,
} from './fixtures';

const LEAD = 'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd';
const ME = 'urn:li:fs_salesProfile:(ACwAAAME0,NAME_SEARCH,me00)';
const SAM = 'urn:li:fs_salesProfile:(ACwAAA123,NAME_SEARCH,abcd)';

const setUpSalesNavigator = (extension: Extension, balance: number) =>
  setUpSeat(extension, 'sales-navigator-core', balance);

const eventsOf = async (extension: Extension) =>
  (await extension.send<{ file: { events: { type: string; id: string }[] } }>({ type: 'export-ledger' })).file
    .events;

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
  // Handled, not merely not yet seen: every tab's inbox answer was read (the lead pages' own
  // health records may be lost when a tab navigates within their 100 ms debounce), and nothing
  // waits in the outbox, which every inbox page flushes.
  await expect.poll(() => answersSeen(extension, 'sales-threads')).toBeGreaterThanOrEqual(10);
  await expect.poll(async () => await extension.outbox()).toEqual([]);
  const events = await eventsOf(extension);
  expect(events.filter((e) => e.type === 'inmail-sent')).toHaveLength(1);
  expect(events.filter((e) => e.type === 'reply-received')).toHaveLength(1);
  expect((await extension.badge()).text).toBe('120');
});

test('ten tabs each send their own InMail and read their own reply, all at once: ten sends, ten refunds', async ({
  context,
  extension,
}) => {
  test.setTimeout(90_000);
  await setUpSalesNavigator(extension, 120);
  const thread = (k: number) => `2-UmFjZQ${k}`;
  const sendId = (k: number) => `urn:li:fs_salesMessage:(${thread(k)},2-U2VuZA${k})`;
  const replyId = (k: number) => `urn:li:fs_salesMessage:(${thread(k)},2-UmVwbHk${k})`;
  const tabs = await Promise.all(Array.from({ length: 10 }, () => context.newPage()));
  await Promise.all(
    tabs.map(async (tab, k) => {
      // This tab's createMessage answer: its own message in its own thread.
      await serveAnswer(
        tab,
        '**/sales-api/salesApiMessageActions**',
        JSON.stringify({ value: { messageId: sendId(k), threadId: thread(k) } }),
      );
      // This tab's inbox: that InMail of ours (the same id) and Sam's reply to it, just now.
      const profile = (fullName: string, degree: number) => ({ fullName, degree });
      await serveAnswer(
        tab,
        '**/sales-api/salesApiMessagingThreads**',
        JSON.stringify({
          elements: [
            {
              id: thread(k),
              participants: [SAM, ME],
              participantsResolutionResults: { [SAM]: profile('Sam Lee', 3), [ME]: profile('Dana R.', 0) },
              messages: [
                { id: replyId(k), type: 'MEMBER_TO_MEMBER', author: SAM, deliveredAt: '%NOW%' },
                { id: sendId(k), type: 'INMAIL', author: ME, deliveredAt: '%NOW-1000%' },
              ],
            },
          ],
        }),
      );
      await tab.goto(LEAD);
    }),
  );
  // All at once: each tab clicks Send, waits for LinkedIn's answer and opens its inbox (ten
  // pages at once on a small machine: a slower page is not a failure).
  await Promise.all(
    tabs.map(async (tab) => {
      await tab.getByRole('button', { name: 'Send' }).click();
      await expect(tab.locator('body')).toHaveAttribute('data-test-sent', '200', { timeout: 30_000 });
      await tab.goto('https://www.linkedin.com/sales/inbox');
      await expect(tab.locator('body')).toHaveAttribute('data-test-inbox', 'loaded', { timeout: 30_000 });
    }),
  );
  await expect.poll(() => answersSeen(extension, 'sales-threads')).toBeGreaterThanOrEqual(10);
  await expect.poll(async () => await extension.outbox()).toEqual([]);
  const events = await eventsOf(extension);
  const ids = (type: string) =>
    events
      .filter((e) => e.type === type)
      .map((e) => e.id)
      .sort();
  const all = Array.from({ length: 10 }, (_, k) => k);
  expect(ids('inmail-sent')).toEqual(all.map(sendId).sort());
  expect(ids('reply-received')).toEqual(all.map(replyId).sort());
  const { snapshot } = await extension.send<{
    snapshot: {
      summary: { available: number; stats: Record<string, number> };
      inmails: { status: string }[];
    };
  }>({ type: 'get-snapshot' });
  expect(snapshot.summary.stats).toMatchObject({ paidSent: 10, replied: 10, refunded: 10 });
  expect(snapshot.inmails.map((r) => r.status)).toEqual(all.map(() => 'refunded'));
  expect(snapshot.summary.available).toBe(120);
  expect((await extension.badge()).text).toBe('120');
});

test('nothing is requested but LinkedIn’s own traffic and our own files: every request of the browser, by source', async ({
  context,
  extension,
}) => {
  const ours = `chrome-extension://${extension.id}/`;
  const recorder = await recordRequests(context, extension.id);
  const probes = () =>
    recorder.seen
      .filter((r) => r.url.startsWith('https://probe.invalid/'))
      .map((r) => [new URL(r.url).pathname.slice(1), r.source])
      .sort();

  // Positive controls: a request from each source is seen, and put to that source.
  const lead = await context.newPage();
  await lead.goto(LEAD);
  const probe = await extension.openPopup();
  await probe.evaluate(() => fetch('https://probe.invalid/extension-page').catch(() => undefined));
  await (await extension.workerNow()).evaluate(() =>
    fetch('https://probe.invalid/worker').catch(() => undefined),
  );
  await lead.evaluate(() => fetch('https://probe.invalid/page').catch(() => undefined));
  await recorder.inContentScript(
    lead,
    "fetch('https://probe.invalid/content-script').catch(() => undefined)",
  );
  await expect.poll(probes).toEqual([
    ['content-script', 'content-script'],
    ['extension-page', 'extension-page'],
    ['page', 'page'],
    ['worker', 'worker'],
  ]);
  // Playwright's own view saw the same four (its list is the net under the protocol's).
  expect(recorder.playwright.filter((r) => r.url.startsWith('https://probe.invalid/'))).toHaveLength(4);
  await probe.close();
  await lead.close();
  await recorder.quiet();
  const from = recorder.seen.length;
  const fromPlaywright = recorder.playwright.length;

  // Everything a rep does: set up, open LinkedIn, send, read the reply, popup, settings, export,
  // with the worker stopped in the middle (its next life is recorded too).
  const options = await extension.openOptions();
  await options.getByTestId('opening-balance').fill('120');
  await options.getByTestId('setup-submit').click();
  await options.getByTestId('seat-item').waitFor();
  const page = await context.newPage();
  await page.goto(LEAD);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect.poll(async () => (await extension.badge()).text).toBe('119');
  await extension.stopWorker();
  const afterStop = recorder.attached.length;
  await page.goto('https://www.linkedin.com/sales/inbox');
  await expect.poll(async () => (await extension.badge()).text).toBe('120');
  const popup = await extension.openPopup();
  await expect(popup.getByTestId('inmail-row')).toHaveAttribute('data-status', 'refunded');
  await extension.send({ type: 'export-ledger' });
  await extension.send({ type: 'test:fire-alarm' });
  // Quiet first: nothing more is on its way.
  await recorder.quiet();

  const flow = recorder.seen.slice(from);
  const linkedIn = (url: string) => url.startsWith('https://www.linkedin.com/');
  const ownFile = (url: string) => url.startsWith(ours);
  // The page asks LinkedIn (served by the routes) and, at most, for our files; our code asks for
  // nothing but our own files; and Playwright saw nothing else either.
  expect(flow.filter((r) => r.source === 'page' && !linkedIn(r.url) && !ownFile(r.url))).toEqual([]);
  expect(flow.filter((r) => r.source !== 'page' && !ownFile(r.url))).toEqual([]);
  expect(
    recorder.playwright.slice(fromPlaywright).filter((r) => !linkedIn(r.url) && !ownFile(r.url)),
  ).toEqual([]);
  // The flow was recorded (the page's LinkedIn traffic, our pages' files), from both workers.
  const count = (source: RequestSource) => flow.filter((r) => r.source === source).length;
  expect(count('page')).toBeGreaterThan(0);
  expect(count('extension-page')).toBeGreaterThan(0);
  // The recorder followed the worker into its next life (a stopped worker's target comes back).
  expect(recorder.attached.slice(afterStop)).toContain(`service_worker ${ours}background.js`);
  console.log(
    `egress: ${flow.length} requests seen in the flow (page ${count('page')}, content script ${count('content-script')}, ` +
      `worker ${count('worker')}, extension pages ${count('extension-page')}, other ${count('other')}); ` +
      `none to another host; controls seen from all four sources`,
  );
  // And the recorder still sees the worker in its second life.
  await (await extension.workerNow()).evaluate(() => fetch('https://probe.invalid/worker-2').catch(() => 0));
  await expect.poll(() => probes().filter(([p]) => p === 'worker-2')).toEqual([['worker-2', 'worker']]);
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

  // Each kill is checked (DevTools protocol): our worker was running just before, it stopped
  // (its version 'stopped', its target gone), and a new one started after it and answered.
  const kills: { wasRunning: boolean; stopped: boolean; starts: number }[] = [];
  const kill = async () => {
    // A worker the page's deliveries have not woken yet is woken by them (or, once the page is
    // done, by a command): a stop of no running worker would prove nothing.
    if ((await extension.workerState()).status !== 'running') {
      if (kills.length >= 98) await extension.send({ type: 'get-snapshot' });
      await expect
        .poll(async () => (await extension.workerState()).status, { timeout: 90_000 })
        .toBe('running');
    }
    kills.push(await extension.killWorker());
  };
  for (let start = 0; start < payloads.length; start += 4) {
    const batch = urls.slice(start, start + 4);
    await page.evaluate((batch) => Promise.all(batch.map((url) => fetch(url).then((r) => r.text()))), batch);
    // Stop the worker at a random moment: before, while or after it handles what was posted.
    await page.waitForTimeout(Math.floor(random() * 30)); // the random moment itself, not a wait for a result
    await kill();
  }
  while (kills.length < 100) await kill();
  // Whatever is still queued goes out on the content script's own retries.
  await expect.poll(async () => (await extension.outbox()).length, { timeout: 90_000 }).toBe(0);
  // The last worker's successor answers (this command wakes it if nothing else did).
  await extension.send({ type: 'get-snapshot' });
  const { starts } = await extension.workerState();
  const verified = kills.filter(
    (k, i) => k.wasRunning && k.stopped && (kills[i + 1]?.starts ?? starts) > k.starts,
  ).length;
  console.log(
    `worker kills: ${kills.length} made, ${verified} verified (running before, stopped, a new one after)`,
  );
  if (verified < 100) console.log(JSON.stringify(kills));
  expect(verified).toBe(100);

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
