// @vitest-environment happy-dom
// The cost of a send read at the moment of Send, against the fixture pages loaded at their
// real URLs: the trigger (a click on Send, Enter in the composer), what the composer and the
// person it writes to say, and never anyone else on the page. The pages' own stand-in scripts
// run with stand-in fetch/XMLHttpRequest, so the order of events is the page's: our reading
// (capture phase) comes before LinkedIn closes or replaces the composer.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { findComposer } from '../../../src/linkedin/dom/composer';
import { messagingCost } from '../../../src/linkedin/dom/messaging-composer';
import { readSendMoment, type SendMoment, sendTrigger } from '../../../src/linkedin/dom/send-moment';

const html = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../fixtures/linkedin', name), 'utf8');

const URLS = {
  'sales/lead.html': 'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd',
  'sales/lead-hidden-degree.html': 'https://www.linkedin.com/sales/lead/ACwAAA456,NAME_SEARCH,efgh',
  'sales/lead-aside.html': 'https://www.linkedin.com/sales/lead/ACwAAA789,NAME_SEARCH,ijkl',
  'sales/lead-open-profile.html': 'https://www.linkedin.com/sales/lead/ACwAAA654,NAME_SEARCH,mnop',
  'sales/thread.html': 'https://www.linkedin.com/sales/inbox/2-TmV3VGhyZWFk',
  'search/people.html': 'https://www.linkedin.com/search/results/people/?keywords=data%20platform',
  'feed/feed.html': 'https://www.linkedin.com/feed/',
  'recruiter/profile.html': 'https://www.linkedin.com/talent/profile/AEMAAALEX',
} as const;
type Fixture = keyof typeof URLS;

interface Sent {
  url: string;
  method: string;
  body: unknown;
  /** Whether the composer was still on the page when the request started. */
  composerThere: boolean;
}

/** happy-dom's own hook: the page's URL, as a navigation in the single-page app would set it. */
const setURL = (url: string) =>
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);

let stop = new AbortController();
afterEach(() => stop.abort());

/** Loads a fixture page into the document at its real URL, optionally edited. */
function load(file: Fixture, edit: (text: string) => string = (t) => t): void {
  setURL(URLS[file]);
  const parsed = new DOMParser().parseFromString(edit(html(file)), 'text/html');
  document.documentElement.remove();
  document.appendChild(document.importNode(parsed.documentElement, true));
  stop = new AbortController();
  // A form's submit must never navigate the test page (the stand-in scripts prevent it too).
  document.addEventListener('submit', (e) => e.preventDefault(), { signal: stop.signal });
}

/** What the content script does: on each event, capture phase, read the composer being sent from. */
function watch(): { moments: SendMoment[]; composers: HTMLElement[] } {
  const seen = { moments: [] as SendMoment[], composers: [] as HTMLElement[] };
  for (const type of ['click', 'keydown', 'submit'])
    document.addEventListener(
      type,
      (event) => {
        const composer = sendTrigger(event);
        if (composer === null) return;
        seen.composers.push(composer);
        seen.moments.push(readSendMoment(composer, document));
      },
      { capture: true, signal: stop.signal },
    );
  return seen;
}

/** Runs the page's own stand-in scripts with stand-in fetch and XMLHttpRequest. */
function runPage(composerThere: () => boolean): Sent[] {
  const sent: Sent[] = [];
  const parse = (body: unknown) => (typeof body === 'string' ? JSON.parse(body) : body);
  class StandInXhr {
    method = '';
    url = '';
    status = 0;
    responseType = '';
    onload: (() => void) | null = null;
    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }
    setRequestHeader() {}
    send(body?: string) {
      sent.push({ url: this.url, method: this.method, body: parse(body), composerThere: composerThere() });
      this.status = 201;
      queueMicrotask(() => this.onload?.());
    }
  }
  const standInFetch = async (url: string, init?: { method?: string; body?: string }) => {
    sent.push({
      url,
      method: init?.method ?? 'GET',
      body: parse(init?.body ?? null),
      composerThere: composerThere(),
    });
    return { status: 201, json: async () => ({}) };
  };
  for (const script of document.querySelectorAll('script')) {
    // The page's script, as the page runs it, with our stand-ins for the network.
    new Function('document', 'fetch', 'XMLHttpRequest', script.textContent ?? '')(
      document,
      standInFetch,
      StandInXhr,
    );
  }
  return sent;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector(selector) as T;
