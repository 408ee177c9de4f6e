// Generated ledger files for benchmarks: one busy seat, events of every everyday kind
// spread over three years, deterministic for a given size.

import type { LedgerEvent, Seat } from '../../src/ledger/events';
import type { LedgerFile } from '../../src/ledger/ledger-file';

/** A small deterministic PRNG (mulberry32), so every run measures the same ledger. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BENCH_SEAT: Seat = {
  id: 'urn:li:member:1/sales-navigator',
  label: 'Bench — Sales Navigator',
  plan: 'sales-navigator-core',
  grantDay: 1,
  timeZone: 'Europe/Berlin',
  since: '2024-01-01T00:00:00+01:00',
};

const START = Date.parse(BENCH_SEAT.since);
const SPAN = 3 * 365 * 86_400_000;

export function generateEvents(count: number, seed = 1): LedgerEvent[] {
  const rand = random(seed);
  const seat = BENCH_SEAT.id;
  const events: LedgerEvent[] = [
    { id: 'open', seat, type: 'opening-balance', at: BENCH_SEAT.since, balance: 120 },
  ];
  const step = SPAN / count;
  for (let k = 1; k < count; k++) {
    const at = new Date(START + Math.floor(k * step + rand() * step)).toISOString();
    const thread = `2-${Math.floor(k / 3)}`;
    const r = rand();
    if (r < 0.6) {
      events.push({
        id: `urn:li:msg:${k}`,
        seat,
        type: 'inmail-sent',
        at,
        threadId: thread,
        cost: r < 0.55 ? 'paid' : 'free-open-profile',
        surface: 'sales-navigator',
        recipient: { name: `Lead ${k}`, profileUrl: `https://www.linkedin.com/in/lead-${k}` },
      });
    } else if (r < 0.8) {
      events.push({
        id: `urn:li:msg:${k}`,
        seat,
        type: 'reply-received',
        at,
        threadId: thread,
        kind: 'reply',
      });
    } else if (r < 0.95) {
      events.push({
        id: `obs-${k}`,
        seat,
        type: 'observed-balance',
        at,
        balance: Math.floor(rand() * 150),
        where: 'compose',
      });
    } else {
      events.push({
        id: `adj-${k}`,
        seat,
        type: 'adjustment',
        at,
        delta: rand() < 0.5 ? -1 : 2,
        reason: 'bench',
      });
    }
  }
  return events;
}

export function generateFile(count: number, seed = 1): LedgerFile {
  return {
    format: 'inmail-ledger',
    version: 1,
    exportedAt: new Date(START + SPAN).toISOString(),
    seats: [BENCH_SEAT],
    events: generateEvents(count, seed),
  };
}

/** The moment the benchmarks ask about: the end of the generated history. */
export const BENCH_AT = START + SPAN + 86_400_000;
