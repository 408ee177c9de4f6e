// The ledger's laws, on generated ledgers that use every event type (DESIGN.md, "Tests").

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { LedgerEvent } from '../../../src/ledger/events';
import { parseInstant } from '../../../src/ledger/instant';
import { validateLedgerFile } from '../../../src/ledger/ledger-file';
import { replay } from '../../../src/ledger/replay';
import { summarize } from '../../../src/ledger/summarize';
import { fileOf, ledgerArb, shuffled } from './arbitraries';

const RUNS = { numRuns: 1000 };

describe('ledger laws', () => {
  test('every generated ledger is a valid ledger file, whatever the order of its events', () => {
    fc.assert(
      fc.property(ledgerArb, fc.integer(), (ledger, seed) => {
        validateLedgerFile(fileOf(ledger));
        validateLedgerFile({ ...fileOf(ledger), events: shuffled(ledger.events, seed) });
      }),
      RUNS,
    );
  });

  test('available is never negative, nor is any lot', () => {
    fc.assert(
      fc.property(ledgerArb, ({ seat, events, at }) => {
        const state = replay(seat, events, at);
        expect(state.available).toBeGreaterThanOrEqual(0);
        for (const lot of state.live) expect(lot.remaining).toBeGreaterThanOrEqual(0);
        const summary = summarize(seat, events, at);
        for (const row of summary.forecast)
          expect(Math.min(row.available, row.bestCase)).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  test('a grant never raises available above the cap', () => {
    fc.assert(
      fc.property(ledgerArb, ({ seat, events, at }) => {
        const grants = replay(seat, events, at).live.filter((l) => l.source === 'grant');
        for (const { grantedAt: g } of grants) {
          // The ledger at g with nothing else happening at g but expiries, plan changes and the grant.
          const upToGrant = events.filter((e) => {
            const t = parseInstant(e.at) as number;
            return t < g || e.type === 'voided' || (t === g && e.type === 'plan-changed');
          });
          const state = replay(seat, upToGrant, g);
          const lot = state.live.find((l) => l.source === 'grant' && l.grantedAt === g);
          expect(lot).toBeDefined();
          if (!lot || lot.granted === 0) continue;
          expect(lot.granted).toBeLessThanOrEqual(state.terms.monthlyCredits);
          expect(state.available).toBeLessThanOrEqual(state.terms.cap);
        }
      }),
      RUNS,
    );
  });

  test('the summary does not depend on the order events are given in', () => {
    fc.assert(
      fc.property(ledgerArb, fc.integer(), ({ seat, events, at }, seed) => {
        expect(summarize(seat, shuffled(events, seed), at)).toEqual(summarize(seat, events, at));
      }),
      RUNS,
    );
  });

  test('an event given twice (same id) changes nothing', () => {
    fc.assert(
      fc.property(ledgerArb, fc.integer(), ({ seat, events, at }, seed) => {
        const doubled = shuffled([...events, ...events.map((e) => ({ ...e }) as LedgerEvent)], seed);
        expect(summarize(seat, doubled, at)).toEqual(summarize(seat, events, at));
      }),
      RUNS,
    );
  });

  test('refunded ≤ replied ≤ paid sends, and late replies are paid sends too', () => {
    fc.assert(
      fc.property(ledgerArb, ({ seat, events, at }) => {
        const { stats, overdraft } = summarize(seat, events, at);
        expect(stats.refunded).toBeLessThanOrEqual(stats.replied);
        expect(stats.replied + stats.lateReplies).toBeLessThanOrEqual(stats.paidSent);
        expect(overdraft).toBeLessThanOrEqual(stats.paidSent);
        if (stats.responseRate !== null)
          expect(stats.responseRate).toBeCloseTo(stats.replied / stats.paidSent, 12);
      }),
      RUNS,
    );
  });

  test('credits are conserved', () => {
    fc.assert(
      fc.property(ledgerArb, ({ seat, events, at }) => {
        const { available, totals: t } = replay(seat, events, at);
        expect(t.granted + t.positiveAdjustments).toBe(
          available + t.spent - t.refunded + t.expired + t.forfeited + t.removedByAdjustments + t.replaced,
        );
        const summary = summarize(seat, events, at);
        expect(summary.stats.expired).toBe(t.expired);
        expect(summary.stats.forfeited).toBe(t.forfeited);
        expect(summary.lots.reduce((sum, l) => sum + l.remaining, 0)).toBe(summary.available);
      }),
      RUNS,
    );
  });

  // Not a law: bestCase ≥ available. With a cap, a refund now can shrink a later grant and
  // then expire with its lot, leaving the best case one below the expected case.
  test('summary shape: 90 consecutive forecast days, pending items in window order, expiring within N', () => {
    fc.assert(
      fc.property(ledgerArb, fc.integer({ min: 0, max: 30 }), ({ seat, events, at }, days) => {
        const s = summarize(seat, events, at, { days });
        expect(s.forecast).toHaveLength(90);
        for (let k = 1; k < 90; k++) {
          const prev = Date.parse(`${s.forecast[k - 1]?.date}T00:00:00Z`);
          expect(Date.parse(`${s.forecast[k]?.date}T00:00:00Z`) - prev).toBe(86_400_000);
        }
        expect(s.pendingRefunds.count).toBe(s.pendingRefunds.items.length);
        expect(s.pendingRefunds.closingSoon).toBeLessThanOrEqual(s.pendingRefunds.count);
        const closes = s.pendingRefunds.items.map((i) => Date.parse(i.windowClosesAt));
        expect(closes).toEqual([...closes].sort((a, b) => a - b));
        expect(s.expiring.withinDays).toBe(days);
        expect(s.expiring.credits).toBe(s.expiring.byDate.reduce((sum, d) => sum + d.credits, 0));
        expect(s.expiring.credits).toBeLessThanOrEqual(s.available);
        const lotsOrder = s.lots.map((l) => Date.parse(l.expiresAt));
        expect(lotsOrder).toEqual([...lotsOrder].sort((a, b) => a - b));
      }),
      RUNS,
    );
  });
});