const enter = (el: Element, init: KeyboardEventInit = {}) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init }));
const creates = (sent: Sent[]) => sent.filter((s) => /createMessage/.test(s.url));

describe('Sales Navigator lead pages: the cost read at Send', () => {
  test('hidden-text 1st degree; the composer removes itself before the XHR starts → free-connection', async () => {
    load('sales/lead-hidden-degree.html');
    const seen = watch();
    const sent = runPage(() => findComposer(document) !== null);
    $('[data-x--compose-send]').click();
    await tick();
    expect(seen.moments).toEqual([
      { surface: 'sales-navigator', inmail: true, cost: 'free-connection', recipient: 'Dana Ortiz' },
    ]);
    const [send] = creates(sent);
    expect(send?.composerThere).toBe(false);
    expect(send?.body).toMatchObject({
      createMessageRequest: { recipients: [expect.stringContaining('ACwAAA456')] },
    });
    expect(findComposer(document)).toBeNull();
    expect(document.body.getAttribute('data-test-sent')).toBe('201');
  });

  test('3rd degree with a "People also viewed" aside holding a 1st-degree person; composer replaced on Send → paid', async () => {
    load('sales/lead-aside.html');
    const seen = watch();
    const sent = runPage(() => /Use 1 of 118/.test(findComposer(document)?.textContent ?? ''));
    $('[data-x--compose-send]').click();
    await tick();
    expect(seen.moments).toEqual([
      { surface: 'sales-navigator', inmail: true, cost: 'paid', recipient: 'Noor Haddad', credits: 118 },
    ]);
    // By the time the request started, the credit line was gone (the conversation view).
    expect(creates(sent)[0]?.composerThere).toBe(false);
    expect(findComposer(document)?.textContent).toMatch(/You sent a Sales Navigator message to Noor Haddad/);
  });

  test('Open Profile: "Free message" in the composer, which closes on Send → free-open-profile', async () => {
    load('sales/lead-open-profile.html');
    const seen = watch();
    const sent = runPage(() => findComposer(document) !== null);
    // A click on the label inside the Send button.
    $('[data-x--compose-send] span').click();
    await tick();
    expect(seen.moments).toEqual([
      { surface: 'sales-navigator', inmail: true, cost: 'free-open-profile', recipient: 'Lena Fischer' },
    ]);
    expect(creates(sent)).toHaveLength(1);
    expect(findComposer(document)).toBeNull();
  });

  test('the classic lead page (aria-label degree, credit line) → paid, 118', () => {
    load('sales/lead.html');
    const seen = watch();
    $('[data-x--compose-send]').click();
    expect(seen.moments).toEqual([
      { surface: 'sales-navigator', inmail: true, cost: 'paid', recipient: 'Sam Lee', credits: 118 },
    ]);
  });

  test.each([
    ['sales/lead-hidden-degree.html', 'free-connection'],
    ['sales/lead-aside.html', 'paid'],
    ['sales/lead-open-profile.html', 'free-open-profile'],
  ] as const)(
    '%s: Enter in the body and in the subject name the composer; Shift+Enter does not',
    (file, cost) => {
      load(file);
      const seen = watch();
      const composer = findComposer(document) as HTMLElement;
      enter(composer.querySelector('textarea') as HTMLElement, { shiftKey: true });
      expect(seen.composers).toEqual([]);
      enter(composer.querySelector('textarea') as HTMLElement);
      enter(composer.querySelector('input') as HTMLElement);
      expect(seen.composers).toEqual([composer, composer]);
      expect(seen.moments.map((m) => m.cost)).toEqual([cost, cost]);
    },
  );

  test('German: "Unterhaltung mit", "Senden", the German count, degree and free line', () => {
    const german = (text: string) =>
      text
        .replace('aria-label="Conversation with Noor Haddad"', 'aria-label="Unterhaltung mit Noor Haddad"')
        .replace('Use 1 of 118 InMail credits', '1 von 1.118 InMail-Guthaben verwenden')
        .replaceAll('3rd degree connection', 'Kontakt 3. Grades')
        .replace('data-x--compose-send>Send', 'data-x--compose-send>Senden');
    load('sales/lead-aside.html', german);
    const seen = watch();
    $('[data-x--compose-send]').click();
    expect(seen.moments).toEqual([
      { surface: 'sales-navigator', inmail: true, cost: 'paid', recipient: 'Noor Haddad', credits: 1118 },
    ]);
    // No credit line: the lead header's German degree decides.
    load('sales/lead-aside.html', (t) => german(t).replace('1 von 1.118 InMail-Guthaben verwenden', ''));
    const header = watch();
    $('[data-x--compose-send]').click();
    expect(header.moments[0]?.cost).toBe('paid');
    load('sales/lead-open-profile.html', (t) =>
      t
        .replace('aria-label="Conversation with Lena Fischer"', 'aria-label="Unterhaltung mit Lena Fischer"')
        .replace('<span>Free message</span>', '<span>Kostenlose Nachricht</span>')
        .replace('<span class="_label_1k2">Send</span>', '<span class="_label_1k2">Senden</span>'),
    );
    const free = watch();
    $('[data-x--compose-send] span').click();
    expect(free.moments[0]).toMatchObject({ cost: 'free-open-profile', recipient: 'Lena Fischer' });
  });
});

