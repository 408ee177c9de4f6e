// @vitest-environment happy-dom
// Fuzzing what LinkedIn hands us: answers made from every answer fixture by random edits
// (fields removed, retyped, reordered, wrapped, nested, huge, unicode, near-miss values, text
// cut short), through the tap's reader for their endpoint and through `readAnswer` for every
// endpoint, with a random composer reading at Send; pure junk and look-alike tap messages; and
// fixture pages with random elements, attributes and words removed, changed, moved or added,
// through the Send trigger, the send-moment reader and every other DOM reader. Nothing may
// throw, every detection must be valid, and junk must give nothing.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { creditCountIn } from '../../../src/linkedin/dom/credit-count';
import { personCards, personCost, readPerson } from '../../../src/linkedin/dom/person';
import {
  findRecruiterComposer,
  recruiterSaysSent,
  recruiterSendButton,
} from '../../../src/linkedin/dom/recruiter-composer';
import { readSendMoment, type SendMoment, sendTrigger } from '../../../src/linkedin/dom/send-moment';
import { ENDPOINT_KINDS, type EndpointKind, endpointOf } from '../../../src/linkedin/endpoints';
import { detectionsFromTap, type NetworkReader, tapMessageOf } from '../../../src/linkedin/network-reader';
import { type PageSide, readAnswer, type SentFromComposer } from '../../../src/linkedin/read/answer';
import { type Memory, newMemory, type Reading } from '../../../src/linkedin/read/reading';
import { type Detection, detectionSchema } from '../../../src/messages/detection';
import { ANSWERS, answerText } from '../../fixtures/linkedin/answers/load';

const NOW = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const SEEN = NOW + 5_000;
const PAGES_DIR = join(import.meta.dirname, '../../fixtures/linkedin');
const KINDS = new Set<string>(ENDPOINT_KINDS);
const PAIRED = new Set<string>(['sales-create-message', 'voyager-create-message']);

/** Every answer fixture there is, with its endpoint (its folder) and, for createMessage, its request. */
const SEEDS: { file: string; kind: EndpointKind; request: unknown; response: unknown }[] = (
  readdirSync(ANSWERS, { recursive: true, encoding: 'utf8' }) as string[]
)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => {
    const kind = file.split(/[/\\]/)[0] as EndpointKind;
    const body = JSON.parse(answerText(file, NOW)) as { request?: unknown; response?: unknown };
    return PAIRED.has(kind)
      ? { file, kind, request: body.request ?? null, response: body.response ?? null }
      : { file, kind, request: null, response: body };
  });

/** Values that look like LinkedIn's own, in the wrong place: they reach deeper into the readers. */
const nearMiss = fc.constantFrom(
  'urn:li:fsd_profile:ACoAAME0001',
  'urn:li:fsd_profile:ACoAAPRIYA1',
  'urn:li:fs_salesProfile:(ACwAAAME0,NAME_SEARCH,me00)',
  'urn:li:fs_salesProfile:(ACwAAA123,NAME_SEARCH,abcd)',
  'urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAME0001,2-UHJpeWE)',
  'urn:li:msg_message:(urn:li:fsd_profile:ACoAAME0001,2-eA)',
  'urn:li:messagingThread:2-UHJpeWE',
  'urn:li:fs_salesMessage:(2-TmV3VGhyZWFk,2-eA)',
  'urn:li:member:12345',
  '*urn:li:fsd_profile:ACoAAME0001',
  'SELF',
  'OUT_OF_NETWORK',
  'LSS_INMAIL',
  'INMAIL',
  'SPONSORED_INMAIL',
  'SALES_INMAIL',
  'ACCEPTED',
  'DECLINED',
  'PENDING',
  'MEMBER_TO_MEMBER',
  'MESSAGE',
  '2-UHJpeWE',
  NOW,
  NOW + 86_400_000,
  8.64e15 + 1,
  -NOW,
  100_001,
  'x'.repeat(301),
);

const junkValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constant('x'.repeat(200_000)),
  fc.constantFrom(-1, 1.5, 1e308, Number.MAX_SAFE_INTEGER + 2, 0, null, true, '', [], {}),
  nearMiss,
);

type Edit = { at: number; op: 'delete' | 'replace' | 'wrap' | 'reorder' | 'nest'; value: unknown };
const edit: fc.Arbitrary<Edit> = fc.record({
  // Unbiased: small numbers would mostly hit the answer's root and leave nothing to read.
  at: fc.noBias(fc.nat()),
  op: fc.constantFrom('delete', 'replace', 'wrap', 'reorder', 'nest'),
  value: junkValue,
});

