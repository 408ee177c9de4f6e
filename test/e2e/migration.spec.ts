// Migrations in the real browser: a database written by version 1's frozen declaration, as an
// installed extension left it, opened by the current worker: every seat and event intact.

import { V1_EVENTS as events } from '../fixtures/ledger/v1-sample';
import { expect, test } from './fixtures';
import { writeVersion1 } from './v1-database';

test('a version 1 database opens in Chromium with the current worker, every record intact', async ({
  context,
  extension,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extension.id}/manifest.json`);
  // With the worker stopped, replace what it created by what version 1 would have left.
  await extension.stopWorker();
  await writeVersion1(page);
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
