// Every version the database has had, oldest first. Never edit a released version:
// add the next one with its upgrade, and a migration test that opens the one before.

import type Dexie from 'dexie';

/** Version 1 (2026-11-24): seats, events keyed by [seat+id], unassigned detections, meta. */
export const V1 = {
  seats: 'id, order',
  events: '[seat+id], seat',
  unassigned: 'key, pool',
  meta: 'key',
};

/**
 * Version 2 (2026-11-25): responses are matched to sends by thread, so events get a
 * [seat+threadId] index. Records keep their shape: nothing to rewrite.
 */
export const V2 = { ...V1, events: '[seat+id], seat, [seat+threadId]' };

export const SCHEMA_VERSION = 2;

export function applySchema(db: Dexie): void {
  db.version(1).stores(V1);
  db.version(2).stores(V2);
}
