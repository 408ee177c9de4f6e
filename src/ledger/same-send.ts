// One send, one event (DESIGN.md contract 1, merge rules): a send detected in the same thread
// within 2 minutes of one already recorded is the same send (a catch-up of a send recorded
// under its tracking id; the DOM's and the network's view of one click). The first record is
// kept whole. A send recorded before its thread was known (LinkedIn's answer named no thread,
// so its thread is its own id) is the same as a later send to the same person within 2
// minutes that names the thread: the thread is then learned.

export const SAME_SEND_MS = 2 * 60_000;

export interface SendRef {
  id: string;
  threadId: string;
  /** Epoch ms. */
  at: number;
  recipientName?: string;
}

/** Recorded before LinkedIn named its thread. */
export function threadUnknown(s: SendRef): boolean {
  return s.threadId === s.id;
}

/**
 * How a newly detected send relates to one recorded: the same send ('same'), the same send
 * whose thread we now learn ('thread-learned'), or another send (null).
 */
export function sameSend(recorded: SendRef, detected: SendRef): 'same' | 'thread-learned' | null {
  if (Math.abs(recorded.at - detected.at) > SAME_SEND_MS) return null;
  if (recorded.threadId === detected.threadId) return 'same';
  if (!threadUnknown(recorded) || threadUnknown(detected)) return null;
  const a = recorded.recipientName?.trim().toLowerCase();
  const b = detected.recipientName?.trim().toLowerCase();
  return a && b && a !== b ? null : 'thread-learned';
}

export function isSameSend(a: SendRef, b: SendRef): boolean {
  return sameSend(a, b) !== null;
}
