// fast-check generators of valid ledgers: one seat, events of every type, instants that
// land on grant instants, expiries and each other as often as chance allows. Sends before
// setup (CREDIT-RULES.md rule 17) fall in the 90 days before `since`, often on its edges.

import fc from 'fast-check';
import type { LedgerEvent, Seat } from '../../../src/ledger/events';
import type { LedgerFile } from '../../../src/ledger/ledger-file';
import { PLAN_IDS } from '../../../src/ledger/plans';
import { REFUND_WINDOW_DAYS } from '../../../src/ledger/replay';
import { addDays } from '../../../src/ledger/zoned-time';

export const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
];

const DAY = 86_400_000;
const HOUR = 3_600_000;
const SINCE_FROM = Date.parse('2025-01-01T00:00:00Z');
const SINCE_TO = Date.parse('2027-01-01T00:00:00Z');
const SPAN = 400 * DAY;

/** An instant as the file writes it: in UTC or with a fixed offset, at most milliseconds. */
function iso(t: number, offsetMinutes: number): string {
  if (offsetMinutes === 0) return new Date(t).toISOString();
  const local = new Date(t + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const offset = fc.constantFrom(0, 0, 60, -300, 330, 765);

export interface Ledger {
  seat: Seat;
  events: LedgerEvent[];
  at: number;
}

/** A moment: a round hour or midnight often (grants, expiries), any millisecond sometimes. */
const moment = (since: number) =>
  fc
    .oneof(
      fc.integer({ min: 0, max: SPAN / DAY }).map((d) => since - (since % DAY) + d * DAY),
      fc.integer({ min: 0, max: (SPAN / DAY) * 24 }).map((h) => since - (since % 3_600_000) + h * 3_600_000),
      fc.integer({ min: 0, max: SPAN }).map((ms) => since + ms),
    )
    .map((t) => Math.max(t, since));

/** An instant in the 90 days before `since` (a round hour or midnight often); made valid later. */
const beforeSince = (since: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: 91 }).map((d) => since - (since % DAY) - d * DAY),
    fc.integer({ min: 0, max: 91 * 24 }).map((h) => since - (since % HOUR) - h * HOUR),
    fc.integer({ min: 1, max: 91 * DAY }).map((ms) => since - ms),
  );

/**
 * A send before setup must be before `since` and its refund window (90 days in the seat's
 * zone) still open at `since`: clamp the drawn instant into [earliest, since).
 */
function beforeSetupInstant(t: number, since: number, zone: string): number {
  let earliest = addDays(zone, since, -REFUND_WINDOW_DAYS);
  while (addDays(zone, earliest, REFUND_WINDOW_DAYS) < since) earliest += HOUR;
  return Math.min(since - 1, Math.max(earliest, t));
}

type Draft = {
  kind: string;
  t: number;
  early: number;
  n: number;
  thread: number;
  flag: boolean;
  off: number;
};

const draft = (since: number) =>
  fc.record({
    kind: fc.constantFrom(
      'send',
      'send',
      'send',
      'early',
      'early',
      'free',
      'reply',
      'reply',
      'reply-soon',
      'observed',
      'adjust',
      'plan',
      'void',
    ),
    t: moment(since),
    early: beforeSince(since),
    n: fc.integer({ min: -60, max: 200 }),
    thread: fc.integer({ min: 0, max: 6 }),
    flag: fc.boolean(),
    off: offset,
  });

