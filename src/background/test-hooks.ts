// Test builds only (`wxt build --mode e2e`): let an e2e test move the background's clock,
// fire the alarm handler and read the notifications shown. Never in the production bundle:
// entrypoints/background.ts imports this behind `import.meta.env.MODE === 'e2e'`.

import { browser } from 'wxt/browser';
import { now, setNow } from './clock';
import type { Hooks } from './main';

const CLOCK_KEY = 'test:clock';
const NOTIFIED_KEY = 'test:notified';

export function testHooks(): Hooks {
  // The offset from the real clock is kept, so the test clock runs on across a restart.
  const ready = browser.storage.local.get(CLOCK_KEY).then((stored) => {
    const offset = stored[CLOCK_KEY];
    if (typeof offset === 'number') setNow(Date.now() + offset);
  });
  return {
    ready,
    onNotify: async (id, message) => {
      const stored = (await browser.storage.local.get(NOTIFIED_KEY))[NOTIFIED_KEY] as unknown[] | undefined;
      await browser.storage.local.set({ [NOTIFIED_KEY]: [...(stored ?? []), { id, message, at: now() }] });
    },
    testMessage(message, service) {
      const m = message as { type?: string; at?: number };
      if (m?.type === 'test:set-clock' && typeof m.at === 'number') {
        const at = m.at;
        return ready.then(async () => {
          setNow(at);
          await browser.storage.local.set({ [CLOCK_KEY]: at - Date.now() });
          return { ok: true, snapshot: await service.refresh() };
        });
      }
      if (m?.type === 'test:fire-alarm') {
        return ready.then(async () => ({ ok: true, snapshot: await service.refresh() }));
      }
      if (m?.type === 'test:notified') {
        return browser.storage.local
          .get(NOTIFIED_KEY)
          .then((s) => ({ ok: true, notified: s[NOTIFIED_KEY] ?? [] }));
      }
      return undefined;
    },
  };
}
