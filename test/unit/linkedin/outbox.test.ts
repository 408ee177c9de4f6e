// The outbox stamps each detection when the page makes it (DESIGN.md contract 1, "Times"), and
// a retry later keeps that stamp: an outbox retry minutes or days late moves nothing.

import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deliver, flush, OUTBOX_PREFIX } from '../../../src/linkedin/outbox';

beforeEach(() => {
  fakeBrowser.reset();
  vi.useRealTimers();
});

test('a detection is stamped when the page made it, and the stamp survives a late retry', async () => {
  const madeAt = Date.parse('2026-11-29T10:00:00.000Z');
  vi.useFakeTimers({ now: madeAt, toFake: ['Date'] });
  // No worker answers yet: the detection stays in the outbox.
  fakeBrowser.runtime.onMessage.addListener(() => undefined);
  await deliver([{ kind: 'balance', pool: 'sales-navigator', id: 'obs:1', balance: 118, where: 'compose' }]);
  const stored = await fakeBrowser.storage.local.get(`${OUTBOX_PREFIX}obs:1`);
  expect(stored[`${OUTBOX_PREFIX}obs:1`]).toMatchObject({ at: '2026-11-29T10:00:00.000Z', balance: 118 });

  // Two days later a worker takes it: what it receives still says 10:00 on the 29th.
  vi.setSystemTime(madeAt + 2 * 86_400_000);
  const received: unknown[] = [];
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    received.push(message);
    return Promise.resolve({ ok: true, acked: ['obs:1'] });
  });
  await flush();
  expect(received).toMatchObject([{ detections: [{ id: 'obs:1', at: '2026-11-29T10:00:00.000Z' }] }]);
});

test('LinkedIn’s own time, when the answer gave one, is kept as it is', async () => {
  fakeBrowser.runtime.onMessage.addListener(() => undefined);
  const at = '2026-11-01T08:30:00.000Z';
  await deliver([{ kind: 'response', id: 'r1', threadId: '2-a', at, responseKind: 'reply' }]);
  const stored = await fakeBrowser.storage.local.get(`${OUTBOX_PREFIX}r1`);
  expect(stored[`${OUTBOX_PREFIX}r1`]).toMatchObject({ at });
});