describe('never anyone else on the page', () => {
  const CREDIT_LINE = '<p class="_creditLine_8d3f t-12">Use 1 of 118 InMail credits</p>';
  const HEADER_DEGREE =
    /<span class="_degree_1tn4ub t-12">\s*<span aria-hidden="true">3rd<\/span>\s*<span class="a11y-text">3rd degree connection<\/span>\s*<\/span>/;

  test('without the credit line, the lead header (3rd) decides, not the 1st-degree person in the aside', () => {
    load('sales/lead-aside.html', (t) => t.replace(CREDIT_LINE, ''));
    const seen = watch();
    $('[data-x--compose-send]').click();
    expect(seen.moments).toEqual([
      { surface: 'sales-navigator', inmail: true, cost: 'paid', recipient: 'Noor Haddad' },
    ]);
  });

  test('with neither a credit line nor a header degree, the cost is unknown: never free from the aside', () => {
    const bare = (t: string) => t.replace(CREDIT_LINE, '').replace(HEADER_DEGREE, '');
    expect(bare(html('sales/lead-aside.html'))).not.toMatch(HEADER_DEGREE);
    load('sales/lead-aside.html', bare);
    const seen = watch();
    $('[data-x--compose-send]').click();
    expect(seen.moments).toEqual([
      { surface: 'sales-navigator', inmail: true, cost: null, recipient: 'Noor Haddad' },
    ]);
    // Even with the aside first in the page.
    load('sales/lead-aside.html', (t) => {
      const text = bare(t);
      const aside = /<aside[\s\S]*?<\/aside>/.exec(text)?.[0] as string;
      return text
        .replace(aside, '')
        .replace('<div class="_column_8k2j1">', `${aside}<div class="_column_8k2j1">`);
    });
    const first = watch();
    expect(document.querySelector('main [data-anonymize="person-name"]')?.textContent).toBe('Jonas Becker');
    $('[data-x--compose-send]').click();
    expect(first.moments[0]?.cost).toBeNull();
  });

  test('a lead header for someone else than the composer names does not count', () => {
    load('sales/lead-hidden-degree.html', (t) =>
      t.replace('aria-label="Conversation with Dana Ortiz"', 'aria-label="Conversation with Sam Lee"'),
    );
    const seen = watch();
    $('[data-x--compose-send]').click();
    expect(seen.moments).toEqual([
      { surface: 'sales-navigator', inmail: true, cost: null, recipient: 'Sam Lee' },
    ]);
  });

  test('off a lead page URL, the lead header is not read', () => {
    load('sales/lead-hidden-degree.html');
    setURL('https://www.linkedin.com/sales/home');
    const seen = watch();
    $('[data-x--compose-send]').click();
    expect(seen.moments[0]?.cost).toBeNull();
  });
});

