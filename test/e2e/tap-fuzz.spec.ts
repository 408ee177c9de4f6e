// The tap under generated traffic (fast-check): LinkedIn's endpoints and others, any status,
// bodies that are fixtures, broken fixtures, random JSON, unicode, binary, empty or over 1 MB,
// network failures, aborts before and during the body, fetch read every way, XHR of every
// response type (and synchronous). The same cases run in a Chromium without the extension:
// what the page receives must be identical, and no page error may appear in either.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import fc from 'fast-check';
import { ENDPOINT_KINDS } from '../../src/linkedin/endpoints';
import { answersSeen, chromiumPath, expect, routeFixtures, test } from './fixtures';

const LEAD = 'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd';
const ANSWERS = join(import.meta.dirname, '../fixtures/linkedin/answers');

/** [method, path and query, the answer LinkedIn gives (null: not an endpoint we read)]. */
const ENDPOINTS: [string, string, string | null][] = [
  [
    'GET',
    '/sales-api/salesApiCredits?q=findCreditGrant&creditGrantType=LSS_INMAIL',
    'sales-credits/flat.json',
  ],
  ['POST', '/sales-api/salesApiMessageActions?action=createMessage', 'sales-create-message/lead-flat.json'],
  ['GET', '/sales-api/salesApiMessagingThreads?q=inbox&count=20', 'sales-threads/inbox-normalized.json'],
  [
    'GET',
    '/voyager/api/voyagerMessagingGraphQL/graphql?queryId=messengerConversations.9d2c&variables=(count:20)',
    'voyager-conversations/sender-premium.json',
  ],
  [
    'GET',
    '/voyager/api/voyagerMessagingGraphQL/graphql?queryId=messengerMessages.77ab&variables=(count:20)',
    'voyager-messages/full-history.json',
  ],
  [
    'POST',
    '/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage',
    'voyager-create-message/inmail-first.json',
  ],
  [
    'GET',
    '/talent/api/graphql?queryId=talentRecipientInMailCostInfo.4b1c&variables=(recipients:List(urn))',
    'recruiter-inmail-cost/one-recipient.json',
  ],
  ['GET', '/voyager/api/feed/updates?count=10', null],
  ['POST', '/sales-api/salesApiProfiles?action=save', null],
];
const fixtureText = (file: string | null) => {
  if (file === null) return '{"elements":[]}';
  const text = readFileSync(join(ANSWERS, file), 'utf8').replace(/"%NOW(?:-\d+)?%"/g, '1764000000000');
  const parsed = JSON.parse(text) as { request?: unknown; response?: unknown };
  return 'request' in parsed && 'response' in parsed ? JSON.stringify(parsed.response) : text;
};

const CLIENTS = [
  'fetch-text',
  'fetch-json',
  'fetch-blob',
  'fetch-buffer',
  'fetch-stream',
  'fetch-clone',
  'fetch-abort-early',
  'fetch-abort-body',
  'xhr-text',
  'xhr-json',
  'xhr-blob',
  'xhr-buffer',
  'xhr-abort',
  'xhr-sync',
] as const;

interface Case {
  endpoint: number;
  status: number;
  contentType: string | null;
  body:
    | { kind: 'fixture' | 'truncated' | 'json' | 'unicode' | 'empty' | 'huge'; at?: number; value?: string }
    | { kind: 'binary'; bytes: number[] };
  network: 'ok' | 'fail';
  client: (typeof CLIENTS)[number];
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  endpoint: fc.integer({ min: 0, max: ENDPOINTS.length - 1 }),
  status: fc.constantFrom(200, 200, 200, 201, 204, 400, 404, 500, 503),
  contentType: fc.constantFrom(
    'application/json',
    'application/vnd.linkedin.normalized+json+2.1',
    'text/plain',
    null,
  ),
  body: fc.oneof(
    { weight: 4, arbitrary: fc.constant({ kind: 'fixture' as const }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncated' as const), at: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('json' as const), value: fc.json() }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('unicode' as const), value: fc.string({ unit: 'binary' }) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('binary' as const),
        bytes: fc.array(fc.nat(255), { maxLength: 64 }),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'empty' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'huge' as const }) },
  ),
  network: fc.constantFrom('ok', 'ok', 'ok', 'fail'),
  client: fc.constantFrom(...CLIENTS),
});

function bodyOf(c: Case): Buffer {
  const fixture = fixtureText(ENDPOINTS[c.endpoint]?.[2] ?? null);
  switch (c.body.kind) {
    case 'fixture':
      return Buffer.from(fixture);
    case 'truncated':
      return Buffer.from(fixture.slice(0, (c.body.at ?? 0) % Math.max(1, fixture.length)));
    case 'json':
    case 'unicode':
      return Buffer.from(c.body.value ?? '');
    case 'binary':
      return Buffer.from(c.body.bytes);
    case 'empty':
      return Buffer.alloc(0);
    case 'huge':
      // Over the tap's 1 MB limit, still LinkedIn's shape.
      return Buffer.from(
        JSON.stringify({
          elements: Array.from({ length: 12_000 }, (_, k) => ({ id: k, pad: 'x'.repeat(90) })),
        }),
      );
  }
}

