// `ledger har --redact`: a copy safe to share that still reads to the same detections (DESIGN.md
// contract 5), on every HAR fixture, in-process.

import { describe, expect, test } from 'vitest';
import { readHar } from '../../../src/cli/har';
import { contentText, type Har, parseHar } from '../../../src/cli/har-file';
import { redactHar } from '../../../src/cli/har-redact';
import { Pseudonyms } from '../../../src/cli/pseudonyms';
import { har, SCENARIOS } from '../../fixtures/linkedin/har/build';

/** `who-is-us.har` needs to be told who we are; the others tell by themselves. */
const ACCOUNTS: Record<string, string> = { 'who-is-us.har': 'ACwAAAME0' };
const PERSONAL_KEYS = /^(firstName|lastName|fullName|headline|body|subject|text|title)$/;

/** Every string of a HAR, its JSON bodies opened, with the keys they sit under. */
function strings(
  value: unknown,
  key = '',
  under: string[] = [],
): { key?: string; under: string[]; s: string }[] {
  if (typeof value === 'string') {
    const opened = ['text'].includes(key) && /^[[{]/.test(value) ? parseOr(value) : undefined;
    return opened === undefined ? [{ key, under, s: value }] : strings(opened, '', []);
  }
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, key, under));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [{ under, s: k }, ...strings(v, k, [...under, k])]);
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A HAR with its base64 bodies decoded, so their strings can be looked at. */
function decoded(h: Har): Har {
  const copy = structuredClone(h);
  for (const e of copy.log.entries)
    if (e.response.content) e.response.content = { text: contentText(e.response.content) };
  return copy;
}

/** What must not survive: names, words, e-mail addresses, cookies and tokens, original ids. */
function secrets(h: Har): string[] {
  const all = strings(decoded(h));
  const words = all.filter(
    (x) =>
      x.key !== undefined &&
      !x.key.startsWith('$') &&
      x.under.some((k) => PERSONAL_KEYS.test(k)) &&
      !x.s.startsWith('urn:'),
  );
  const found = new Set(words.map((x) => x.s));
  type Pair = { name: string; value: string };
  for (const e of h.log.entries as unknown as {
    request: Record<string, Pair[]>;
    response: Record<string, Pair[]>;
  }[])
    for (const part of [e.request, e.response]) {
      for (const { name, value } of part.headers ?? [])
        if (/cookie|csrf|authorization|^x-li-/i.test(name)) found.add(value);
      for (const { value } of part.cookies ?? []) found.add(value);
    }
  for (const { s } of all)
    for (const m of s.matchAll(
      /[\w.+-]+@[\w-]+\.[\w.]+|\bA[CE][A-Za-z]AA\w+|\b2-[A-Za-z0-9_-]+|urn:li:member:\d+/g,
    ))
      found.add(m[0]);
  // Too short to be told from anything else ("R.", "…").
  return [...found].filter((s) => s.length >= 3);
}

const withoutIds = (d: Record<string, unknown>) => ({ ...d, id: 'id' in d ? '…' : undefined, threadId: '…' });

describe.each(Object.keys(SCENARIOS))('%s, redacted', (name) => {
  const original = har(SCENARIOS[name]!) as unknown as Har;
  const account = ACCOUNTS[name];
  const redacted = redactHar(original, account);
  const text = JSON.stringify(redacted.har);
  const before = readHar(original, account);
  const after = readHar(parseHar(text), redacted.account);

  test('reads to the same detections, ids aside, and the same endpoint figures', () => {
    expect(after.endpoints).toEqual(before.endpoints);
    expect(after.detections.map(withoutIds)).toEqual(before.detections.map(withoutIds));
  });

  test('every id is replaced by one fake, the same wherever it appears', () => {
    const pairs = new Map<string, string>();
    const ids = (d: object | undefined) => d as { id?: string; threadId?: string };
    before.detections.forEach((d, k) => {
      const twin = ids(after.detections[k]);
      for (const field of ['id', 'threadId'] as const) {
        const was = ids(d)[field];
        // A tracking id is the request's random bytes, not a person's: it stays.
        if (was === undefined || was.startsWith('tracking:')) continue;
        expect(twin[field]).not.toBe(was);
        expect(pairs.get(was) ?? twin[field]).toBe(twin[field]);
        pairs.set(was, twin[field] as string);
      }
    });
    expect(new Set(pairs.values()).size).toBe(pairs.size);
  });

  test('no name, message, e-mail address, cookie, token or original id is left', () => {
    const left = strings(redacted.har)
      .map((x) => x.s)
      .join('\n');
    const found = secrets(original);
    expect(found.length).toBeGreaterThan(3);
    for (const secret of found) expect(left, secret).not.toContain(secret);
  });
});

describe('Pseudonyms', () => {
  test('an id gets the same fake in a URN, a URL-encoded URN and a URL; padding and form are kept', () => {
    const p = new Pseudonyms();
    expect(p.inString('urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAME0001,2-UHJpeWE==)')).toBe(
      'urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAFake1,2-Fake1==)',
    );
    expect(
      p.inString('variables=(conversationUrn:urn%3Ali%3Afsd_profile%3AACoAAME0001%2C2-UHJpeWE%3D%3D)'),
    ).toBe('variables=(conversationUrn:urn%3Ali%3Afsd_profile%3AACoAAFake1%2C2-Fake1%3D%3D)');
    expect(p.inString('https://www.linkedin.com/messaging/thread/2-UHJpeWE/')).toBe(
      'https://www.linkedin.com/messaging/thread/2-Fake1/',
    );
    expect(p.inString('urn:li:fs_salesProfile:(ACwAAA123,NAME_SEARCH,abcd)')).toBe(
      'urn:li:fs_salesProfile:(ACwAAFake2,NAME_SEARCH,abcd)',
    );
  });

  test('e-mail addresses, member numbers and profile slugs, also URL-encoded', () => {
    const p = new Pseudonyms();
    expect(p.inString('mail dana.r+x@example.org or ?to=dana.r%2Bx%40example.org')).toBe(
      'mail person1@example.com or ?to=person2%40example.com',
    );
    expect(p.inString('urn:li:member:12345 urn%3Ali%3Amember%3A12345')).toBe(
      'urn:li:member:900000001 urn%3Ali%3Amember%3A900000001',
    );
    expect(
      p.inString('https://www.linkedin.com/in/dana-0001/ https%3A%2F%2Fwww.linkedin.com%2Fin%2Fdana-0001'),
    ).toBe('https://www.linkedin.com/in/member-1/ https%3A%2F%2Fwww.linkedin.com%2Fin%2Fmember-1');
  });

  test('words that are no ids stay', () => {
    expect(new Pseudonyms().inString('LSS_INMAIL 2026-11-20T09:00:00Z Q2-2026 x-li-track')).toBe(
      'LSS_INMAIL 2026-11-20T09:00:00Z Q2-2026 x-li-track',
    );
  });
});
