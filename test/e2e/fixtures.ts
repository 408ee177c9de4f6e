// The real-browser harness: the built extension (test build, `wxt build --mode e2e`) loaded
// into Chromium, LinkedIn pages served from test/fixtures/linkedin at their real URLs.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type BrowserContext,
  test as base,
  type CDPSession,
  chromium,
  expect,
  type Page,
  type Worker,
} from '@playwright/test';
import { type EndpointKind, endpointOf } from '../../src/linkedin/endpoints';
import { withLook } from '../fixtures/linkedin/pages/look';

const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = process.env.EXTENSION_DIR ?? join(ROOT, '.output/chrome-mv3-e2e');
const FIXTURES = join(ROOT, 'test/fixtures/linkedin');

/** Debian's Chromium here; Playwright's own elsewhere; CHROMIUM_PATH overrides. */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Variants of the lead page, made from the one fixture by small edits of what matters. */
const CREDIT_LINE = '<p class="_creditLine_8d3f t-12">Use 1 of 118 InMail credits</p>';
const LEAD_VARIANTS: [RegExp, (html: string) => string][] = [
  // After a redesign that dropped the composer's credit line.
  [
    /REDESIGNED/,
    (html) => html.replace(CREDIT_LINE, '<p class="_creditLine_v2_9z1 t-12">Nachrichten an Sam Lee</p>'),
  ],
  // A lead who is a 1st-degree connection: free, no credit line.
  [
    /FIRSTDEGREE/,
    (html) =>
      html
        .replace('aria-label="3rd degree connection">3rd', 'aria-label="1st degree connection">1st')
        .replace(CREDIT_LINE, ''),
  ],
  // A lead with an Open Profile: the header marks it, the composer says the message is free.
  [
    /OPENPROFILE/,
    (html) =>
      html
        .replace(CREDIT_LINE, '<p class="_creditLine_8d3f t-12">Open Profile · Free message</p>')
        .replace('3rd</span>', '3rd</span> <span class="_badge_9x1">Open Profile</span>'),
  ],
  // LinkedIn messaging: Priya has an Open Profile (a free InMail).
  [/FREEMSG/, (html) => html.replace('Use 1 of 45 InMail credits', 'Free message · Open Profile')],
  // LinkedIn messaging: Priya is a connection, so her composer is a chat (no banner, no subject).
  [
    /CONNECTION/,
    (html) =>
      html
        .replace(/<section class="msg-inmail-credits-display[\s\S]*?<\/section>/, '')
        .replace(/<input class="msg-form__subject[^>]*>/, ''),
  ],
];

/**
 * LinkedIn's answers as each endpoint gives them by default (test/fixtures/linkedin/answers/,
 * each folder's README says where its shape comes from); a test serves another with `serveAnswer`.
 */
const DEFAULT_ANSWERS: [EndpointKind, string][] = [
  ['sales-credits', 'sales-credits/flat-several-grants.json'],
  ['sales-create-message', 'sales-create-message/lead-flat.json'],
  ['sales-threads', 'sales-threads/inbox-normalized.json'],
  ['voyager-conversations', 'voyager-conversations/accepted-declined.json'],
  ['voyager-messages', 'voyager-messages/full-history.json'],
  ['voyager-create-message', 'voyager-create-message/inmail-first.json'],
  ['recruiter-inmail-cost', 'recruiter-inmail-cost/one-recipient.json'],
];

/** LinkedIn's pages by path (the first match wins). */
const PAGES: [RegExp, string][] = [
  [/^\/sales\/lead\/ACwAAA456,/, 'sales/lead-hidden-degree.html'],
  [/^\/sales\/lead\/ACwAAA789,/, 'sales/lead-aside.html'],
  [/^\/sales\/lead\/ACwAAA654,/, 'sales/lead-open-profile.html'],
  [/^\/sales\/(lead|people)\//, 'sales/lead.html'],
  [/^\/sales\/home/, 'sales/lead.html'],
  [/^\/sales\/lists\/people\//, 'sales/list.html'],
  [/^\/sales\/inbox\/2-Rm9sbG93VXA/, 'sales/thread.html'],
  [/^\/sales\/inbox/, 'sales/inbox.html'],
  [/^\/sales\/search\/people/, 'sales/search.html'],
  [/^\/search\/results\/people/, 'search/people.html'],
  [/^\/feed\//, 'feed/feed.html'],
  [/^\/in\//, 'messaging/profile.html'],
  [/^\/messaging\//, 'messaging/messaging.html'],
  [/^\/talent\//, 'recruiter/profile.html'],
];

/** The body LinkedIn answers with: a createMessage fixture holds its request and response. */
export function answerBody(path: string): string {
  const text = readFileSync(join(FIXTURES, 'answers', path), 'utf8');
  const parsed = JSON.parse(text) as { request?: unknown; response?: unknown };
  return 'request' in parsed && 'response' in parsed ? JSON.stringify(parsed.response) : text;
}

/** A LinkedIn URL's fixture: pages by path to HTML files, our endpoints to their answers. */
export function fixtureFor(
  url: URL,
  method = 'GET',
): { text: () => string; json: boolean; edit?: (text: string) => string } | null {
  const endpoint = endpointOf(method, url.href);
  const answer = DEFAULT_ANSWERS.find(([kind]) => kind === endpoint)?.[1];
  if (answer) return { text: () => answerBody(answer), json: true };
  for (const [pattern, file] of PAGES) {
    if (!pattern.test(url.pathname)) continue;
    const edit = LEAD_VARIANTS.find(([variant]) => variant.test(url.pathname))?.[1];
    return {
      text: () => withLook(readFileSync(join(FIXTURES, file), 'utf8')),
      json: false,
      ...(edit ? { edit } : {}),
    };
  }
  return null;
}

/** Serves `answers/<path>` (or a JSON text) for requests matching `url` (a glob or a predicate), here only. */
export async function serveAnswer(
  target: BrowserContext | Page,
  url: string | ((url: URL) => boolean),
  path: string,
  edit: (text: string) => string = (text) => text,
): Promise<void> {
  await target.route(url, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: withTimes(edit(path.startsWith('{') ? path : answerBody(path))),
    }),
  );
}

export interface Extension {
  id: string;
  worker: Worker;
  /** Opens the popup page in a tab, as the toolbar would. */
  openPopup(page?: Page): Promise<Page>;
  openOptions(page?: Page): Promise<Page>;
  badge(): Promise<{ text: string; color: number[]; title: string }>;
  /** Stops the service worker as Chrome does when idle (DevTools protocol); the next event wakes it. */
  stopWorker(): Promise<void>;
  /**
   * Stops the worker at once, whatever it is doing, and says what happened: whether our worker
   * was running just before, whether it then stopped (its version 'stopped', its target gone),
   * and how many times a worker of ours had started by then (DevTools protocol, not guessed).
   */
  killWorker(): Promise<KillReport>;
  /** Our worker's running status as the DevTools protocol last reported it, and how often it started. */
  workerState(): Promise<{ status: string; starts: number }>;
  /** The service worker running now (a stopped one is replaced on wake). */
  workerNow(): Promise<Worker>;
  /** What content scripts have queued for the background and not yet seen acknowledged. */
  outbox(): Promise<unknown[]>;
  /** Sends a command (or a test hook message) from an extension page, as the popup does. */
  send<T = Record<string, unknown>>(message: unknown): Promise<T>;
}

/** What one `killWorker` did, as the DevTools protocol saw it. */
export interface KillReport {
  /** Our worker's version was 'running' and its target listed right before the stop. */
  wasRunning: boolean;
  /** After the stop its version reported 'stopped' (its process gone; a new life may follow at once). */
  stopped: boolean;
  /** Starts of a worker of ours seen before this stop (a start: its version entering 'running'). */
  starts: number;
}

/** Payload times relative to now, so fixtures never go stale: "%NOW%", "%NOW-60000%" (ms). */
function withTimes(text: string): string {
  return text.replace(/"%NOW(?:-(\d+))?%"/g, (_, minus) => String(Date.now() - Number(minus ?? 0)));
}

/** Launches Chromium with the extension in a fresh profile, LinkedIn routed to fixtures. */
export async function launch(
  options: { dir?: string; headless?: boolean; others?: string[] } = {},
): Promise<BrowserContext> {
  const dir = options.dir ?? EXTENSION_DIR;
  const dirs = [dir, ...(options.others ?? [])].join(',');
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`no built extension in ${dir}: run \`npx wxt build --mode e2e\` first`);
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args: [
      `--disable-extensions-except=${dirs}`,
      `--load-extension=${dirs}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  await routeFixtures(context);
  return context;
}

/**
 * Serves Sales Navigator's inbox with Sam's reply dated halfway between `sentAt` and now, as it
 * would be: the rep opens the inbox later, so its header's count, read as the page loads, is
 * after the refund (the demo and the store screenshots show it).
 */
export function serveInboxRepliedSince(page: Page, sentAt: number): Promise<void> {
  const ago = Math.floor((Date.now() - sentAt) / 2);
  return serveAnswer(
    page,
    '**/sales-api/salesApiMessagingThreads**',
    'sales-threads/inbox-normalized.json',
    (text) => text.replace('"deliveredAt": "%NOW%"', `"deliveredAt": "%NOW-${ago}%"`),
  );
}

/** Serves LinkedIn's URLs from the fixtures in this context. */
export async function routeFixtures(context: BrowserContext): Promise<void> {
  await context.route('https://www.linkedin.com/**', async (route) => {
    const fixture = fixtureFor(new URL(route.request().url()), route.request().method());
    if (fixture === null)
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'no fixture' });
    const contentType = fixture.json ? 'application/json' : 'text/html; charset=utf-8';
    const text = withTimes(fixture.text());
    return route.fulfill({ status: 200, contentType, body: fixture.edit ? fixture.edit(text) : text });
  });
}

/** Our service worker now running (a stopped one is replaced by a new one on wake). */
async function currentWorker(context: BrowserContext): Promise<Worker> {
  const ours = (w: Worker) => w.url().endsWith('/background.js');
  return (
    context.serviceWorkers().filter(ours).at(-1) ??
    (await context.waitForEvent('serviceworker', { predicate: ours }))
  );
}

/**
 * Our worker at launch. Now and then (on a loaded machine) Playwright does not report an
 * extension's worker that started before it was listening: then the DevTools protocol finds it,
 * stops it, and the popup page wakes it again, which Playwright does see.
 */
async function firstWorker(context: BrowserContext): Promise<Worker> {
  const ours = (w: Worker) => w.url().endsWith('/background.js');
  const listed = context.serviceWorkers().filter(ours).at(-1);
  if (listed) return listed;
  try {
    return await context.waitForEvent('serviceworker', { predicate: ours, timeout: 5_000 });
  } catch {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const target = (await cdp.send('Target.getTargets')).targetInfos.find(
      (t) => t.type === 'service_worker' && /^chrome-extension:\/\/[a-p]{32}\/background\.js$/.test(t.url),
    );
    if (!target) throw new Error('the extension’s service worker did not start');
    console.warn(`harness: the worker ${target.url} was not reported by Playwright; restarting it`);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.goto(target.url.replace('/background.js', '/popup.html'));
    await expect
      .poll(() => context.serviceWorkers().filter(ours).length, { timeout: 15_000 })
      .toBeGreaterThan(0);
    await cdp.detach();
    await page.close();
    return context.serviceWorkers().filter(ours).at(-1) as Worker;
  }
}

export async function extensionOf(context: BrowserContext): Promise<Extension> {
  const worker = await firstWorker(context);
  const id = new URL(worker.url()).host;
  let helperPage: Page | null = null;
  let watch: WorkerWatch | null = null;
  const watcher = async () => {
    watch ??= await watchWorker(context, id);
    return watch;
  };
  const extension: Extension = {
    id,
    worker,
    async openPopup(page) {
      const target = page ?? (await context.newPage());
      await target.goto(`chrome-extension://${id}/popup.html`);
      return target;
    },
    async openOptions(page) {
      const target = page ?? (await context.newPage());
      await target.goto(`chrome-extension://${id}/options.html`);
      return target;
    },
    async badge() {
      // Reading the badge wakes the worker first, through a message, if it was stopped.
      await extension.send({ type: 'get-snapshot' });
      const w = await currentWorker(context);
      return w.evaluate(async () => ({
        text: await chrome.action.getBadgeText({}),
        color: await chrome.action.getBadgeBackgroundColor({}),
        title: await chrome.action.getTitle({}),
      }));
    },
    async killWorker() {
      const w = await watcher();
      const wasRunning = w.status() === 'running' && (await w.targets()) > 0;
      const stopsBefore = w.stops();
      const starts = w.starts();
      await w.cdp.send('ServiceWorker.stopAllWorkers');
      // Its version reports 'stopped' (it may be started again at once by what is waiting for it).
      let stopped = true;
      try {
        await expect.poll(() => w.stops(), { timeout: 10_000 }).toBeGreaterThan(stopsBefore);
      } catch {
        stopped = false;
      }
      return { wasRunning, stopped, starts };
    },
    async workerState() {
      const w = await watcher();
      return { status: w.status(), starts: w.starts() };
    },
    workerNow: () => currentWorker(context),
    async outbox() {
      const w = await currentWorker(context);
      return w.evaluate(async () =>
        Object.entries(await chrome.storage.local.get(null))
          .filter(([key]) => key.startsWith('outbox:'))
          .map(([, value]) => value),
      );
    },
    async stopWorker() {
      const w = await watcher();
      // One stop per running worker, then wait for its version to report it: a worker stopped
      // again while it starts or stops can be left unable to start at all (Chromium 156, about
      // one run in forty, every message then "Receiving end does not exist"). An event (a
      // storage change, an alarm) may wake it again at once: then it is let start and stopped.
      const deadline = Date.now() + 15_000;
      for (;;) {
        const status = w.status();
        if (status === 'stopped' && (await w.targets()) === 0) return;
        if (Date.now() > deadline) throw new Error(`the worker did not stop (it is ${status})`);
        if (status === 'running') {
          const stops = w.stops();
          await w.cdp.send('ServiceWorker.stopAllWorkers');
          await expect.poll(() => w.stops()).toBeGreaterThan(stops);
        } else {
          await expect.poll(async () => w.status() !== status || (await w.targets()) === 0).toBe(true);
        }
      }
    },
    async send(message) {
      if (helperPage === null || helperPage.isClosed()) {
        helperPage = await context.newPage();
        await helperPage.goto(`chrome-extension://${id}/popup.html`);
      }
      // As the popup's `command` does: a message no worker heard (one between two lives) is resent.
      return helperPage.evaluate(async (m) => {
        for (let attempt = 1; ; attempt++) {
          try {
            return await chrome.runtime.sendMessage(m);
          } catch (error) {
            if (attempt === 3 || !/Receiving end does not exist/.test(String(error))) throw error;
            await new Promise((resume) => setTimeout(resume, 100 * attempt));
          }
        }
      }, message);
    },
  };
  return extension;
}

export const test = base.extend<{ context: BrowserContext; extension: Extension }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
  context: async ({}, use) => {
    const context = await launch();
    await use(context);
    await context.close();
  },
  extension: async ({ context }, use) => {
    await use(await extensionOf(context));
  },
});

export { expect };

/** Sets up one seat as the settings page does, with what LinkedIn shows now as its opening balance. */
export async function setUpSeat(
  extension: Extension,
  plan: string,
  balance: number,
  label = `Dana — ${plan}`,
) {
  const reply = await extension.send<{ ok: boolean; seat: string }>({
    type: 'setup-seat',
    label,
    plan,
    timeZone: 'UTC',
    openingBalance: balance,
  });
  expect(reply.ok).toBe(true);
  return reply.seat;
}

/**
 * Where each page keeps its detection health of LinkedIn's answers in storage.local (one key per
 * page: src/linkedin/endpoint-health.ts). Written here, not imported, so the harness loads no
 * extension module that expects a browser.
 */
const ENDPOINT_HEALTH_PREFIX = 'health:endpoints:';

/** Answers of `endpoint` our content scripts read, added up over every page (detection health). */
export async function answersSeen(extension: Extension, endpoint: EndpointKind): Promise<number> {
  const worker = await extension.workerNow();
  const stored = await worker.evaluate(() => chrome.storage.local.get(null));
  return Object.entries(stored)
    .filter(([key]) => key.startsWith(ENDPOINT_HEALTH_PREFIX))
    .reduce(
      (sum, [, record]) => sum + ((record as Record<string, { seen?: number }>)[endpoint]?.seen ?? 0),
      0,
    );
}

let sentinels = 0;

/**
 * Whether the background holds a reading of `balance`, in the ledger or waiting in `unassigned`
 * (read from its database as it stands, without a command).
 */
async function holdsReading(extension: Extension, balance: number): Promise<boolean> {
  const worker = await extension.workerNow();
  return worker.evaluate(async (balance) => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'inmail-ledger')) return false;
    return new Promise<boolean>((done) => {
      const open = indexedDB.open('inmail-ledger');
      open.onerror = () => done(false);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction(['events', 'unassigned'], 'readonly');
        const all = (name: string) =>
          new Promise<{ type?: string; balance?: number; event?: { type?: string; balance?: number } }[]>(
            (got) => {
              const request = tx.objectStore(name).getAll();
              request.onsuccess = () => got(request.result);
              request.onerror = () => got([]);
            },
          );
        void Promise.all([all('events'), all('unassigned')]).then(([events, waiting]) => {
          db.close();
          done(
            [...events, ...waiting.map((w) => w.event ?? {})].some(
              (e) => e.type === 'observed-balance' && e.balance === balance,
            ),
          );
        });
      };
    });
  }, balance);
}