describe('Sales Navigator inbox thread (a follow-up)', () => {
  test('the reply region names the composer; Send posts no recipients; 3rd degree → paid', async () => {
    load('sales/thread.html');
    const seen = watch();
    const region = $('[data-sn-view-name="thread"]');
    const sent = runPage(() => true);
    $('[data-x--compose-send]').click();
    await tick();
    expect(seen.composers).toEqual([region]);
    expect(seen.moments).toEqual([
      { surface: 'sales-navigator', inmail: true, cost: 'paid', recipient: 'Sam Lee' },
    ]);
    const [send] = creates(sent);
    expect(send).toBeDefined();
    const request = (send!.body as { createMessageRequest: Record<string, unknown> }).createMessageRequest;
    expect(request).toEqual({
      body: 'Thursday works, talk then.',
      trackingId: expect.any(String),
      copyToCrm: false,
      threadId: '2-TmV3VGhyZWFk',
    });
    expect(request.recipients).toBeUndefined();
    expect((request.trackingId as string).length).toBe(16);
    // Latin-1 bytes: control and non-ASCII characters, not text.
    const codes = [...(request.trackingId as string)].map((c) => c.charCodeAt(0));
    expect(codes.some((c) => c < 0x20 || c > 0x7e)).toBe(true);
    expect(codes.every((c) => c <= 0xff)).toBe(true);
    expect(document.body.getAttribute('data-test-sent')).toBe('201');
  });

  test('Enter in the reply box; the Attach button is not Send', () => {
    load('sales/thread.html');
    const seen = watch();
    $('[aria-label="Attach a file"]').click();
    expect(seen.composers).toEqual([]);
    enter($('[data-sn-view-name="thread"] textarea'));
    expect(seen.moments[0]?.cost).toBe('paid');
  });

  test('the thread list’s 1st-degree person and a message saying "Free message" do not count', () => {
    load('sales/thread.html', (t) =>
      t.replace(
        /<span class="_degree_1tn4ub t-12"><span aria-hidden="true">3rd<\/span><span class="_srOnly_4j2k9">3rd degree connection<\/span><\/span>/,
        '',
      ),
    );
    const seen = watch();
    expect(document.body.textContent).toMatch(/1st degree connection/);
    expect(document.body.textContent).toMatch(/Free message me/);
    $('[data-x--compose-send]').click();
    expect(seen.moments).toEqual([
      { surface: 'sales-navigator', inmail: true, cost: null, recipient: 'Sam Lee' },
    ]);
  });
});

