// The `ledger` command as a user runs it (DESIGN.md contract 2): spawned, with files on disk.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { shuffled } from '../ledger/arbitraries';

const ROOT = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function ledger(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const file = {
  format: 'inmail-ledger',
  version: 1,
  seats: [
    {
      id: 'sn',
      label: 'Dana — Sales Navigator',
      plan: 'sales-navigator-core',
      since: '2026-01-15T09:00:00+01:00',
      timeZone: 'Europe/Berlin',
    },
    {
      id: 'pb',
      label: 'Dana — Premium',
      plan: 'premium-business',
      since: '2026-02-03T00:00:00-05:00',
      grantDay: 3,
      timeZone: 'America/New_York',
    },
  ],
  events: shuffled(
    [
      { id: 'o', seat: 'sn', type: 'opening-balance', at: '2026-01-15T09:00:00+01:00', balance: 140 },
      { id: 'm1', seat: 'sn', type: 'inmail-sent', at: '2026-02-20T10:00:00Z', threadId: 't1', cost: 'paid' },
      { id: 'm2', seat: 'sn', type: 'inmail-sent', at: '2026-02-21T10:00:00Z', threadId: 't2', cost: 'paid' },
      {
        id: 'm3',
        seat: 'sn',
        type: 'inmail-sent',
        at: '2026-02-22T10:00:00Z',
        threadId: 't3',
        cost: 'free-open-profile',
      },
      {
        id: 'r1',
        seat: 'sn',
        type: 'reply-received',
        at: '2026-02-23T10:00:00Z',
        threadId: 't1',
        kind: 'accepted',
      },
      { id: 'b1', seat: 'sn', type: 'observed-balance', at: '2026-02-24T10:00:00Z', balance: 140 },
      { id: 'q1', seat: 'pb', type: 'inmail-sent', at: '2026-02-10T15:00:00Z', threadId: 'u1', cost: 'paid' },
    ],
    7,
  ),
};
const path = join(dir, 'ledger.json');

beforeAll(() => {
  writeFileSync(path, JSON.stringify(file));
});

describe('ledger summary', () => {
  test('prints one summary per seat, in file order, with every field of the contract', () => {
    const { code, stdout, stderr } = ledger(['summary', path, '--at', '2026-02-25T13:00:00+01:00']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['seats']);
    expect(out.seats.map((s: { seat: string }) => s.seat)).toEqual(['sn', 'pb']);
    for (const s of out.seats) {
      expect(Object.keys(s).sort()).toEqual(
        [
          'at',
          'available',
          'expiring',
          'forecast',
          'lots',
          'nextGrant',
          'observed',
          'overdraft',
          'pendingRefunds',
          'seat',
          'stats',
        ].sort(),
      );
      expect(s.at).toBe('2026-02-25T12:00:00.000Z');
      for (const lot of s.lots) {
        expect(Object.keys(lot)).toEqual(['grantedAt', 'expiresAt', 'granted', 'remaining']);
        expect(lot.grantedAt).toMatch(ISO_MS);
      }
      expect(Object.keys(s.expiring)).toEqual(['withinDays', 'credits', 'byDate']);
      expect(Object.keys(s.pendingRefunds)).toEqual(['count', 'closingSoon', 'items']);
      expect(Object.keys(s.stats)).toEqual([
        'paidSent',
        'freeSent',
        'replied',
        'refunded',
        'lateReplies',
        'expired',
        'forfeited',
        'responseRate',
      ]);
      expect(s.forecast).toHaveLength(90);
      expect(Object.keys(s.forecast[0])).toEqual(['date', 'available', 'bestCase']);
    }
    const [sn, pb] = out.seats;
    // Sales Navigator, Berlin: opening 140 on Jan 15 → Jan 1 50, Dec 1 50, Nov 1 40; Nov's expire
    // Jan 30 (→ 100); Feb 1 +50 → 150; two paid sends from Dec's lot, one accepted → 149.
    // Next grant Mar 1 00:00 Berlin, when Dec's 49 leave: room for all 50.
    expect(sn).toMatchObject({
      available: 149,
      nextGrant: { at: '2026-02-28T23:00:00.000Z', credits: 50 },
      pendingRefunds: {
        count: 1,
        closingSoon: 0,
        items: [
          { threadId: 't2', sentAt: '2026-02-21T10:00:00.000Z', windowClosesAt: '2026-05-22T09:00:00.000Z' },
        ],
      },
      stats: {
        paidSent: 2,
        freeSent: 1,
        replied: 1,
        refunded: 1,
        lateReplies: 0,
        expired: 40,
        forfeited: 0,
        responseRate: 0.5,
      },
      overdraft: 0,
      observed: { at: '2026-02-24T10:00:00.000Z', balance: 140, drift: -9 },
    });
    expect(sn.forecast[0].date).toBe('2026-02-25');
    // Premium, New York, grant day 3: Feb 3 15 credits, one send → 14; next grant Mar 3 05:00Z.
    expect(pb).toMatchObject({
      available: 14,
      nextGrant: { at: '2026-03-03T05:00:00.000Z', credits: 15 },
      observed: null,
    });
  });

  test('the output is the same in every machine time zone', () => {
    const outputs = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Australia/Lord_Howe'].map(
      (TZ) => ledger(['summary', path, '--at', '2026-03-29T01:30:00Z'], { TZ }).stdout,
    );
    expect(new Set(outputs).size).toBe(1);
    expect(outputs[0]).toContain('"seat": "sn"');
  });

  test('--seat picks one seat; --days sets the horizon', () => {
    const out = JSON.parse(
      ledger(['summary', path, '--at', '2026-03-01T00:00:00Z', '--seat', 'pb', '--days', '90']).stdout,
    );
    expect(out.seats).toHaveLength(1);
    expect(out.seats[0].seat).toBe('pb');
    // Feb 3's lot expires May 4 and the send's window closes May 11: both within 90 days.
    expect(out.seats[0].expiring).toMatchObject({ withinDays: 90, credits: 14 });
    expect(out.seats[0].pendingRefunds).toMatchObject({ count: 1, closingSoon: 1 });
    const week = JSON.parse(ledger(['summary', path, '--at', '2026-03-01T00:00:00Z', '--seat', 'pb']).stdout);
    expect(week.seats[0].expiring).toMatchObject({ withinDays: 7, credits: 0 });
    expect(week.seats[0].pendingRefunds).toMatchObject({ count: 1, closingSoon: 0 });
  });

  test.each([
    [['frobnicate', 'x'], /unknown command 'frobnicate'/],
    [['summary'], /no ledger file given/],
    [['summary', '/nonexistent/ledger.json'], /cannot read '\/nonexistent\/ledger.json': ENOENT/],
    [
      ['summary', 'FILE', '--at', '2026-03-01'],
      /--at '2026-03-01' is not an ISO 8601 instant with an offset/,
    ],
    [['summary', 'FILE', '--days', '-1'], /--days '-1' is not a whole number of days/],
    [['summary', 'FILE', '--seat', 'nope'], /--seat 'nope' is not a seat of/],
    [['summary', 'FILE', '--color', 'red'], /unknown option '--color'/],
  ])('bad arguments %j: one line on stderr, exit code 2, nothing on stdout', (args, message) => {
    const r = ledger(args.map((a) => (a === 'FILE' ? path : a)));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test('a bad file: the JSON path on one line, exit code 2', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        ...file,
        events: [
          ...file.events,
          { id: 'z', seat: 'sn', type: 'adjustment', at: '2026-02-30T00:00:00Z', delta: 1 },
        ],
      }),
    );
    const r = ledger(['summary', bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "ledger: events[7].at: '2026-02-30T00:00:00Z' is not a date (expected ISO 8601 with an offset, e.g. 2026-01-10T09:00:00+01:00)\n",
    );
  });
});