/**
 * A positive signal that everything `page` showed us so far was handled, before a test asserts
 * that nothing came of it: the page asks for a credit count only this call serves (a value no
 * other answer holds), and this waits until the background holds that reading (in the ledger,
 * or waiting in `unassigned` when no seat takes it) and the outbox is empty. The page's earlier
 * answers reached our content script before this one (one port, in order) and their detections
 * went into the outbox first (it is sent whole, sends first), so by then they are in the
 * ledger, or waiting, or were nothing. Returns the count served: with a Sales Navigator seat it
 * is recorded as LinkedIn's latest reading.
 */
export async function handledSoFar(page: Page, extension: Extension): Promise<number> {
  const value = 9_000 + ++sentinels;
  await page.route(`**/sales-api/salesApiCredits?*sentinel=${value}*`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ elements: [{ type: 'LSS_INMAIL', value }] }),
    }),
  );
  await page.evaluate(
    (value) => fetch(`/sales-api/salesApiCredits?q=findCreditGrant&sentinel=${value}`).then((r) => r.text()),
    value,
  );
  await expect.poll(() => holdsReading(extension, value)).toBe(true);
  await expect.poll(async () => await extension.outbox()).toEqual([]);
  return value;
}

/** The whole ledger as exported, without the moment of the export: equal text, equal ledger. */
export async function exportedLedger(extension: Extension): Promise<string> {
  const { file } = await extension.send<{ file: { exportedAt?: string } }>({ type: 'export-ledger' });
  return JSON.stringify({ ...file, exportedAt: undefined });
}

