// One send, one event (DESIGN.md contract 1, merge rules): a send detected in the same thread
// within 2 minutes of one already recorded is the same send (a catch-up of a send recorded
// under its tracking id; the DOM's and the network's view of one click). The first record is
// kept whole.

export const SAME_SEND_MS = 2 * 60_000;

export interface SendRef {
  threadId: string;
  /** Epoch ms. */
  at: number;
}

export function isSameSend(a: SendRef, b: SendRef): boolean {
  return a.threadId === b.threadId && Math.abs(a.at - b.at) <= SAME_SEND_MS;
}
