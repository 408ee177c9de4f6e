// At-least-once delivery of detections: each goes into storage.local first, under a key of
// its own (so tabs and concurrent detectors never overwrite each other's entries), and leaves
// when the background acknowledges it. It survives reloads, closed tabs and a sleeping
// worker; any LinkedIn tab flushes what any other left. Ingest is idempotent by id, so the
// effect is exactly once even when two tabs send the same entry.

import { browser } from 'wxt/browser';
import type { DetectedMessage, DetectedReply, Detection } from '../messages/detection';
import { outboxKeys } from '../messages/storage';

export const OUTBOX_PREFIX = outboxKeys.prefix;
const BATCH = 200;

export async function deliver(detections: Detection[]): Promise<void> {
  if (detections.length === 0) return;
  // Stamped now, when the page made it, unless LinkedIn gave its own time: retries keep it.
  const stamp = new Date().toISOString();
  await outboxKeys.set(detections.map((d) => [d.id, { ...d, at: d.at ?? stamp }]));
  await flush();
}

let retry: ReturnType<typeof setTimeout> | null = null;
let retryDelay = 1_000;
let stopped = false;

/** The content script was invalidated (an update, a reload): no more retries from this page. */
export function stopOutbox(): void {
  stopped = true;
  if (retry !== null) clearTimeout(retry);
  retry = null;
}

/** Tries again later when the background could not take everything (a worker restarting). */
function retryLater(): void {
  if (retry !== null || stopped) return;
  retry = setTimeout(() => {
    retry = null;
    void flush();
  }, retryDelay);
  retryDelay = Math.min(retryDelay * 2, 60_000);
}

let inFlight: Promise<void> | null = null;
let again = false;

/** Sends what waits in the outbox, one flush at a time per page (another request runs after). */
export function flush(): Promise<void> {
  if (inFlight) {
    again = true;
    return inFlight;
  }
  inFlight = (async () => {
    let delivered = true;
    do {
      again = false;
      delivered = await flushOnce();
    } while (again && delivered);
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** One pass: what the background acknowledged leaves the outbox; false when it could not answer. */
async function flushOnce(): Promise<boolean> {
  const queued = Object.values(await outboxKeys.all())
    // Sends first, so no response reaches the background before the send of its thread.
    .sort((a, b) => Number(a.kind !== 'send') - Number(b.kind !== 'send'));
  for (let start = 0; start < queued.length; start += BATCH) {
    const message: DetectedMessage = { type: 'detected', detections: queued.slice(start, start + BATCH) };
    let reply: DetectedReply | undefined;
    try {
      reply = await browser.runtime.sendMessage(message);
    } catch {
      // The worker is restarting: the outbox keeps everything for the next try.
      retryLater();
      return false;
    }
    if (!reply?.ok || !Array.isArray(reply.acked)) {
      retryLater();
      return false;
    }
    await outboxKeys.remove(reply.acked.map(outboxKeys.key));
  }
  retryDelay = 1_000;
  return true;
}