/** Our worker as the DevTools protocol sees it: its version's running status, its target, its starts. */
interface WorkerWatch {
  cdp: CDPSession;
  status(): string;
  starts(): number;
  /** Times its version entered 'stopped'. */
  stops(): number;
  /** How many targets of our worker are listed now. */
  targets(): Promise<number>;
}

async function watchWorker(context: BrowserContext, id: string): Promise<WorkerWatch> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const scope = `chrome-extension://${id}/`;
  const ours = new Set<string>();
  let status = 'unknown';
  let starts = 0;
  let stops = 0;
  cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
    for (const r of registrations) if (r.scopeURL === scope) ours.add(r.registrationId);
  });
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      if (!ours.has(v.registrationId) && !v.scriptURL.startsWith(scope)) continue;
      if (v.runningStatus === 'running' && status !== 'running') starts++;
      if (v.runningStatus === 'stopped' && status !== 'stopped') stops++;
      status = v.runningStatus;
    }
  });
  await cdp.send('ServiceWorker.enable');
  // The protocol reports the current state right after `enable`.
  await expect.poll(() => status).not.toBe('unknown');
  return {
    cdp,
    status: () => status,
    starts: () => starts,
    stops: () => stops,
    targets: async () =>
      (await cdp.send('Target.getTargets')).targetInfos.filter(
        (t) => t.type === 'service_worker' && t.url.startsWith(scope),
      ).length,
  };
}

