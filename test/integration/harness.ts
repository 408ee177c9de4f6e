// A ledger service per test, over its own fake IndexedDB and a fake browser whose clock starts
// on Jan 15, 2026 at 10:00 UTC; `ok` sends a command that must succeed and returns its reply.

import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { LedgerService } from '../../src/background/ledger-service';
import { LedgerDb } from '../../src/store/db';
import { FakePlatform } from './fake-platform';

export interface ServiceHarness {
  db: LedgerDb;
  platform: FakePlatform;
  service: LedgerService;
  ok(message: unknown): Promise<Record<string, unknown>>;
}

/** Call at a test file's top level: each test gets a fresh database, platform and service. */
export function serviceEachTest(name: string): ServiceHarness {
  let n = 0;
  const harness = {
    async ok(message: unknown) {
      const reply = await harness.service.handle(message);
      if (!reply.ok) throw new Error(`command failed: ${reply.error}`);
      return reply as Record<string, unknown>;
    },
  } as ServiceHarness;
  beforeEach(() => {
    harness.db = new LedgerDb(`${name}-${++n}`);
    harness.platform = new FakePlatform('2026-01-15T10:00:00Z');
    harness.service = new LedgerService(harness.db, harness.platform);
  });
  afterEach(async () => {
    await harness.db.delete();
  });
  return harness;
}
