// The real-browser harness: the built extension (test build, `wxt build --mode e2e`) loaded
// into Chromium, LinkedIn pages served from test/fixtures/linkedin at their real URLs.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type BrowserContext,
  test as base,
  chromium,
  expect,
  type Page,
  type Worker,
} from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = process.env.EXTENSION_DIR ?? join(ROOT, '.output/chrome-mv3-e2e');
const FIXTURES = join(ROOT, 'test/fixtures/linkedin');

/** Debian's Chromium here; Playwright's own elsewhere; CHROMIUM_PATH overrides. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** A LinkedIn URL's fixture: /sales/lead/… → sales/lead.html, /api/… → JSON files later. */
export function fixtureFor(url: URL): string | null {
  const map: [RegExp, string][] = [
    [/^\/sales\/(lead|people)\//, 'sales/lead.html'],
    [/^\/sales\/home/, 'sales/lead.html'],
  ];
  for (const [pattern, file] of map) if (pattern.test(url.pathname)) return join(FIXTURES, file);
  return null;
}

export interface Extension {
  id: string;
  worker: Worker;
  /** Opens the popup page in a tab, as the toolbar would. */
  openPopup(page?: Page): Promise<Page>;
  openOptions(page?: Page): Promise<Page>;
  badge(): Promise<{ text: string; color: number[]; title: string }>;
  /** Sends a command (or a test hook message) from an extension page, as the popup does. */
  send<T = Record<string, unknown>>(message: unknown): Promise<T>;
}

export const test = base.extend<{ context: BrowserContext; extension: Extension }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
  context: async ({}, use) => {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`no built extension in ${EXTENSION_DIR}: run \`npx wxt build --mode e2e\` first`);
    }
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumPath(),
      headless: true,
      args: [
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
      ],
    });
    await context.route('https://www.linkedin.com/**', async (route) => {
      const file = fixtureFor(new URL(route.request().url()));
      if (file === null) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'no fixture' });
      return route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: readFileSync(file),
      });
    });
    await use(context);
    await context.close();
  },
  extension: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    let helperPage: Page | null = null;
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
        const w = context.serviceWorkers()[0] ?? worker;
        return w.evaluate(async () => ({
          text: await chrome.action.getBadgeText({}),
          color: await chrome.action.getBadgeBackgroundColor({}),
          title: await chrome.action.getTitle({}),
        }));
      },
      async send(message) {
        if (helperPage === null || helperPage.isClosed()) {
          helperPage = await context.newPage();
          await helperPage.goto(`chrome-extension://${id}/popup.html`);
        }
        return helperPage.evaluate((m) => chrome.runtime.sendMessage(m), message);
      },
    };
    await use(extension);
  },
});

export { expect };