describe('LinkedIn people search: the overlay InMail composer', () => {
  const bubble = () => $('.msg-overlay-conversation-bubble');

  test('Send in the overlay to Priya (3rd+) → paid, 45; the page’s own createMessage', async () => {
    load('search/people.html');
    const seen = watch();
    const sent = runPage(() => bubble() !== null);
    $('.msg-overlay-conversation-bubble button.msg-form__send-btn').click();
    await tick();
    expect(seen.composers[0]).toBe(bubble());
    // The click and the form's submit both name the composer: one reading each, the same.
    expect(new Set(seen.moments.map((m) => JSON.stringify(m))).size).toBe(1);
    expect(seen.moments[0]).toEqual({
      surface: 'messaging',
      inmail: true,
      cost: 'paid',
      recipient: 'Priya Natarajan',
      credits: 45,
    });
    const [send] = creates(sent);
    expect(send?.url).toBe('/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage');
    expect(send?.body).toMatchObject({
      message: { subject: 'Your lakehouse talk', body: { text: expect.stringContaining('Hi Priya') } },
      hostRecipientUrns: ['urn:li:fsd_profile:ACoAAPRIYA1'],
    });
    expect(document.body.getAttribute('data-test-sent')).toBe('201');
  });

  test('Enter in the body and the subject; not in the global search box; not the rows’ buttons', () => {
    load('search/people.html');
    const seen = watch();
    enter($('.search-global-typeahead__input'));
    $('[aria-label="Message Jonas Becker"]').click();
    $('[aria-label="Invite Marcus Chen to connect"]').click();
    expect(seen.composers).toEqual([]);
    enter($('.msg-form__contenteditable p'));
    enter($('input[name="subject"]'));
    expect(seen.composers).toEqual([bubble(), bubble()]);
    expect(seen.moments.every((m) => m.cost === 'paid' && m.credits === 45)).toBe(true);
  });

  test('a 1st-degree row (and an Open Profile row) never makes the overlay’s send free', () => {
    load('search/people.html');
    expect(document.querySelectorAll('.visually-hidden')).not.toHaveLength(0);
    expect(document.querySelector('main')?.textContent).toMatch(/1st degree connection[\s\S]*Open Profile/);
    const seen = watch();
    $('button.msg-form__send-btn').click();
    expect(seen.moments[0]?.cost).toBe('paid');
    // Even with the banner's count gone (a redesign): unknown, not free.
    load('search/people.html', (t) => t.replace('Use 1 of 45 InMail credits', ''));
    const bare = watch();
    $('button.msg-form__send-btn').click();
    expect(bare.moments[0]).toEqual({
      surface: 'messaging',
      inmail: true,
      cost: null,
      recipient: 'Priya Natarajan',
    });
  });

  test('"Free message" written in the message body or the subject does not make a paid InMail free', () => {
    load('search/people.html', (t) =>
      t
        .replace(
          '<p>Hi Priya, I found you searching for data platform leads. Open to a short chat?</p>',
          '<p>Free message</p><p>Hi Priya, this is a free message, no strings attached (Open Profile or not).</p>',
        )
        .replace('value="Your lakehouse talk"', 'value="Free message"'),
    );
    const seen = watch();
    expect(bubble().textContent).toMatch(/Free message/);
    $('button.msg-form__send-btn').click();
    expect(seen.moments[0]).toMatchObject({ cost: 'paid', credits: 45 });
  });

  test('"Free message" in the banner is an Open Profile send', () => {
    load('search/people.html', (t) => t.replace('Use 1 of 45 InMail credits', 'Free message'));
    const seen = watch();
    $('button.msg-form__send-btn').click();
    expect(seen.moments[0]).toEqual({
      surface: 'messaging',
      inmail: true,
      cost: 'free-open-profile',
      recipient: 'Priya Natarajan',
    });
  });

  test('a disabled Send (no text yet) is no send', () => {
    load('search/people.html', (t) =>
      t.replace('class="msg-form__send-btn artdeco-button artdeco-button--1" type="submit"', '$& disabled'),
    );
    const seen = watch();
    $('button.msg-form__send-btn').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(seen.composers).toEqual([]);
  });
});

describe('LinkedIn feed: a chat in the overlay', () => {
  test('a chat to a 1st-degree connection is not an InMail', async () => {
    load('feed/feed.html');
    const seen = watch();
    const sent = runPage(() => true);
    $('button.msg-form__send-btn').click();
    await tick();
    expect(seen.moments[0]).toEqual({
      surface: 'messaging',
      inmail: false,
      cost: null,
      recipient: 'Jonas Becker',
    });
    expect(creates(sent)[0]?.body).toMatchObject({
      message: { conversationUrn: expect.stringContaining('2-') },
    });
    expect(document.body.getAttribute('data-test-sent')).toBe('201');
  });

  test('Enter in the chat body; the post saying "Free message me" changes nothing', () => {
    load('feed/feed.html');
    const seen = watch();
    enter($('.msg-form__contenteditable'));
    expect(seen.moments).toEqual([
      { surface: 'messaging', inmail: false, cost: null, recipient: 'Jonas Becker' },
    ]);
  });
});