/** Where a request came from. */
export type RequestSource = 'page' | 'content-script' | 'worker' | 'extension-page' | 'other';

export interface SeenRequest {
  url: string;
  source: RequestSource;
  /** The target it was seen on: its type and URL. */
  target: string;
  /** The script URLs of its initiator's stack, innermost first, async parents after. */
  stack: string[];
}

/**
 * Every request of the browser's pages and workers, by the DevTools protocol's Network domain
 * on each target (pages, LinkedIn's and ours, the service worker each time it starts), each
 * attributed to the page, our content scripts, our worker or our extension pages; and, beside
 * it, every request Playwright saw (its own interception sees pages and service workers from
 * their first request on), so a request the protocol missed while attaching is still seen.
 */
export interface RequestRecorder {
  /** What the protocol saw, attributed. */
  seen: SeenRequest[];
  /** Every URL Playwright saw requested, with the page or worker URL it came from. */
  playwright: { url: string; from: string }[];
  /** The targets it attached to (type and URL), in order. */
  attached: string[];
  /** Resolves once no request has been seen (either way) for `ms`. */
  quiet(ms?: number): Promise<void>;
  /** Runs `expression` in our content script's world in `page` (CDP Runtime.evaluate). */
  inContentScript(page: Page, expression: string): Promise<void>;
}

