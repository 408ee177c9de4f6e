import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, expect, test } from 'vitest';
import { LedgerDb } from '../../src/store/db';
import { SCHEMA_VERSION, V1 } from '../../src/store/schema-versions';
import { V1_EVENTS, V1_SEAT } from '../fixtures/ledger/v1-sample';

const name = 'migration-test';

afterEach(async () => {
  await Dexie.delete(name);
});

const seat = V1_SEAT;
const events = V1_EVENTS;

test('a version 1 database opens with the current schema with every record intact', async () => {
  // Written by version 1's frozen declaration, as an installed extension left it.
  const old = new Dexie(name);
  old.version(1).stores(V1);
  await old.table('seats').add(seat);
  await old.table('events').bulkAdd(events);
  await old.table('meta').put({ key: 'activeSeat', value: 's1' });
  old.close();

  const db = new LedgerDb(name);
  await db.open();
  expect(db.verno).toBe(SCHEMA_VERSION);
  expect(await db.seats.toArray()).toEqual([seat]);
  expect(await db.events.where('seat').equals('s1').sortBy('at')).toEqual(events);
  expect(await db.meta.get('activeSeat')).toEqual({ key: 'activeSeat', value: 's1' });
  // The index version 2 added answers.
  expect(await db.events.where('[seat+threadId]').equals(['s1', 't1']).count()).toBe(2);
  db.close();
});
