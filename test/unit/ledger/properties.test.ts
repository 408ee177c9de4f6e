// The ledger's laws, on generated ledgers that use every event type (DESIGN.md, "Tests").

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { LedgerEvent } from '../../../src/ledger/events';
import { parseInstant } from '../../../src/ledger/instant';
import { validateLedgerFile } from '../../../src/ledger/ledger-file';
import { replay } from '../../../src/ledger/replay';
import { isPendingRefund, refundDeadline, summarize } from '../../../src/ledger/summarize';
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

  test('credits are conserved ("spent" leaves out sends before setup, "refunded" counts theirs)', () => {
    fc.assert(
      fc.property(ledgerArb, ({ seat, events, at }) => {
        const { available, totals: t, sends } = replay(seat, events, at);
        expect(t.granted + t.positiveAdjustments).toBe(
          available + t.spent - t.refunded + t.expired + t.forfeited + t.removedByAdjustments + t.replaced,
        );
        // Spent: the paid sends that took a credit, never a send before setup (rule 17) nor an
        // overdraft; refunded: every send whose credit came back, sends before setup included.
        const paid = sends.filter((s) => s.cost === 'paid');
        expect(t.spent).toBe(paid.filter((s) => !s.beforeSetup && !s.overdraft).length);
        expect(t.refunded).toBe(paid.filter((s) => s.answer?.refunded).length);
        for (const s of paid) if (s.beforeSetup) expect(s.overdraft).toBe(false);
        const summary = summarize(seat, events, at);
        expect(summary.stats.expired).toBe(t.expired);
        expect(summary.stats.forfeited).toBe(t.forfeited);
        expect(summary.lots.reduce((sum, l) => sum + l.remaining, 0)).toBe(summary.available);
      }),
      RUNS,
    );
  });

  test('sends before setup with no response change nothing but the statistics (rule 17)', () => {
    fc.assert(
      fc.property(ledgerArb, ({ seat, events, at }) => {
        const unanswered = events.filter((e) => e.type !== 'reply-received');
        const without = unanswered.filter((e) => !(e.type === 'inmail-sent' && e.beforeSetup));
        const a = summarize(seat, unanswered, at);
        const b = summarize(seat, without, at);
        const { stats: sa, pendingRefunds: _pa, ...restA } = a;
        const { stats: sb, pendingRefunds: _pb, ...restB } = b;
        expect({ ...restA, forecast: restA.forecast.map((r) => r.available) }).toEqual({
          ...restB,
          forecast: restB.forecast.map((r) => r.available),
        });
        expect({ ...sa, paidSent: 0, responseRate: null }).toEqual({
          ...sb,
          paidSent: 0,
          responseRate: null,
        });
      }),
      RUNS,
    );
  });

  test('a pending refund can still come back: its deadline is at or after `at`, its lot live or one a reply would make', () => {
    fc.assert(
      fc.property(ledgerArb, ({ seat, events, at }) => {
        const state = replay(seat, events, at);
        for (const s of state.sends) {
          const deadline = refundDeadline(s, at);
          expect(deadline !== null).toBe(isPendingRefund(s, at));
          if (deadline === null || s.lot === null) continue;
          expect(deadline).toBeGreaterThanOrEqual(at);
          expect(deadline).toBeLessThanOrEqual(s.windowClosesAt);
          expect(s.lot.state).toBe('live');
          if (!state.live.includes(s.lot)) {
            // Rule 17's lot that a reply would make: only for a send before setup.
            expect(s.beforeSetup).toBe(true);
            expect(s.lot).toMatchObject({ source: 'before-setup', granted: 0, remaining: 0 });
          }
        }
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