describe('LinkedIn messaging page and profile composers', () => {
  test('profile: the InMail bubble and the chat beside it', () => {
    setURL('https://www.linkedin.com/in/priya-natarajan/');
    const parsed = new DOMParser().parseFromString(html('messaging/profile.html'), 'text/html');
    document.documentElement.remove();
    document.appendChild(document.importNode(parsed.documentElement, true));
    stop = new AbortController();
    document.addEventListener('submit', (e) => e.preventDefault(), { signal: stop.signal });
    const seen = watch();
    $('[data-test-bubble="priya"] button.msg-form__send-btn').click();
    $('[data-test-bubble="zoe"] button.msg-form__send-btn').click();
    const [priya] = seen.moments;
    expect(priya).toMatchObject({ surface: 'messaging', inmail: true, cost: 'paid', credits: 45 });
    expect(seen.moments.at(-1)).toEqual({
      surface: 'messaging',
      inmail: false,
      cost: null,
      recipient: 'Zoë Zed',
    });
  });

  test('the /messaging page’s thread form (.msg-convo-wrapper)', () => {
    setURL('https://www.linkedin.com/messaging/thread/2-UHJpeWE/');
    document.body.innerHTML = `<main><div class="msg-convo-wrapper msg-thread">
      <h2 class="msg-entity-lockup__entity-title">Priya Natarajan</h2>
      <section class="msg-inmail-credits-display"><p>InMail credits: 4 left</p></section>
      <form class="msg-form"><input name="subject" value="Follow-up" />
        <div class="msg-form__contenteditable" contenteditable="true" aria-label="Write a message…"><p>Hi</p></div>
        <button class="msg-form__send-btn" type="submit">Send</button></form></div></main>`;
    stop = new AbortController();
    document.addEventListener('submit', (e) => e.preventDefault(), { signal: stop.signal });
    const seen = watch();
    $('button.msg-form__send-btn').click();
    expect(seen.composers[0]).toBe($('.msg-convo-wrapper'));
    expect(seen.moments[0]).toEqual({
      surface: 'messaging',
      inmail: true,
      cost: 'paid',
      recipient: 'Priya Natarajan',
      credits: 4,
    });
  });
});

describe('Recruiter', () => {
  test('Send in the compose dialog → paid, 87; free when it says so', () => {
    load('recruiter/profile.html');
    const seen = watch();
    $('[data-test-send]').click();
    expect(seen.moments).toEqual([
      { surface: 'recruiter', inmail: true, cost: 'paid', recipient: 'Alex Kim', credits: 87 },
    ]);
    load('recruiter/profile.html', (t) => t.replace('Use 1 of 87 InMail credits', 'This InMail is free'));
    const free = watch();
    enter($('.ql-editor'));
    expect(free.moments[0]).toMatchObject({ surface: 'recruiter', cost: 'free-open-profile' });
  });
});

describe('sendTrigger: what is not a send', () => {
  test('other keys, other events, clicks outside a composer', () => {
    load('sales/lead-aside.html');
    const composer = findComposer(document) as HTMLElement;
    const textarea = composer.querySelector('textarea') as HTMLElement;
    const key = (init: KeyboardEventInit) => {
      const event = new KeyboardEvent('keydown', { bubbles: true, ...init });
      let found: HTMLElement | null = null;
      textarea.addEventListener('keydown', (e) => (found = sendTrigger(e)), { once: true });
      textarea.dispatchEvent(event);
      return found;
    };
    expect(key({ key: 'a' })).toBeNull();
    expect(key({ key: 'Enter', shiftKey: true })).toBeNull();
    expect(key({ key: 'Enter' })).toBe(composer);
    const click = (el: Element) => {
      let found: HTMLElement | null = null;
      el.addEventListener('click', (e) => (found = sendTrigger(e)), { once: true });
      (el as HTMLElement).click();
      return found;
    };
    expect(click(composer.querySelector('._templates_8s2k') as Element)).toBeNull();
    expect(click($('[aria-label="Message Jonas Becker"]'))).toBeNull();
    expect(click($('[aria-label="Message Noor Haddad"]'))).toBeNull();
    expect(click($('[data-x--compose-send]'))).toBe(composer);
    expect(sendTrigger(new Event('focus'))).toBeNull();
  });
});

