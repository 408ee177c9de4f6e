// Migrations in the real browser: a database written by version 1's frozen declaration, as an
// installed extension left it, opened by the current worker: every seat and event intact.

import { V1 } from '../../src/store/schema-versions';
import { V1_EVENTS, V1_SEAT } from '../fixtures/ledger/v1-sample';
import { expect, test } from './fixtures';

const seat = V1_SEAT;
const events = V1_EVENTS;

test('a version 1 database opens in Chromium with the current worker, every record intact', async ({
  context,
  extension,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extension.id}/manifest.json`);
  // Replace whatever the new worker created by the database version 1 would have left.
  await page.evaluate(
    async ({ stores, seat, events }) => {
      const request = <T>(r: IDBRequest<T> | IDBOpenDBRequest) =>
        new Promise<T>((done, fail) => {
          r.onsuccess = () => done(r.result as T);
          r.onerror = () => fail(r.error);
        });
      await request(indexedDB.deleteDatabase('inmail-ledger'));
      // Dexie's version 1 is IndexedDB version 10; its declarations are "primary key, indexes…".
      const open = indexedDB.open('inmail-ledger', 10);
      open.onupgradeneeded = () => {
        for (const [name, spec] of Object.entries(stores)) {
          const [primary, ...indexes] = spec.split(',').map((s) => s.trim());
          const keyOf = (k: string) => (k.startsWith('[') ? k.slice(1, -1).split('+') : k);
          const store = open.result.createObjectStore(name, { keyPath: keyOf(primary as string) });
          for (const index of indexes) store.createIndex(index, keyOf(index));
        }
      };
      const db = await request<IDBDatabase>(open);
      const tx = db.transaction(['seats', 'events', 'meta'], 'readwrite');
      tx.objectStore('seats').put(seat);
      for (const e of events) tx.objectStore('events').put(e);
      tx.objectStore('meta').put({ key: 'activeSeat', value: 's1' });
      await new Promise((done) => {
        tx.oncomplete = done;
      });
      db.close();
    },
    { stores: V1, seat, events },
  );
  await extension.stopWorker();
  // The next command wakes a worker that opens the old database with the current code.
  const { file } = await extension.send<{ file: { seats: { id: string }[]; events: unknown[] } }>({
    type: 'export-ledger',
  });
  expect(file.seats.map((s) => s.id)).toEqual(['s1']);
  const byId = (a: unknown, b: unknown) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1);
  expect([...file.events].sort(byId)).toEqual([...events].sort(byId));
  const { snapshot } = await extension.send<{
    snapshot: { summary: { available: number; stats: { replied: number } } };
  }>({
    type: 'get-snapshot',
  });
  expect(snapshot.summary.stats.replied).toBe(1);
  const version = await page.evaluate(
    () =>
      new Promise<number>((done) => {
        const open = indexedDB.open('inmail-ledger');
        open.onsuccess = () => {
          done(open.result.version);
          open.result.close();
        };
      }),
  );
  expect(version).toBe(20);
});