/** Every container in a JSON tree, to pick one to edit. */
function containers(root: unknown, out: (Record<string, unknown> | unknown[])[] = []) {
  if (typeof root === 'object' && root !== null) {
    out.push(root as Record<string, unknown>);
    for (const child of Object.values(root)) containers(child, out);
  }
  return out;
}

function mutate(seed: unknown, edits: Edit[]): unknown {
  const root = structuredClone(seed);
  for (const e of edits) {
    const all = containers(root);
    if (all.length === 0) break;
    const target = all[e.at % all.length] as Record<string, unknown>;
    const keys = Object.keys(target);
    const key = keys[e.at % Math.max(keys.length, 1)];
    if (key === undefined) continue;
    if (e.op === 'delete') delete target[key];
    else if (e.op === 'replace') target[key] = e.value;
    else if (e.op === 'wrap') target[key] = [target[key]];
    else if (e.op === 'nest') target[key] = { value: target[key], junk: e.value };
    else {
      const entries = Object.entries(target).reverse();
      for (const k of keys) delete target[k];
      for (const [k, val] of entries) target[k] = val;
    }
  }
  return root;
}

/** What a composer may show at Send, as readSendMoment gives it (a name of at most 200). */
const moment: fc.Arbitrary<SentFromComposer | null> = fc.option(
  fc.record(
    {
      inmail: fc.boolean(),
      cost: fc.constantFrom('paid', 'free-connection', 'free-open-profile', null),
      recipient: fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => s.slice(0, 200)),
        fc.constantFrom('Priya Natarajan', 'Sam Lee', ' ', 'x'.repeat(200)),
      ),
    },
    { requiredKeys: ['inmail', 'cost'] },
  ),
  { nil: null },
);

function pageSide(sent: SentFromComposer | null): PageSide {
  return {
    takeSend: () => sent,
    recruiterCost: (cost) => {
      expect([0, 1]).toContain(cost);
    },
  };
}

/** A page's memory, empty or knowing who we are and our InMail threads (the fixtures' people). */
function memoryOf(primed: boolean): Memory {
  const memory = newMemory();
  if (primed) {
    memory.me.add('ACoAAME0001');
    memory.me.add('ACwAAAME0');
    memory.members.add('urn:li:member:12345');
    memory.threads.set('2-UHJpeWE', { pool: 'premium', sentAt: NOW - 3_600_000 });
    memory.threads.set('2-TmV3VGhyZWFk', { pool: 'sales-navigator', sentAt: NOW - 120_000 });
    memory.threads.set('2-U2FtTGVl', { pool: null, sentAt: NOW - 172_800_000 });
    memory.liveSends.push({ id: 'urn:li:msg_message:(x,2-eA)', threadId: '2-UHJpeWE', at: NOW - 3_600_000 });
  }
  return memory;
}

function reader(sent: SentFromComposer | null, primed = false) {
  const notes: [EndpointKind, unknown, number][] = [];
  const r: NetworkReader & { notes: typeof notes } = {
    memory: memoryOf(primed),
    page: pageSide(sent),
    notes,
    noteHealth: (endpoint, problems, at) => {
      notes.push([endpoint, problems, at]);
    },
  };
  return r;
}

function valid(detections: Detection[]): void {
  for (const d of detections) {
    const parsed = v.safeParse(detectionSchema, d);
    expect(parsed.success, JSON.stringify(parsed.issues?.[0]?.message) + JSON.stringify(d)).toBe(true);
  }
}