export const ledgerArb: fc.Arbitrary<Ledger> = fc
  .record({
    plan: fc.constantFrom(...PLAN_IDS),
    zone: fc.constantFrom(...ZONES),
    since: fc.integer({ min: SINCE_FROM, max: SINCE_TO }),
    sinceOnMidnight: fc.boolean(),
    grantDay: fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }),
    monthly: fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined }),
    cap: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
    opening: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
    sinceOffset: offset,
  })
  .chain((s) => {
    const since = s.sinceOnMidnight ? s.since - (s.since % DAY) : s.since;
    return fc.record({
      s: fc.constant({ ...s, since }),
      drafts: fc.array(draft(since), { maxLength: 60 }),
      at: fc.oneof(moment(since), fc.constant(since + SPAN + 200 * DAY)),
    });
  })
  .map(({ s, drafts, at }) => {
    const seat: Seat = {
      id: 'seat-1',
      label: 'Generated',
      plan: s.plan,
      since: iso(s.since, s.sinceOffset),
    };
    if (s.grantDay !== undefined) seat.grantDay = s.grantDay;
    if (s.monthly !== undefined) seat.monthlyCredits = s.monthly;
    if (s.cap !== undefined) seat.cap = s.cap;
    if (s.zone !== 'UTC' || s.grantDay !== undefined) seat.timeZone = s.zone;
    const events: LedgerEvent[] = [];
    const base = { seat: seat.id };
    if (s.opening !== undefined) {
      events.push({ ...base, id: 'open', type: 'opening-balance', at: seat.since, balance: s.opening });
    }
    const planInstants = new Set<number>();
    drafts.forEach((d: Draft, k) => {
      const id = `e${k}`;
      const at = iso(d.t, d.off);
      // Sends before setup and the responses soon after setup share fewer threads, so they meet.
      const threadId = `t${d.kind === 'early' || d.kind === 'reply-soon' ? d.thread % 3 : d.thread}`;
      switch (d.kind) {
        case 'send':
          events.push({
            ...base,
            id,
            type: 'inmail-sent',
            at,
            threadId,
            cost: 'paid',
            surface: 'sales-navigator',
          });
          break;
        case 'early':
          events.push({
            ...base,
            id,
            type: 'inmail-sent',
            at: iso(beforeSetupInstant(d.early, s.since, s.zone), d.off),
            threadId,
            cost: 'paid',
            beforeSetup: true,
            ...(d.n % 4 === 0 ? { costUnknown: true as const } : {}),
          });
          break;
        case 'free':
          events.push({
            ...base,
            id,
            type: 'inmail-sent',
            at,
            threadId,
            cost: d.flag ? 'free-connection' : 'free-open-profile',
          });
          break;
        case 'reply':
        case 'reply-soon':
          events.push({
            ...base,
            id,
            type: 'reply-received',
            // Soon: within a month of `since`, while sends before setup may still come back.
            at: d.kind === 'reply' ? at : iso(s.since + Math.floor((s.since - d.early) / 3), d.off),
            threadId,
            kind: d.flag ? 'reply' : 'declined',
          });
          break;
        case 'observed':
          events.push({ ...base, id, type: 'observed-balance', at, balance: Math.abs(d.n) });
          break;
        case 'adjust':
          events.push({
            ...base,
            id,
            type: 'adjustment',
            at,
            delta: d.n === 0 ? 1 : Math.round(d.n / 4) || -1,
          });
          break;
        case 'plan': {
          if (planInstants.has(d.t)) break;
          planInstants.add(d.t);
          const plan = PLAN_IDS[Math.abs(d.n) % PLAN_IDS.length] as (typeof PLAN_IDS)[number];
          events.push({
            ...base,
            id,
            type: 'plan-changed',
            at,
            plan,
            ...(d.n % 3 === 0 ? { forfeit: d.flag } : {}),
            ...(d.n % 5 === 0 ? { grantDay: (Math.abs(d.n) % 31) + 1 } : {}),
            ...(d.n % 7 === 0 ? { monthlyCredits: Math.abs(d.n) % 60 } : {}),
          });
          break;
        }
        case 'void': {
          const targets = events.filter((e) => e.type !== 'voided');
          const target = targets[Math.abs(d.n) % Math.max(1, targets.length)];
          if (target) events.push({ ...base, id, type: 'voided', at, target: target.id });
          break;
        }
      }
    });
    return { seat, events, at };
  });

export function fileOf(ledger: Ledger): LedgerFile {
  return { format: 'inmail-ledger', version: 1, seats: [ledger.seat], events: ledger.events };
}

export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let a = seed | 0;
  for (let i = out.length - 1; i > 0; i--) {
    a = (a * 1_103_515_245 + 12_345) & 0x7fffffff;
    const j = a % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