/** Each case's URL carries its number; the route answers as the case says. */
async function serveCases(page: Page, cases: Map<string, Case>): Promise<void> {
  await page.route(/\/(sales-api|voyager\/api|talent\/api)\//, (route) => {
    const c = cases.get(new URL(route.request().url()).searchParams.get('case') ?? '');
    if (!c) return route.fallback();
    if (c.network === 'fail') return route.abort('failed');
    const status = c.status;
    return route.fulfill({
      status,
      headers: c.contentType ? { 'content-type': c.contentType } : {},
      body: status === 204 ? Buffer.alloc(0) : bodyOf(c),
    });
  });
}

/** Runs the cases in the page, one after another; returns what the page saw of each. */
function runInPage(page: Page, cases: { url: string; method: string; client: string }[]): Promise<string[]> {
  return page.evaluate(async (cases) => {
    const digest = async (data: ArrayBuffer | Uint8Array | string) => {
      const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data);
      const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      return `${bytes.length}:${[...hash.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    };
    const failed = (e: unknown) => `threw ${(e as Error)?.name}`;
    const viaFetch = async (url: string, method: string, client: string): Promise<string> => {
      const controller = new AbortController();
      const init: RequestInit = {
        method,
        signal: controller.signal,
        ...(method === 'POST' ? { body: '{}' } : {}),
      };
      const pending = fetch(url, init);
      if (client === 'fetch-abort-early') controller.abort();
      const res = await pending;
      const head = `${res.status} ${res.headers.get('content-type')}`;
      if (client === 'fetch-abort-body') {
        controller.abort();
        return `${head} ${await res.text().then(digest, failed)}`;
      }
      if (client === 'fetch-json')
        return `${head} ${await res.json().then((j) => digest(JSON.stringify(j)), failed)}`;
      if (client === 'fetch-blob') return `${head} ${await digest(await (await res.blob()).arrayBuffer())}`;
      if (client === 'fetch-buffer') return `${head} ${await digest(await res.arrayBuffer())}`;
      if (client === 'fetch-clone') {
        const copy = res.clone();
        return `${head} ${await digest(await res.text())} ${await digest(await copy.arrayBuffer())}`;
      }
      if (client === 'fetch-stream') {
        const reader = res.body?.getReader();
        const chunks: number[] = [];
        for (;;) {
          const chunk = await reader?.read();
          if (!chunk || chunk.done) break;
          chunks.push(...chunk.value);
        }
        return `${head} ${await digest(new Uint8Array(chunks))}`;
      }
      return `${head} ${await digest(await res.text())}`;
    };
    const viaXhr = (url: string, method: string, client: string): Promise<string> =>
      new Promise((done) => {
        const x = new XMLHttpRequest();
        const sync = client === 'xhr-sync';
        x.open(method, url, !sync);
        if (!sync) {
          x.responseType =
            (
              { 'xhr-json': 'json', 'xhr-blob': 'blob', 'xhr-buffer': 'arraybuffer' } as Record<
                string,
                XMLHttpRequestResponseType
              >
            )[client] ?? '';
        }
        const finish = async () => {
          const r = x.response;
          const body =
            r instanceof Blob
              ? await digest(await r.arrayBuffer())
              : r instanceof ArrayBuffer
                ? await digest(r)
                : typeof r === 'string'
                  ? await digest(r)
                  : await digest(JSON.stringify(r));
          done(`${x.status} ${x.getResponseHeader('content-type')} ${body}`);
        };
        x.onload = () => void finish();
        x.onerror = () => done(`error ${x.status}`);
        x.onabort = () => done(`abort ${x.status}`);
        try {
          x.send(method === 'POST' ? '{}' : null);
        } catch (e) {
          done(failed(e));
          return;
        }
        if (client === 'xhr-abort') x.abort();
      });
    const out: string[] = [];
    for (const { url, method, client } of cases) {
      try {
        out.push(await (client.startsWith('xhr') ? viaXhr : viaFetch)(url, method, client));
      } catch (e) {
        out.push(failed(e));
      }
    }
    return out;
  }, cases);
}

async function controlBrowser(): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  await routeFixtures(context);
  return context;
}

test('generated traffic: the page receives the same with the tap as without it, with no page error', async ({
  context,
  extension,
}) => {
  test.setTimeout(240_000);
  const control = await controlBrowser();
  try {
    const cases = new Map<string, Case>();
    const errors: string[] = [];
    const pages: Page[] = [];
    for (const browser of [context, control]) {
      const page = await browser.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await serveCases(page, cases);
      await page.goto(LEAD);
      pages.push(page);
    }
    let ran = 0;
    let numbered = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(caseArb, { minLength: 1, maxLength: 12 }), async (batch) => {
        const requests = batch.map((c) => {
          const key = String(++numbered);
          cases.set(key, c);
          const [method, path] = ENDPOINTS[c.endpoint] as [string, string, string | null];
          return { url: `${path}&case=${key}`, method, client: c.client };
        });
        const [tapped, plain] = await Promise.all(pages.map((page) => runInPage(page, requests)));
        ran += batch.length;
        expect(tapped).toEqual(plain);
        expect(errors).toEqual([]);
      }),
      { numRuns: 40 },
    );
    // The tap was there and read the generated answers (its detection health counts them): the
    // comparison was between a tapped page and a plain one, not two plain ones.
    let read = 0;
    for (const kind of ENDPOINT_KINDS) read += await answersSeen(extension, kind);
    console.log(
      `tap fuzz: ${ran} generated requests, the page's view identical with and without the tap; ${read} answers read by the tap`,
    );
    expect(read).toBeGreaterThan(0);
  } finally {
    await control.close();
  }
});
