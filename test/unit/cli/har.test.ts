// `ledger har` as a user runs it (DESIGN.md contract 5): spawned, on the HAR fixtures that
// test/fixtures/linkedin/har/build.ts makes from the answer fixtures.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { har, SCENARIOS } from '../../fixtures/linkedin/har/build';

const ROOT = resolve(import.meta.dirname, '../../..');
const HARS = join(ROOT, 'test/fixtures/linkedin/har');
const dir = mkdtempSync(join(tmpdir(), 'ledger-har-'));

function ledger(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function read(name: string, ...options: string[]) {
  const r = ledger(['har', join(HARS, name), ...options]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

const figures = (endpoint: string, seen: number, read: number, problems: string[] = []) => ({
  endpoint,
  seen,
  read,
  problems,
});

describe('ledger har on the HAR fixtures', () => {
  test('the committed HARs are what build.ts makes from the answer fixtures today', () => {
    for (const [name, steps] of Object.entries(SCENARIOS))
      expect(JSON.parse(readFileSync(join(HARS, name), 'utf8')), name).toEqual(har(steps));
  });

  test('Sales Navigator: credits 118, one paid send of unknown cost, one reply refunding it', () => {
    expect(read('sales-send-then-inbox.har')).toEqual({
      detections: [
        // Listed after the send in the file, seen before it.
        {
          kind: 'balance',
          pool: 'sales-navigator',
          balance: 118,
          at: '2026-11-20T09:00:01.250Z',
          where: 'credits-api',
        },
        {
          kind: 'send',
          pool: 'sales-navigator',
          id: 'urn:li:fs_salesMessage:(2-TmV3VGhyZWFk,2-TWVzc2FnZQ)',
          threadId: '2-TmV3VGhyZWFk',
          // The moment the page saw the createMessage answer: the entry's start plus its time.
          at: '2026-11-20T09:01:00.250Z',
          cost: 'paid',
          costUnknown: true,
        },
        // The inbox shows the same InMail again (same id): still one send.
        {
          kind: 'response',
          pool: 'sales-navigator',
          id: 'urn:li:fs_salesMessage:(2-TmV3VGhyZWFk,2-UmVwbHk)',
          threadId: '2-TmV3VGhyZWFk',
          at: '2026-11-20T10:01:00.250Z',
          responseKind: 'reply',
        },
      ],
      // The inbox answer that failed (500) is touched, not seen; other traffic is not listed.
      endpoints: [
        figures('sales-credits', 1, 1),
        figures('sales-create-message', 1, 1),
        figures('sales-threads', 1, 1),
      ],
    });
  });

  test('a send known by its tracking id, then shown under its URN within 2 minutes: one send, the first', () => {
    const out = read('tracking-catch-up.har');
    expect(out.detections).toEqual([
      {
        kind: 'send',
        pool: 'sales-navigator',
        id: 'tracking:d312a07f6b01fee25a71009c1033c8ff',
        threadId: '2-TmV3VGhyZWFk',
        at: '2026-11-20T09:01:00.250Z',
        cost: 'paid',
        costUnknown: true,
      },
      {
        kind: 'response',
        pool: 'sales-navigator',
        id: 'urn:li:fs_salesMessage:(2-TmV3VGhyZWFk,2-UmVwbHk)',
        threadId: '2-TmV3VGhyZWFk',
        at: '2026-11-20T10:01:30.250Z',
        responseKind: 'reply',
      },
    ]);
    expect(out.endpoints).toEqual([figures('sales-create-message', 1, 1), figures('sales-threads', 1, 1)]);
  });

  test('messaging: a createMessage is read but is no send; a reply whose send is unknown waits', () => {
    expect(read('messaging-reply-only.har')).toEqual({
      detections: [
        {
          kind: 'response',
          id: 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAME0001,2-UHJpeWFSZXBseQ)',
          threadId: '2-UHJpeWE',
          at: '2026-11-20T11:50:00.250Z',
          responseKind: 'reply',
          waiting: true,
        },
      ],
      endpoints: [figures('voyager-conversations', 1, 1), figures('voyager-create-message', 1, 1)],
    });
  });

  test('messaging: the opened conversation shows our InMail, a catch-up send, and the reply stops waiting', () => {
    const out = read('messaging-open-thread.har');
    expect(out.detections).toEqual([
      {
        kind: 'response',
        id: 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAME0001,2-UHJpeWFSZXBseQ)',
        threadId: '2-UHJpeWE',
        at: '2026-11-20T09:51:00.250Z',
        responseKind: 'reply',
      },
      {
        kind: 'send',
        pool: 'premium',
        id: 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAME0001,2-UHJpeWFJbk1haWw)',
        threadId: '2-UHJpeWE',
        at: '2026-11-20T09:01:00.250Z',
        cost: 'paid',
        costUnknown: true,
      },
    ]);
    expect(out.endpoints).toEqual([
      figures('voyager-conversations', 1, 1),
      figures('voyager-messages', 1, 1),
      figures('voyager-create-message', 1, 1),
    ]);
  });

  test('answers we cannot read: no detection, each endpoint says why, each reason once with its count', () => {
    const out = read('unreadable.har');
    expect(out.detections).toEqual([]);
    expect(out.endpoints.map((e: { endpoint: string }) => e.endpoint)).toEqual([
      'sales-credits',
      'sales-inbox-conversations',
      'voyager-conversations',
    ]);
    const [credits, inbox, conversations] = out.endpoints;
    expect(credits).toEqual(figures('sales-credits', 1, 0, ['no InMail credit grant in the answer']));
    expect(inbox).toEqual(
      figures('sales-inbox-conversations', 1, 0, [
        'seen, not read: the shape of this answer is not known yet',
      ]),
    );
    expect(conversations).toMatchObject({ seen: 3, read: 0 });
    // The same unknown answer field in two answers: said once, with how many it hit.
    expect(conversations.problems).toContain(
      'answer field messengerThreadsByCategory not known (2 elements)',
    );
    expect(new Set(conversations.problems).size).toBe(conversations.problems.length);
  });
});

