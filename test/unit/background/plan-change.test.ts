// A plan change dated by the rep (rule 15 at the instant it took effect, in rule 16's order),
// previewed first, refused before the seat began or in the future, undone by voiding it; a
// seat still named after its plan takes the new plan's name.

import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LedgerService } from '../../../src/background/ledger-service';
import { LedgerDb } from '../../../src/store/db';
import { FakePlatform } from '../../integration/fake-platform';

let db: LedgerDb;
let platform: FakePlatform;
let service: LedgerService;
let dbCount = 0;

async function ok(message: unknown) {
  const reply = await service.handle(message);
  if (!reply.ok) throw new Error(`command failed: ${reply.error}`);
  return reply as Record<string, unknown>;
}

/** Sales Navigator set up Jan 15 with 80: lots of Jan 1 (50) and Dec 1 (30); Feb 1 adds 50. */
async function seat(label = 'Dana') {
  const reply = await ok({
    type: 'setup-seat',
    label,
    plan: 'sales-navigator-core',
    timeZone: 'UTC',
    openingBalance: 80,
  });
  platform.clock = Date.parse('2026-03-10T10:00:00Z');
  return reply.seat as string;
}

beforeEach(() => {
  db = new LedgerDb(`plan-change-${++dbCount}`);
  platform = new FakePlatform('2026-01-15T10:00:00Z');
  service = new LedgerService(db, platform);
});

afterEach(async () => {
  await db.delete();
});

describe('a dated plan change', () => {
  test('the preview counts what is live at that instant: expiries first, the grant at it after the change', async () => {
    const id = await seat();
    const preview = (at?: string) =>
      service.handle({
        type: 'preview-plan-change',
        seat: id,
        plan: 'premium-career',
        ...(at ? { at } : {}),
      });
    // At Feb 1 00:00 the change comes before Feb 1's grant: 80 are lost, not 130.
    expect(await preview('2026-02-01T00:00:00Z')).toMatchObject({
      ok: true,
      forfeits: 80,
      currentPlan: 'sales-navigator-core',
    });
    expect(await preview('2026-02-01T00:00:01Z')).toMatchObject({ forfeits: 130 });
    // Mar 1: Dec 1's 30 expire at that instant, before the change; Mar 1's grant comes after it.
    expect(await preview('2026-03-01T00:00:00Z')).toMatchObject({ forfeits: 100 });
    // Now (Mar 10): 150.
    expect(await preview()).toMatchObject({ forfeits: 150 });
    // The same plan loses nothing.
    expect(
      await service.handle({ type: 'preview-plan-change', seat: id, plan: 'sales-navigator-core' }),
    ).toMatchObject({ forfeits: 0 });
  });

  test('recorded at the instant given, and replay counts from it', async () => {
    const id = await seat();
    const reply = await ok({
      type: 'change-plan',
      seat: id,
      plan: 'premium-career',
      at: '2026-02-01T00:00:00Z',
    });
    const events = await db.events.where('seat').equals(id).toArray();
    const change = events.find((e) => e.id === reply.event);
    expect(change).toMatchObject({
      type: 'plan-changed',
      at: '2026-02-01T00:00:00.000Z',
      plan: 'premium-career',
    });
    // 80 lost on Feb 1; Premium Career grants 5 on Feb 1 and Mar 1 (grant day and zone carry over).
    expect(platform.snapshot.summary?.stats.forfeited).toBe(80);
    expect(platform.snapshot.summary?.available).toBe(10);
    expect(platform.snapshot.seats[0]?.plan).toBe('premium-career');
  });

  test('refused before the seat began and in the future, with the dates in words', async () => {
    const id = await seat();
    expect(
      await service.handle({ type: 'change-plan', seat: id, plan: 'none', at: '2026-01-14T23:00:00Z' }),
    ).toEqual({
      ok: false,
      error:
        'a plan change on 2026-01-14 would be before “Dana” was set up (2026-01-15): pick that day or a later one',
    });
    expect(
      await service.handle({
        type: 'preview-plan-change',
        seat: id,
        plan: 'none',
        at: '2026-03-11T00:00:00Z',
      }),
    ).toEqual({
      ok: false,
      error: 'a plan change on 2026-03-11 would be in the future: pick today (2026-03-10) or an earlier day',
    });
    expect((await db.events.toArray()).filter((e) => e.type === 'plan-changed')).toEqual([]);
  });

  test('undone by voiding the event the reply names; dated the same day again after the undo', async () => {
    const id = await seat();
    await ok({ type: 'get-snapshot' });
    const before = platform.snapshot.summary;
    expect(before?.available).toBe(150);
    const change = await ok({ type: 'change-plan', seat: id, plan: 'none', at: '2026-02-01T00:00:00Z' });
    expect(platform.snapshot.summary?.available).toBe(0);
    await ok({ type: 'void-event', seat: id, target: change.event });
    expect(platform.snapshot.summary?.available).toBe(before?.available);
    expect(platform.snapshot.summary?.stats.forfeited).toBe(0);
    expect(platform.snapshot.seats[0]?.plan).toBe('sales-navigator-core');
    // The undone change keeps its instant (one plan change per instant): the new one goes just after.
    const again = await ok({ type: 'change-plan', seat: id, plan: 'none', at: '2026-02-01T00:00:00Z' });
    const events = await db.events.where('seat').equals(id).toArray();
    expect(events.find((e) => e.id === again.event)?.at).toBe('2026-02-01T00:00:00.001Z');
    // A live change at that instant is not overwritten.
    expect(
      await service.handle({
        type: 'change-plan',
        seat: id,
        plan: 'premium-career',
        at: '2026-02-01T00:00:00.001Z',
      }),
    ).toEqual({ ok: false, error: 'a plan change is already recorded at that moment; undo it first' });
  });

  test('a seat named after its plan takes the new plan’s name; a name of the rep’s own stays', async () => {
    const named = await seat('Sales Navigator Core');
    const renamed = await ok({ type: 'change-plan', seat: named, plan: 'sales-navigator-advanced' });
    expect(renamed.renamed).toEqual({ from: 'Sales Navigator Core', to: 'Sales Navigator Advanced' });
    expect(platform.snapshot.seats.find((s) => s.id === named)?.label).toBe('Sales Navigator Advanced');
    // Cancelled: the seat keeps its name.
    platform.clock += 60_000;
    const cancelled = await ok({ type: 'change-plan', seat: named, plan: 'none' });
    expect(cancelled.renamed).toBeNull();
    expect(platform.snapshot.seats.find((s) => s.id === named)?.label).toBe('Sales Navigator Advanced');

    const own = (
      await ok({ type: 'setup-seat', label: 'Dana', plan: 'premium-business', timeZone: 'UTC', grantDay: 9 })
    ).seat as string;
    platform.clock += 60_000;
    const kept = await ok({ type: 'change-plan', seat: own, plan: 'premium-career' });
    expect(kept.renamed).toBeNull();
    expect(platform.snapshot.seats.find((s) => s.id === own)?.label).toBe('Dana');
  });
});