// Cross-negatives: the free words ("Open Profile", "Free message") are read only where they
// speak for this send. Each test puts them just outside that place, where a search widened by
// one step (the composer to the page, the banner to the whole composer) would find them, and,
// as its positive control, just inside it, where they must count.
describe('cross-negatives: where the free words are looked for', () => {
  /** The "People also viewed" rail without lists: its Open Profile badge a plain line on the page. */
  const railWithoutLists = (text: string) => {
    const aside = /<aside[\s\S]*?<\/aside>/.exec(text)?.[0] as string;
    const flat = aside
      .replace(/<ul\b[^>]*>/g, '<div>')
      .replace(/<\/ul>/g, '</div>')
      .replace(/<li\b[^>]*>/g, '<div>')
      .replace(/<\/li>/g, '</div>');
    return text.replace(aside, flat);
  };

  test('Sales Navigator: an Open Profile line elsewhere on the page (not in a list) leaves the send paid', () => {
    load('sales/lead-aside.html', railWithoutLists);
    const rail = $('aside');
    expect(rail.querySelector('ul, li, [role="list"]')).toBeNull();
    expect(rail.textContent).toMatch(/Open Profile/);
    const seen = watch();
    $('[data-x--compose-send]').click();
    expect(seen.moments).toEqual([
      { surface: 'sales-navigator', inmail: true, cost: 'paid', recipient: 'Noor Haddad', credits: 118 },
    ]);
  });

  test('Sales Navigator, positive control: the same line inside the composer makes it free', () => {
    load('sales/lead-aside.html', (t) =>
      railWithoutLists(t).replace(
        '<p class="_creditLine_8d3f t-12">Use 1 of 118 InMail credits</p>',
        '<p class="_creditLine_8d3f t-12">Open Profile</p>',
      ),
    );
    const seen = watch();
    $('[data-x--compose-send]').click();
    expect(seen.moments[0]).toMatchObject({ surface: 'sales-navigator', cost: 'free-open-profile' });
  });

  /** Priya's profile with `line` put where `where` says. */
  const priyaWith = (where: 'top card' | 'bubble header' | 'banner', line: string) => {
    setURL('https://www.linkedin.com/in/priya-natarajan/');
    let text = html('messaging/profile.html');
    if (where === 'top card')
      text = text.replace(
        '<section class="artdeco-card pv-top-card" data-view-name="profile-card">',
        `$&<span class="pv-top-card__badge">${line}</span>`,
      );
    else if (where === 'bubble header')
      text = text.replace(
        '<h2 class="msg-overlay-bubble-header__title t-14 t-bold">Priya Natarajan</h2>',
        `$&<p class="msg-overlay-bubble-header__subtitle t-12">${line}</p>`,
      );
    else text = text.replace('Use 1 of 45 InMail credits', line);
    const parsed = new DOMParser().parseFromString(text, 'text/html');
    document.documentElement.remove();
    document.appendChild(document.importNode(parsed.documentElement, true));
    stop = new AbortController();
    document.addEventListener('submit', (e) => e.preventDefault(), { signal: stop.signal });
    const bubble = $('[data-test-bubble="priya"]');
    expect(document.body.textContent).toContain(line);
    const seen = watch();
    $('[data-test-bubble="priya"] button.msg-form__send-btn').click();
    return { moment: seen.moments[0], chip: messagingCost(bubble), bubble };
  };

  test('LinkedIn messaging: an Open Profile mark on the profile page (outside the composer) leaves the InMail paid', () => {
    const { moment, chip } = priyaWith('top card', 'Open Profile');
    expect(moment).toMatchObject({ surface: 'messaging', inmail: true, cost: 'paid', credits: 45 });
    expect(chip).toBe('paid');
  });

  test('LinkedIn messaging: free words in the composer outside its credits banner leave the InMail paid', () => {
    const { moment, chip, bubble } = priyaWith('bubble header', 'Open Profile · Free message advocate');
    expect(bubble.querySelector('.msg-overlay-bubble-header')?.textContent).toMatch(/Open Profile/);
    expect(bubble.querySelector('.msg-inmail-credits-display')?.textContent).not.toMatch(/Open Profile|Free/);
    expect(moment).toMatchObject({ surface: 'messaging', inmail: true, cost: 'paid', credits: 45 });
    expect(chip).toBe('paid');
  });

  test('LinkedIn messaging, positive control: the same words in the banner make it free', () => {
    const { moment, chip } = priyaWith('banner', 'Open Profile · Free message advocate');
    expect(moment).toMatchObject({ surface: 'messaging', inmail: true, cost: 'free-open-profile' });
    expect(chip).toBe('free-open-profile');
  });
});