/** A reading's problems are what health can show: a reason each, said once, with a positive count. */
function wellFormed(reading: Reading): void {
  expect(Number.isSafeInteger(reading.elements) && reading.elements >= 0).toBe(true);
  const reasons = reading.problems.map((p) => p.reason);
  expect(new Set(reasons).size).toBe(reasons.length);
  for (const p of reading.problems) {
    expect(typeof p.reason === 'string' && p.reason.length > 0).toBe(true);
    expect(Number.isSafeInteger(p.count) && p.count > 0).toBe(true);
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

let detected = 0;

describe('fuzzed answers', () => {
  test('the seeds: every answer fixture, every endpoint that is read', () => {
    for (const seed of SEEDS) expect(KINDS.has(seed.kind), seed.file).toBe(true);
    const seen = new Set(SEEDS.map((s) => s.kind));
    for (const kind of ENDPOINT_KINDS)
      if (kind !== 'sales-inbox-conversations' && kind !== 'recruiter-other') expect(seen).toContain(kind);
  });

  test('5,000 mutated LinkedIn answers: nothing throws, every detection is valid, health always noted', () => {
    fc.assert(
      fc.property(
        fc.noBias(fc.nat(SEEDS.length - 1)),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('response', 'response', 'request'),
        fc.oneof({ arbitrary: fc.constant(null), weight: 9 }, { arbitrary: fc.noBias(fc.nat()), weight: 1 }),
        moment,
        fc.boolean(),
        (k, edits, where, cut, sent, primed) => {
          const seed = SEEDS[k] as (typeof SEEDS)[number];
          const mutated = where === 'request' && seed.request !== null;
          const request = mutated ? mutate(seed.request, edits) : seed.request;
          let response = text(mutated ? seed.response : mutate(seed.response, edits));
          // Some answers arrive cut short.
          if (cut !== null) response = response.slice(0, cut % (response.length + 1));
          const requestText = request === null ? null : text(request);

          const r = reader(sent, primed);
          const found = detectionsFromTap(
            { kind: seed.kind, status: 200, request: requestText, response },
            r,
            SEEN,
          );
          valid(found);
          detected += found.length;
          expect(r.notes).toHaveLength(1);
          expect(r.notes[0]?.[0]).toBe(seed.kind);

          // Read as every endpoint: a HAR or a misrouted answer must be as safe.
          for (const endpoint of ENDPOINT_KINDS) {
            const reading = readAnswer(
              { endpoint, status: 200, request: requestText, response, seenAt: SEEN },
              memoryOf(primed),
              pageSide(sent),
            );
            valid(reading.detections);
            wellFormed(reading);
          }
        },
      ),
      { numRuns: 5000 },
    );
    // Most edits leave something readable: the readers were reached, not just their guards.
    expect(detected).toBeGreaterThan(1000);
  }, 300_000);

  test('4,000 junk answers and look-alike messages: nothing throws, nothing is detected', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ENDPOINT_KINDS),
        junkValue,
        junkValue,
        fc.oneof(fc.constant(200), fc.integer({ min: -5, max: 700 })),
        moment,
        fc.boolean(),
        fc.nat(),
        (kind, request, response, status, sent, primed, pick) => {
          // Bodies that are not JSON at all, or JSON of any other shape; any status.
          const body = text(response);
          const requestText = request === null ? null : text(request);
          const r = reader(sent, primed);
          expect(detectionsFromTap({ kind, status, request: requestText, response: body }, r, SEEN)).toEqual(
            [],
          );
          expect(r.notes).toHaveLength(status >= 200 && status < 300 ? 1 : 0);
          for (const endpoint of ENDPOINT_KINDS) {
            const reading = readAnswer(
              { endpoint, status, request: requestText, response: body, seenAt: SEEN },
              memoryOf(primed),
              pageSide(sent),
            );
            expect(reading.detections).toEqual([]);
            wellFormed(reading);
          }

          // The junk itself as a message is no message.
          const quiet = reader(sent, primed);
          expect(detectionsFromTap(response, quiet, SEEN)).toEqual([]);
          expect(detectionsFromTap(request, quiet, SEEN)).toEqual([]);
          expect(quiet.notes).toEqual([]);

          // A real answer in a message that is not the tap's shape is ignored, whatever it holds.
          const seed = SEEDS[pick % SEEDS.length] as (typeof SEEDS)[number];
          const real = {
            kind: seed.kind,
            status: 200,
            request: seed.request === null ? null : text(seed.request),
            response: text(seed.response),
          };
          const lookAlikes: unknown[] = [
            { ...real, kind: typeof response === 'string' && !KINDS.has(response) ? response : 'voyager-me' },
            { ...real, status: String(real.status) },
            { ...real, response: seed.response },
            { ...real, request: typeof request === 'string' || request === null ? 42 : request },
            { kind: real.kind, status: real.status, request: real.request },
            { kind: real.kind, response: real.response, request: real.request },
            [real],
            { data: real },
            { ...real, status: status >= 200 && status < 300 ? 404 : status },
          ];
          if (typeof response !== 'string' && response !== null) lookAlikes.push({ ...real, response });
          for (const message of lookAlikes) {
            const fresh = reader(sent, primed);
            expect(detectionsFromTap(message, fresh, SEEN)).toEqual([]);
            expect(fresh.notes).toEqual([]);
          }
          // An extra field changes nothing: the message is read for what the tap's fields say.
          expect(tapMessageOf({ ...real, source: response })).not.toBeNull();

          // Look-alike URLs: never a throw, never a kind for another host.
          const url = `${text(request).slice(0, 40)}/sales-api/salesApiCredits?${body.slice(0, 40)}`;
          const found = endpointOf(text(response).slice(0, 10), url);
          expect(found === null || KINDS.has(found)).toBe(true);
          expect(endpointOf('GET', `https://evil.example/${body.slice(0, 60)}salesApiCredits`)).toBeNull();
        },
      ),
      { numRuns: 4000 },
    );
  }, 300_000);
});

