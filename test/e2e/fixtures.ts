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
    return { text: () => readFileSync(join(FIXTURES, file), 'utf8'), json: false, ...(edit ? { edit } : {}) };
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
  /** Stops the worker at once, whatever it is doing, without waiting (it may wake right away). */
  killWorker(): Promise<void>;
  /** The service worker running now (a stopped one is replaced on wake). */
  workerNow(): Promise<Worker>;
  /** What content scripts have queued for the background and not yet seen acknowledged. */
  outbox(): Promise<unknown[]>;
  /** Sends a command (or a test hook message) from an extension page, as the popup does. */
  send<T = Record<string, unknown>>(message: unknown): Promise<T>;
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

export async function extensionOf(context: BrowserContext): Promise<Extension> {
  const worker = await currentWorker(context);
  const id = new URL(worker.url()).host;
  let helperPage: Page | null = null;
  let killer: CDPSession | null = null;
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
      if (killer === null) {
        const page = await context.newPage();
        killer = await context.newCDPSession(page);
        await killer.send('ServiceWorker.enable');
      }
      await killer.send('ServiceWorker.stopAllWorkers');
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
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      const running = async () =>
        (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.type === 'service_worker').length;
      await expect.poll(running).toBe(0);
      await cdp.detach();
      await page.close();
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

/** The whole ledger as exported, without the moment of the export: equal text, equal ledger. */
export async function exportedLedger(extension: Extension): Promise<string> {
  const { file } = await extension.send<{ file: { exportedAt?: string } }>({ type: 'export-ledger' });
  return JSON.stringify({ ...file, exportedAt: undefined });
}
