// Test builds only (`wxt build --mode e2e`): let an e2e test move the background's clock,
// fire the alarm handler and read the notifications shown. Never in the production bundle:
// entrypoints/background.ts imports this behind `import.meta.env.MODE === 'e2e'`.

import { storage } from 'wxt/utils/storage';
import { now, setNow } from './clock';
import type { Hooks } from './main';

/** A notification as shown, for the e2e tests to read. */
interface Notified {
  id: string;
  message: string;
  at: number;
}

export function testHooks(): Hooks {
  // Declared here, not at the top: only test builds have these keys.
  /** The test clock's offset from the real one, kept so it runs on across a restart. */
  const clockOffset = storage.defineItem<number>('local:test:clock');
  const notified = storage.defineItem<Notified[]>('local:test:notified', { fallback: [] });
  const ready = clockOffset.getValue().then((offset) => {
    if (typeof offset === 'number') setNow(Date.now() + offset);
  });
  return {
    ready,
    onNotify: async (id, message) => {
      await notified.setValue([...(await notified.getValue()), { id, message, at: now() }]);
    },
    testMessage(message, service) {
      const m = message as { type?: string; at?: number };
      if (m?.type === 'test:set-clock' && typeof m.at === 'number') {
        const at = m.at;
        return ready.then(async () => {
          setNow(at);
          await clockOffset.setValue(at - Date.now());
          return { ok: true, snapshot: await service.refresh() };
        });
      }
      if (m?.type === 'test:fire-alarm') {
        return ready.then(async () => ({ ok: true, snapshot: await service.refresh() }));
      }
      if (m?.type === 'test:notified') {
        return notified.getValue().then((list) => ({ ok: true, notified: list }));
      }
      return undefined;
    },
  };
}