export async function recordRequests(context: BrowserContext, extensionId: string): Promise<RequestRecorder> {
  const ours = `chrome-extension://${extensionId}/`;
  const control = await context.newPage();
  const cdp = await context.newCDPSession(control);
  const sessions = new Map<string, { type: string; url: string; targetId: string }>();
  const attachedTargets = new Set<string>();
  const pending = new Map<number, (result: unknown) => void>();
  const counted = new Set<string>();
  let nextId = 1;
  let lastAt = Date.now();
  const recorder: RequestRecorder = {
    seen: [],
    playwright: [],
    attached: [],
    async quiet(ms = 1500) {
      await expect.poll(() => Date.now() - lastAt, { timeout: 30_000 }).toBeGreaterThanOrEqual(ms);
    },
    async inContentScript(page, expression) {
      const session = await context.newCDPSession(page);
      const contexts: { id: number; origin: string; name: string }[] = [];
      session.on('Runtime.executionContextCreated', ({ context: c }) => contexts.push(c));
      await session.send('Runtime.enable');
      const world = contexts.find((c) => c.origin === ours.slice(0, -1));
      if (!world) throw new Error(`no content script world of ${ours} in ${page.url()}`);
      // Named as a file of our content scripts, as the stack of a request they make would be.
      const source = `${expression}
//# sourceURL=${ours}content-scripts/probe.js`;
      await session.send('Runtime.evaluate', { expression: source, contextId: world.id, awaitPromise: true });
      await session.detach();
    },
  };
  // Non-flattened sessions: each target's protocol messages travel through this one session.
  const sendTo = (sessionId: string, method: string, params: object = {}) =>
    new Promise<unknown>((done) => {
      const id = nextId++;
      pending.set(id, done);
      void cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(() => done(null));
    });
  const sourceOf = (target: { type: string; url: string }, documentURL: string, stack: string[]) => {
    if (target.type === 'service_worker' || target.type === 'worker' || target.type === 'shared_worker')
      return target.url.startsWith(ours) ? 'worker' : 'other';
    if (documentURL.startsWith(ours) || target.url.startsWith(ours)) return 'extension-page';
    // The outermost script decides: the page's own fetch runs through the tap's wrapper (a frame
    // of ours on top of the page's), while a content script's request starts in our file.
    const outermost = stack.at(-1) ?? '';
    return outermost.startsWith(`${ours}content-scripts/`) ? 'content-script' : 'page';
  };
  const attach = async (info: { targetId: string; type: string; url: string }) => {
    if (!['page', 'iframe', 'service_worker', 'worker', 'shared_worker'].includes(info.type)) return;
    if (attachedTargets.has(info.targetId)) return;
    attachedTargets.add(info.targetId);
    try {
      const { sessionId } = await cdp.send('Target.attachToTarget', {
        targetId: info.targetId,
        flatten: false,
      });
      sessions.set(sessionId, info);
      recorder.attached.push(`${info.type} ${info.url}`);
      await sendTo(sessionId, 'Network.enable');
      if (info.type === 'service_worker' || info.type === 'worker')
        await sendTo(sessionId, 'Runtime.runIfWaitingForDebugger');
    } catch {
      attachedTargets.delete(info.targetId); // gone before we got there
    }
  };
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const m = JSON.parse(message) as {
      id?: number;
      result?: unknown;
      method?: string;
      params?: Record<string, unknown>;
    };
    if (m.id !== undefined) {
      pending.get(m.id)?.(m.result ?? null);
      pending.delete(m.id);
      return;
    }
    if (m.method !== 'Network.requestWillBeSent' || !m.params) return;
    const target = sessions.get(sessionId);
    if (!target) return;
    const p = m.params as {
      requestId: string;
      request: { url: string };
      documentURL?: string;
      initiator?: { stack?: Stack; url?: string };
    };
    // A target may be attached twice for a moment (a worker starting): each request counts once.
    const key = `${target.targetId} ${p.requestId} ${p.request.url}`;
    if (counted.has(key)) return;
    counted.add(key);
    const stack: string[] = [];
    for (let s = p.initiator?.stack; s; s = s.parent) for (const f of s.callFrames) stack.push(f.url);
    lastAt = Date.now();
    recorder.seen.push({
      url: p.request.url,
      source: sourceOf(target, p.documentURL ?? '', stack),
      target: `${target.type} ${target.url}`,
      stack,
    });
  });
  const forget = (targetId: string) => {
    attachedTargets.delete(targetId);
    for (const [sessionId, info] of sessions) if (info.targetId === targetId) sessions.delete(sessionId);
  };
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => {
    const info = sessions.get(sessionId);
    if (info) forget(info.targetId);
  });
  cdp.on('Target.targetDestroyed', ({ targetId }) => forget(targetId));
  cdp.on('Target.targetCreated', ({ targetInfo }) => void attach(targetInfo));
  cdp.on('Target.targetInfoChanged', ({ targetInfo }) => {
    for (const info of sessions.values())
      if (info.targetId === targetInfo.targetId) info.url = targetInfo.url;
    void attach(targetInfo);
  });
  context.on('request', (request) => {
    lastAt = Date.now();
    let from = '';
    try {
      from = request.serviceWorker()?.url() ?? request.frame().url();
    } catch {
      from = '(no frame)';
    }
    recorder.playwright.push({ url: request.url(), from });
  });
  // A service worker's target keeps its id across lives and says nothing when it stops: its
  // version's status tells when a new life begins, to be attached again.
  const workerTargets = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      const old = workerTargets.get(v.versionId);
      if (v.runningStatus !== 'running' || !v.targetId) {
        if (old) forget(old);
        workerTargets.delete(v.versionId);
      } else if (old !== v.targetId) {
        workerTargets.set(v.versionId, v.targetId);
        forget(v.targetId);
        void attach({ targetId: v.targetId, type: 'service_worker', url: v.scriptURL });
      }
    }
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  for (const info of (await cdp.send('Target.getTargets')).targetInfos) await attach(info);
  return recorder;
}

interface Stack {
  callFrames: { url: string }[];
  parent?: Stack;
}
