// What the command handlers and ingest use of the ledger service: the database, the clock and
// ids, and each seat's events as the service caches them. The service is the database's only
// writer: what is appended through `append` extends the cache; any other write says so.

import type { LedgerEvent } from '../ledger/events';
import type { LedgerDb, SeatRecord } from '../store/db';

export interface LedgerAccess {
  readonly db: LedgerDb;
  now(): number;
  randomId(): string;
  /** The seat's events, read once and then kept in step. */
  eventsOf(seat: string): Promise<LedgerEvent[]>;
  /** Appends one event; the same event again is a no-op, the same id with other content a conflict. */
  append(event: LedgerEvent): Promise<void>;
  /** Events of the seat written by a transaction of the caller's: added to the cache. */
  appended(seat: string, events: readonly LedgerEvent[]): void;
  /** The seat's events were changed some other way: read them again next time. */
  forget(seat: string): void;
  /** The seat, or an error the rep reads ("no seat '…'"). */
  requireSeat(id: string): Promise<SeatRecord>;
}
