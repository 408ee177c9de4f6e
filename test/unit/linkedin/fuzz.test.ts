// @vitest-environment happy-dom
// Fuzzing what LinkedIn hands us: payloads made from the fixtures by random edits (fields
// removed, retyped, reordered, huge, unicode, nested junk) and pure junk, through every
// parser and detector; fixture pages with random elements, attributes and words removed or
// changed, through every DOM reader. Nothing may throw, every detection must be valid, and
// junk must give nothing.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import {
  composerCredits,
  composerRecipient,
  composerSendButton,
  findComposer,
} from '../../../src/linkedin/dom/composer';
import { creditCountIn } from '../../../src/linkedin/dom/credit-count';
import {
  isInmailComposer,
  messagingComposers,
  messagingCost,
  messagingCredits,
  messagingRecipient,
} from '../../../src/linkedin/dom/messaging-composer';
import { personCards, personCost, readPerson } from '../../../src/linkedin/dom/person';
import { findRecruiterComposer, recruiterSaysSent } from '../../../src/linkedin/dom/recruiter-composer';
import { sendCostFromPage } from '../../../src/linkedin/dom/send-cost';
import type { EndpointKind } from '../../../src/linkedin/endpoints';
import { detectionsFrom, type PageContext } from '../../../src/linkedin/network-detector';
import { detectionSchema } from '../../../src/messages/detection';

const NOW = 1_767_225_600_000;
const read = (path: string) =>
  readFileSync(join(import.meta.dirname, '../../fixtures/linkedin', path), 'utf8');
const timed = (text: string) =>
  text.replace(/"%NOW(?:-(\d+))?%"/g, (_, minus) => String(NOW - Number(minus ?? 0)));
const json = (path: string) => JSON.parse(timed(read(path)));

const profile = new DOMParser().parseFromString(read('messaging/profile.html'), 'text/html');
const inmailComposer = messagingComposers(profile)[0] as HTMLElement;
const page: PageContext = { doc: profile, randomId: () => 'fuzz', sendingComposer: () => inmailComposer };

/** Each endpoint with a real request and response to mutate. */
const SEEDS: { kind: EndpointKind; request: unknown; response: unknown }[] = [
  { kind: 'sales-credits', request: null, response: json('api/sales-credits.json') },
  {
    kind: 'sales-create-message',
    request: {
      createMessageRequest: { recipients: ['urn:li:fs_salesProfile:(A,NAME_SEARCH,b)'], trackingId: 't' },
    },
    response: json('api/sales-create-message.json'),
  },
  { kind: 'sales-threads', request: null, response: json('api/sales-threads.json') },
  { kind: 'voyager-conversations', request: null, response: json('api/voyager-conversations.json') },
  {
    kind: 'voyager-create-message',
    request: { message: { originToken: 'o' }, mailboxUrn: 'urn:li:fsd_profile:ACoAAME0001', trackingId: 't' },
    response: json('api/voyager-create-message.json'),
  },
  { kind: 'recruiter-inmail-cost', request: null, response: json('api/recruiter-inmail-cost.json') },
];

const junkValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constant('x'.repeat(200_000)),
  fc.constantFrom(-1, 1.5, 1e308, Number.MAX_SAFE_INTEGER + 2, 0, null, true, '', [], {}),
);

type Edit = { at: number; op: 'delete' | 'replace' | 'wrap' | 'reorder' | 'nest'; value: unknown };
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
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

function tap(kind: EndpointKind, request: unknown, response: unknown) {
  return {
    source: 'inmail-ledger-tap',
    kind,
    status: 200,
    request: request === null ? null : JSON.stringify(request),
    response: typeof response === 'string' ? response : JSON.stringify(response),
  };
}

let cases = 0;

describe('fuzzed payloads', () => {
  test('5,000 mutated LinkedIn payloads: nothing throws, every detection is valid', () => {
    fc.assert(
      fc.property(
        fc.nat(SEEDS.length - 1),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (k, edits, onRequest) => {
          cases++;
          const seed = SEEDS[k] as (typeof SEEDS)[number];
          const request = onRequest && seed.request !== null ? mutate(seed.request, edits) : seed.request;
          const response = onRequest ? seed.response : mutate(seed.response, edits);
          const found = detectionsFrom(tap(seed.kind, request, response), page);
          for (const d of found) expect(v.safeParse(detectionSchema, d).success).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  }, 120_000);

  test('4,000 junk payloads and look-alike messages: nothing throws, nothing is detected', () => {
    const kinds = SEEDS.map((s) => s.kind);
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        junkValue,
        junkValue,
        fc.oneof(fc.constant(200), fc.integer({ min: -5, max: 700 })),
        (kind, request, response, status) => {
          cases++;
          // Bodies that are not JSON at all, or JSON of any other shape.
          const text = typeof response === 'string' ? response : JSON.stringify(response);
          expect(detectionsFrom({ ...tap(kind, request, text), status }, page)).toEqual([]);
          expect(detectionsFrom(response, page)).toEqual([]);
          // A message whose fields are not the tap's shape is ignored whatever it holds.
          if (typeof response !== 'string' || status !== 200)
            expect(
              detectionsFrom({ source: 'inmail-ledger-tap', kind, status, request, response }, page),
            ).toEqual([]);
        },
      ),
      { numRuns: 4000 },
    );
  }, 120_000);
});

const PAGES = [
  'sales/lead.html',
  'sales/inbox.html',
  'sales/search.html',
  'messaging/profile.html',
  'recruiter/profile.html',
];

describe('fuzzed pages', () => {
  test('1,000 fixture pages with elements, attributes and words removed or changed: every reader answers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PAGES),
        fc.array(
          fc.record({
            at: fc.nat(),
            op: fc.constantFrom('remove', 'strip', 'text', 'label'),
            text: fc.string({ unit: 'grapheme', maxLength: 30 }),
          }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (path, edits) => {
          cases++;
          const doc = new DOMParser().parseFromString(read(path), 'text/html');
          for (const e of edits) {
            const all = doc.body.querySelectorAll('*');
            if (all.length === 0) break;
            const el = all[e.at % all.length] as HTMLElement;
            if (e.op === 'remove') el.remove();
            else if (e.op === 'strip') for (const a of [...el.attributes]) el.removeAttribute(a.name);
            else if (e.op === 'text') el.textContent = e.text;
            else el.setAttribute('aria-label', e.text);
          }
          const composer = findComposer(doc);
          if (composer) {
            const credits = composerCredits(composer);
            expect(credits === null || Number.isSafeInteger(credits)).toBe(true);
            composerRecipient(composer);
            composerSendButton(composer);
          }
          expect(['paid', 'free-connection', 'free-open-profile']).toContain(sendCostFromPage(doc));
          creditCountIn(doc.body);
          for (const c of messagingComposers(doc)) {
            isInmailComposer(c);
            expect([null, 'paid', 'free-open-profile']).toContain(messagingCost(c));
            messagingCredits(c);
            messagingRecipient(c);
          }
          for (const kind of ['sales-lead', 'sales-search'] as const)
            for (const card of personCards(doc, kind)) {
              const person = readPerson(card);
              expect([null, 1, 2, 3]).toContain(person.degree);
              personCost(person);
            }
          findRecruiterComposer(doc);
          recruiterSaysSent(doc);
        },
      ),
      { numRuns: 1000 },
    );
    expect(cases).toBeGreaterThanOrEqual(10_000);
  }, 120_000);
});