describe('--account: who is us when the HAR cannot tell', () => {
  test('without it, the thread gives nothing and says so', () => {
    expect(read('who-is-us.har')).toEqual({
      detections: [],
      endpoints: [figures('sales-threads', 1, 0, ['could not tell which participant is you'])],
    });
  });

  test.each([
    ['ACwAAAME0'],
    ['urn:li:fs_salesProfile:(ACwAAAME0,NAME_SEARCH,other-page-token)'],
    ['urn:li:member:12345'],
  ])('%s: our InMail and the reply', (account) => {
    const out = read('who-is-us.har', '--account', account);
    expect(out.detections.map((d: { kind: string; id: string }) => [d.kind, d.id])).toEqual([
      ['send', 'urn:li:fs_salesMessage:(2-U2FtZURlZ3JlZQ,2-SW5NYWls)'],
      ['response', 'urn:li:fs_salesMessage:(2-U2FtZURlZ3JlZQ,2-UmVwbHk)'],
    ]);
    expect(out.endpoints).toEqual([figures('sales-threads', 1, 1)]);
  });
});

describe('bad input: one line on stderr, exit code 2, nothing on stdout', () => {
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  test.each([
    [['har'], /no HAR file given/],
    [['har', '/nonexistent/x.har'], /cannot read '\/nonexistent\/x.har': ENOENT/],
    [['har', 'NOT-JSON'], /not-json.har: not JSON/],
    [['har', 'NOT-HAR'], /not-har.har: log.entries: missing \(not a HAR file\)/],
    [['har', 'NO-URL'], /no-url.har: log.entries\[0\].request.url: missing/],
    [
      ['har', 'HAR', '--account', 'dana'],
      /--account 'dana' is not an fs_salesProfile or fsd_profile URN, a profile id/,
    ],
    [['har', 'HAR', '--at', '2026-01-01T00:00:00Z'], /unknown option '--at'/],
  ])('%j', (args, message) => {
    const paths: Record<string, string> = {
      'NOT-JSON': write('not-json.har', '<html>'),
      'NOT-HAR': write('not-har.har', '{"format":"inmail-ledger"}'),
      'NO-URL': write(
        'no-url.har',
        JSON.stringify({ log: { entries: [{ request: { method: 'GET' }, response: { status: 200 } }] } }),
      ),
      HAR: join(HARS, 'who-is-us.har'),
    };
    const r = ledger(args.map((a) => paths[a] ?? a));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('--redact OUT.har', () => {
  test('writes a copy that reads to the same figures, prints the reading of the original', () => {
    const out = join(dir, 'redacted.har');
    const original = ledger(['har', join(HARS, 'sales-send-then-inbox.har')]);
    const r = ledger(['har', join(HARS, 'sales-send-then-inbox.har'), '--redact', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(original.stdout);
    const copy = JSON.parse(ledger(['har', out]).stdout);
    expect(copy.endpoints).toEqual(JSON.parse(original.stdout).endpoints);
    expect(copy.detections.map((d: { kind: string }) => d.kind)).toEqual(['balance', 'send', 'response']);
    expect(readFileSync(out, 'utf8')).not.toMatch(/Sam Lee|TmV3VGhyZWFk|li_at|example\.org/);
  });

  test('a copy that cannot be written: one line, exit code 2', () => {
    const r = ledger(['har', join(HARS, 'who-is-us.har'), '--redact', '/nonexistent/dir/out.har']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ledger: cannot write '\/nonexistent\/dir\/out.har': ENOENT\n$/);
  });
});