describe('ledger report', () => {
  test('prints a table with each seat’s label, available, expiring, pending refunds and response rate', () => {
    const { code, stdout } = ledger(['report', path, '--at', '2026-02-25T12:00:00Z']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[2]).toMatch(
      /^seat\s+plan\s+available\s+expiring soon\s+pending refunds\s+response rate\s+next grant$/,
    );
    expect(lines[4]).toMatch(/^Dana — Sales Navigator\s+Sales Navigator Core\s+149\s+.*50% \(1\/2\)/);
    expect(lines[5]).toMatch(/^Dana — Premium\s+Premium Business\s+14\s/);
  });
});

describe('sends before setup (CREDIT-RULES.md rule 17)', () => {
  // Sales Navigator, UTC, set up Jan 15 with 100: lots Jan 1 (50), Dec 1 (50), Nov 1 (0).
  // a (Dec 10) → Dec 1's lot, answered Jan 20: refunded. b (Nov 20) → Nov 1's empty lot, which
  // left Jan 30: answered Feb 1, replied with no credit. c (Dec 20) → Dec 1's lot, unanswered:
  // may still come back (until Mar 1). d (Oct 20): its lots had all left by Jan 15, and its
  // window closed Jan 18: nothing. e: an ordinary send of Jan 16, from Dec 1's lot.
  const setup = {
    format: 'inmail-ledger',
    version: 1,
    seats: [
      {
        id: 'sn',
        label: 'Sam — Sales Navigator',
        plan: 'sales-navigator-core',
        since: '2026-01-15T00:00:00Z',
      },
    ],
    events: shuffled(
      [
        { id: 'o', seat: 'sn', type: 'opening-balance', at: '2026-01-15T00:00:00Z', balance: 100 },
        ...[
          ['a', '2025-12-10T00:00:00Z'],
          ['b', '2025-11-20T00:00:00Z'],
          ['c', '2025-12-20T00:00:00Z'],
          ['d', '2025-10-20T00:00:00Z'],
        ].map(([id, at]) => ({
          id,
          seat: 'sn',
          type: 'inmail-sent',
          at,
          threadId: `t-${id}`,
          cost: 'paid',
          beforeSetup: true,
        })),
        {
          id: 'e',
          seat: 'sn',
          type: 'inmail-sent',
          at: '2026-01-16T00:00:00Z',
          threadId: 't-e',
          cost: 'paid',
        },
        { id: 'ra', seat: 'sn', type: 'reply-received', at: '2026-01-20T00:00:00Z', threadId: 't-a' },
        { id: 'rb', seat: 'sn', type: 'reply-received', at: '2026-02-01T00:00:00Z', threadId: 't-b' },
      ],
      3,
    ),
  };
  const setupPath = join(dir, 'before-setup.json');

  test('summary takes the file as is: they count as paid sends, spend nothing, pending while they can come back', () => {
    writeFileSync(setupPath, JSON.stringify(setup));
    const { code, stdout, stderr } = ledger(['summary', setupPath, '--at', '2026-02-02T00:00:00Z']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // 100 − 1 (e) + 1 (a back to Dec 1) = 100; Feb 1 adds 50.
    expect(JSON.parse(stdout).seats[0]).toMatchObject({
      available: 150,
      overdraft: 0,
      pendingRefunds: {
        count: 2,
        items: [
          { threadId: 't-c', sentAt: '2025-12-20T00:00:00.000Z', windowClosesAt: '2026-03-20T00:00:00.000Z' },
          { threadId: 't-e', sentAt: '2026-01-16T00:00:00.000Z', windowClosesAt: '2026-04-16T00:00:00.000Z' },
        ],
      },
      stats: { paidSent: 5, replied: 2, refunded: 1, lateReplies: 0, responseRate: 0.4 },
    });
  });

  test('report lists them apart, one line per seat', () => {
    writeFileSync(setupPath, JSON.stringify(setup));
    const { code, stdout } = ledger(['report', setupPath, '--at', '2026-02-02T00:00:00Z']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[4]).toMatch(/^Sam — Sales Navigator\s+Sales Navigator Core\s+150\s+.*40% \(2\/5\)/);
    expect(lines.slice(5)).toEqual([
      '',
      'Sent before setup:',
      '  Sam — Sales Navigator: 4 (2 replied, 1 refunded, 1 may still come back)',
    ]);
    // A file without any has no such line.
    expect(ledger(['report', path, '--at', '2026-02-25T12:00:00Z']).stdout).not.toContain('before setup');
  });

  test('a send before setup whose window had closed at since: the JSON path on one line, exit code 2', () => {
    const bad = join(dir, 'before-setup-bad.json');
    const events = [
      {
        id: 'x',
        seat: 'sn',
        type: 'inmail-sent',
        at: '2025-10-16T00:00:00Z',
        threadId: 't-x',
        cost: 'paid',
        beforeSetup: true,
      },
    ];
    writeFileSync(bad, JSON.stringify({ ...setup, events }));
    const r = ledger(['summary', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'ledger: events[0].beforeSetup: its refund window closed before the seat began (closed 2026-01-14T00:00:00.000Z, 90 days after the send; since 2026-01-15T00:00:00Z)\n',
    );
  });
});
