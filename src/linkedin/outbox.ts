// At-least-once delivery of detections: each goes into an outbox in storage.local first
// (it survives reloads, closed tabs and a sleeping worker) and leaves it when the
// background acknowledges it. Ingest is idempotent by id, so the effect is exactly once.

import { browser } from 'wxt/browser';
import type { DetectedMessage, Detection } from '../messages/detection';

export const OUTBOX_KEY = 'outbox';

async function read(): Promise<Detection[]> {
  return ((await browser.storage.local.get(OUTBOX_KEY))[OUTBOX_KEY] as Detection[] | undefined) ?? [];
}

export async function deliver(detections: Detection[]): Promise<void> {
  const queued = await read();
  const ids = new Set(queued.map((d) => d.id));
  await browser.storage.local.set({ [OUTBOX_KEY]: [...queued, ...detections.filter((d) => !ids.has(d.id))] });
  await flush();
}

/** Sends what waits in the outbox; what the background acknowledged leaves it. */
export async function flush(): Promise<void> {
  const queued = await read();
  if (queued.length === 0) return;
  const message: DetectedMessage = { type: 'detected', detections: queued.slice(0, 200) };
  let reply: { ok?: boolean; acked?: string[] } | undefined;
  try {
    reply = await browser.runtime.sendMessage(message);
  } catch {
    return; // The worker is restarting: the outbox keeps everything for the next flush.
  }
  if (!reply?.ok || !Array.isArray(reply.acked)) return;
  const acked = new Set(reply.acked);
  const left = (await read()).filter((d) => !acked.has(d.id));
  await browser.storage.local.set({ [OUTBOX_KEY]: left });
}