/** The fixture pages, whatever there are, at real-looking URLs (the readers look at the path). */
const PAGE_URLS: Record<string, string> = {
  'sales/lead.html': 'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abcd',
  'sales/lead-hidden-degree.html': 'https://www.linkedin.com/sales/lead/ACwAAA456,NAME_SEARCH,efgh',
  'sales/lead-aside.html': 'https://www.linkedin.com/sales/lead/ACwAAA789,NAME_SEARCH,ijkl',
  'sales/lead-open-profile.html': 'https://www.linkedin.com/sales/lead/ACwAAA654,NAME_SEARCH,mnop',
  'sales/thread.html': 'https://www.linkedin.com/sales/inbox/2-TmV3VGhyZWFk',
  'sales/inbox.html': 'https://www.linkedin.com/sales/inbox',
  'sales/search.html': 'https://www.linkedin.com/sales/search/people?query=x',
  'messaging/profile.html': 'https://www.linkedin.com/in/priya-natarajan/',
  'messaging/messaging.html': 'https://www.linkedin.com/messaging/thread/2-UHJpeWE/',
  'search/people.html': 'https://www.linkedin.com/search/results/people/?keywords=data%20platform',
  'feed/feed.html': 'https://www.linkedin.com/feed/',
  'recruiter/profile.html': 'https://www.linkedin.com/talent/profile/AEMAAALEX',
};
const PAGES = ['sales', 'messaging', 'recruiter', 'search', 'feed'].flatMap((dir) =>
  readdirSync(join(PAGES_DIR, dir))
    .filter((f) => f.endsWith('.html'))
    .map((f) => `${dir}/${f}`),
);
const PAGE_TEXT = new Map(PAGES.map((p) => [p, readFileSync(join(PAGES_DIR, p), 'utf8')]));

/** LinkedIn-looking pieces to drop into a page: composers, marks and words in the wrong places. */
const SNIPPETS = [
  '<section role="dialog" aria-label="Conversation with Sam Lee"><p>Use 1 of 99 InMail credits</p><button>Send</button></section>',
  '<div role="region" aria-label="Unterhaltung mit Sam"><button aria-label="Senden"></button></div>',
  '<span aria-label="1st degree connection">1st</span>',
  '<span>2nd</span><span class="visually-hidden">2nd degree connection</span>',
  '<li>Open Profile</li>',
  '<p>Free message</p>',
  '<section class="msg-inmail-credits-display">InMail credits: 12 left</section>',
  '<input name="subject" type="text">',
  '<div class="msg-form__contenteditable" contenteditable="true"></div>',
  '<button class="msg-form__send-btn" type="submit"></button>',
  '<form><textarea></textarea><button type="submit">Send</button></form>',
  '<div role="dialog" aria-label="Send InMail to Alex"><p>InMail: 3 of 87</p><button>Send InMail</button></div>',
  '<div role="status">Message sent</div>',
  '<span data-anonymize="person-name">Sam Lee</span>',
  '<header><span data-anonymize="person-name">Sam Lee</span><span aria-label="3rd degree connection">3rd</span></header>',
  '<ul><li>Free message from someone else</li></ul>',
];

type PageEdit = {
  at: number;
  to: number;
  op: 'remove' | 'strip' | 'text' | 'label' | 'inject' | 'move';
  text: string;
};
const pageEdit: fc.Arbitrary<PageEdit> = fc.record({
  at: fc.nat(),
  to: fc.nat(),
  op: fc.constantFrom('remove', 'strip', 'text', 'label', 'inject', 'move'),
  text: fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.constantFrom('Send', 'Senden', 'Free message', 'Open Profile', '1st', 'Use 1 of 150 InMail credits'),
    fc.constant('x'.repeat(1_000)),
  ),
});

/** happy-dom's own hook: the page's URL (a DOMParser document takes its window's). */
const setURL = (url: string) =>
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);

function checkMoment(m: SendMoment): void {
  expect(['sales-navigator', 'messaging', 'recruiter']).toContain(m.surface);
  expect(typeof m.inmail).toBe('boolean');
  if (m.surface !== 'messaging') expect(m.inmail).toBe(true);
  expect([null, 'paid', 'free-connection', 'free-open-profile']).toContain(m.cost);
  if (m.recipient !== undefined)
    expect(typeof m.recipient === 'string' && m.recipient.length <= 200).toBe(true);
  if (m.credits !== undefined) expect(Number.isSafeInteger(m.credits) && m.credits >= 0).toBe(true);
}

