// The extension's database (DESIGN.md, "Background"). Every schema change is a new
// version with its upgrade in schema-versions.ts and a test that opens the previous one.

import Dexie, { type Table } from 'dexie';
import type { LedgerEvent, Seat } from '../ledger/events';
import type { Pool } from '../ledger/plans';
import type { MetaKey, MetaRecord } from './meta';
import { applySchema } from './schema-versions';

export const DB_NAME = 'inmail-ledger';

/** A seat as stored: the ledger file's seat plus what only the extension needs. */
export interface SeatRecord extends Seat {
  /** Position in the seat list (the ledger file keeps seats in this order). */
  order: number;
  /** The LinkedIn account the seat was first seen with (filled by detection). */
  account?: string;
}

/** An event detected for a pool with no seat (or several), waiting for the user. */
export interface UnassignedEvent {
  key: string;
  /** 'unknown' for a response seen where nothing said which pool its InMail came from. */
  pool: Pool | 'unknown';
  account?: string;
  /** The event as it will be recorded, its `seat` empty until the user assigns one. */
  event: LedgerEvent;
  receivedAt: number;
  /** A response whose thread has no send of ours yet: not shown, adopted when the send comes. */
  orphan?: boolean;
}

export class LedgerDb extends Dexie {
  seats!: Table<SeatRecord, string>;
  events!: Table<LedgerEvent, [string, string]>;
  unassigned!: Table<UnassignedEvent, string>;
  /** Read and written through ./meta.ts, which gives each key the type of its value. */
  meta!: Table<MetaRecord, MetaKey>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    applySchema(this);
  }
}
