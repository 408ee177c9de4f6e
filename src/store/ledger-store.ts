// Reads and idempotent writes of the ledger. Only the background calls these; every write
// is one transaction, so a worker killed mid-way leaves all of it or none of it.

import type { LedgerEvent, Seat } from '../ledger/events';
import { LEDGER_FORMAT, LEDGER_VERSION, type LedgerFile } from '../ledger/ledger-file';
import type { LedgerDb, SeatRecord, UnassignedEvent } from './db';

/** A write that would change what is already recorded: refused whole. */
export class LedgerConflict extends Error {
  override name = 'LedgerConflict';
}

/** Same content, whatever the order of keys. */
export function sameEvent(a: LedgerEvent, b: LedgerEvent): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

export async function listSeats(db: LedgerDb): Promise<SeatRecord[]> {
  return db.seats.orderBy('order').toArray();
}

export async function seatEvents(db: LedgerDb, seat: string): Promise<LedgerEvent[]> {
  return db.events.where('seat').equals(seat).toArray();
}

/** Detections waiting for the rep to say whose they are, in key order (not responses held out of sight). */
export async function waitingForRep(db: LedgerDb, limit: number): Promise<UnassignedEvent[]> {
  return db.unassigned
    .orderBy('key')
    .filter((u) => !u.orphan)
    .limit(limit)
    .toArray();
}

/**
 * Appends events in one transaction. An event already recorded (same seat and id, same
 * content) is a no-op; the same id with other content is a conflict and nothing is written.
 */
export async function appendEvents(db: LedgerDb, events: readonly LedgerEvent[]): Promise<number> {
  return db.transaction('rw', db.events, async () => {
    const existing = await db.events.bulkGet(events.map((e) => [e.seat, e.id] as [string, string]));
    const fresh = new Map<string, LedgerEvent>();
    events.forEach((e, k) => {
      const old = existing[k] ?? fresh.get(`${e.seat}\u0000${e.id}`);
      if (old === undefined) fresh.set(`${e.seat}\u0000${e.id}`, e);
      else if (!sameEvent(old, e)) {
        throw new LedgerConflict(
          `event '${e.id}' of seat '${e.seat}' is already recorded with other content`,
        );
      }
    });
    if (fresh.size > 0) await db.events.bulkAdd([...fresh.values()]);
    return fresh.size;
  });
}

/** The ledger file of everything stored (DESIGN.md contract 1). */
export async function exportLedger(db: LedgerDb, exportedAt: string): Promise<LedgerFile> {
  return db.transaction('r', db.seats, db.events, async () => {
    const seats = await listSeats(db);
    const events: LedgerEvent[] = [];
    for (const seat of seats) {
      events.push(...(await seatEvents(db, seat.id)));
    }
    return {
      format: LEDGER_FORMAT,
      version: LEDGER_VERSION,
      exportedAt,
      seats: seats.map(fileSeat),
      events,
    };
  });
}

/** The ledger file's view of a stored seat: only the fields the format knows. */
export function fileSeat(record: SeatRecord): Seat {
  const { id, label, plan, since, monthlyCredits, cap, grantDay, timeZone } = record;
  const seat: Seat = { id, label, plan, since };
  if (monthlyCredits !== undefined) seat.monthlyCredits = monthlyCredits;
  if (cap !== undefined) seat.cap = cap;
  if (grantDay !== undefined) seat.grantDay = grantDay;
  if (timeZone !== undefined) seat.timeZone = timeZone;
  return seat;
}

/**
 * Imports a validated ledger file in one transaction. Seats already stored keep their
 * record when the file's terms are the same; different terms for a known seat id, or a
 * known event id with other content, are conflicts and nothing is written.
 */
export async function importLedger(
  db: LedgerDb,
  file: LedgerFile,
): Promise<{ seats: number; events: number }> {
  return db.transaction('rw', db.seats, db.events, async () => {
    let order = ((await db.seats.orderBy('order').last())?.order ?? -1) + 1;
    const newSeats: SeatRecord[] = [];
    for (const seat of file.seats) {
      const old = await db.seats.get(seat.id);
      if (old === undefined) newSeats.push({ ...seat, order: order++ });
      // A seat's label is not part of its identity: renamed since the export is the same seat.
      else if (canonical({ ...fileSeat(old), label: '' }) !== canonical({ ...seat, label: '' })) {
        throw new LedgerConflict(`seat '${seat.id}' is already set up with other terms`);
      }
    }
    if (newSeats.length > 0) await db.seats.bulkAdd(newSeats);
    const added = await appendEvents(db, file.events);
    return { seats: newSeats.length, events: added };
  });
}