/** A moment the DOM gave, paired with a real send: the detection it makes must be valid. */
function sendWith(m: SendMoment): void {
  for (const file of ['sales-create-message/lead-flat.json', 'voyager-create-message/inmail-first.json']) {
    const kind = file.split('/')[0] as EndpointKind;
    const body = JSON.parse(answerText(file, NOW)) as { request: unknown; response: unknown };
    const reading = readAnswer(
      {
        endpoint: kind,
        status: 200,
        request: JSON.stringify(body.request),
        response: JSON.stringify(body.response),
        seenAt: SEEN,
      },
      newMemory(),
      { takeSend: () => m },
    );
    valid(reading.detections);
  }
}

describe('fuzzed pages', () => {
  test('1,000 fixture pages with elements, attributes and words removed, changed, moved or added: every reader answers', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(10);
    // Composers named by the page's own clicks, keys and submits (not the forced reads below).
    let triggered = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...PAGES),
        fc.array(pageEdit, { minLength: 1, maxLength: 8 }),
        (path, edits) => {
          setURL(PAGE_URLS[path] ?? `https://www.linkedin.com/${path.replace(/\.html$/, '/')}`);
          const doc = new DOMParser().parseFromString(PAGE_TEXT.get(path) as string, 'text/html');
          for (const e of edits) {
            const all = doc.body.querySelectorAll('*');
            if (all.length === 0) break;
            const el = all[e.at % all.length] as HTMLElement;
            if (e.op === 'remove') el.remove();
            else if (e.op === 'strip') for (const a of [...el.attributes]) el.removeAttribute(a.name);
            else if (e.op === 'text') el.textContent = e.text;
            else if (e.op === 'label') el.setAttribute('aria-label', e.text);
            else if (e.op === 'inject')
              el.insertAdjacentHTML('beforeend', SNIPPETS[e.to % SNIPPETS.length] as string);
            else {
              const to = all[e.to % all.length] as HTMLElement;
              if (!el.contains(to)) to.appendChild(el);
            }
          }

          // The Send trigger and the moment's reading, as the content script runs them: capture
          // phase, on every click, Enter and submit on the page.
          const read: SendMoment[] = [];
          const onEvent = (event: Event) => {
            const composer = sendTrigger(event);
            if (event.type !== 'keydown') event.preventDefault(); // never submit a form
            if (composer === null) return;
            expect(composer.ownerDocument).toBe(doc);
            triggered++;
            read.push(readSendMoment(composer, doc));
          };
          for (const type of ['click', 'keydown', 'submit']) doc.addEventListener(type, onEvent, true);
          for (const button of doc.querySelectorAll('button, input[type="submit"], [role="button"]'))
            button.dispatchEvent(
              new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }),
            );
          for (const field of doc.querySelectorAll('textarea, input, [contenteditable]'))
            field.dispatchEvent(
              new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, composed: true }),
            );
          for (const form of doc.querySelectorAll('form'))
            form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
          // And every element read as a composer, whatever it is.
          const all = doc.body.querySelectorAll<HTMLElement>('*');
          for (let i = 0; i < 3 && all.length > 0; i++)
            read.push(readSendMoment(all[((edits[0]?.at ?? 0) * (i + 1)) % all.length] as HTMLElement, doc));
          for (const m of read) {
            checkMoment(m);
            sendWith(m);
          }

          const credits = creditCountIn(doc.body);
          expect(credits === null || (Number.isSafeInteger(credits) && credits >= 0)).toBe(true);
          for (const kind of ['sales-lead', 'sales-search'] as const)
            for (const card of personCards(doc, kind)) {
              const person = readPerson(card);
              expect([null, 1, 2, 3]).toContain(person.degree);
              expect(person.name === undefined || person.name.length <= 200).toBe(true);
              expect([null, 'paid', 'free-connection', 'free-open-profile']).toContain(personCost(person));
            }
          for (const el of [...doc.querySelectorAll<HTMLElement>('section, header, li')].slice(0, 10))
            personCost(readPerson(el));
          const recruiter = findRecruiterComposer(doc);
          if (recruiter) expect(recruiterSendButton(recruiter)).not.toBeNull();
          expect(typeof recruiterSaysSent(doc)).toBe('boolean');
        },
      ),
      { numRuns: 1000 },
    );
    // The pages' composers were found by their Send, Enter and submit and read, not skipped
    // (the three forced reads per page above do not count).
    console.log(`fuzzed pages: ${triggered} sends named by the page's own events in 1,000 pages`);
    expect(triggered).toBeGreaterThan(500);
  }, 300_000);
});
