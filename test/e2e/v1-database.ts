// A database as the extension's version 1 left it, written in an extension page with
// IndexedDB itself (Dexie's version 1 is IndexedDB version 10).

import type { Page } from '@playwright/test';
import { V1 } from '../../src/store/schema-versions';
import { V1_EVENTS, V1_SEAT } from '../fixtures/ledger/v1-sample';

/**
 * Replaces the ledger database with version 1's. With `hold`, the page keeps its connection
 * open and ignores requests to close it (an old page that blocks an upgrade) until
 * `releaseVersion1(page)`.
 */
export async function writeVersion1(page: Page, options: { hold?: boolean } = {}): Promise<void> {
  await page.evaluate(
    async ({ stores, seat, events, hold }) => {
      const request = <T>(r: IDBRequest<T> | IDBOpenDBRequest) =>
        new Promise<T>((done, fail) => {
          r.onsuccess = () => done(r.result as T);
          r.onerror = () => fail(r.error);
        });
      await request(indexedDB.deleteDatabase('inmail-ledger'));
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
      if (hold) (globalThis as { heldLedger?: IDBDatabase }).heldLedger = db;
      else db.close();
    },
    { stores: V1, seat: V1_SEAT, events: V1_EVENTS, hold: options.hold ?? false },
  );
}

export async function releaseVersion1(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as { heldLedger?: IDBDatabase }).heldLedger?.close());
}
