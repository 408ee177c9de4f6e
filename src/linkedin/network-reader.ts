// The isolated script's side of the tap: each message from our private port is checked like
// untrusted input, read by `readAnswer` with what this page has learned (who we are, the sends
// seen live, our InMail threads) and what the rep's composer showed at Send, and counted in
// detection health per endpoint.

import type { Detection } from '../messages/detection';
import { ENDPOINT_KINDS, type EndpointKind } from './endpoints';
import { type PageSide, readAnswer } from './read/answer';
import type { Memory, Problem } from './read/reading';
import type { TapMessage } from './tap';

const KINDS = new Set<string>(ENDPOINT_KINDS);

export function tapMessageOf(data: unknown): TapMessage | null {
  const m = data as TapMessage | null;
  return typeof m === 'object' &&
    m !== null &&
    KINDS.has(m.kind) &&
    Number.isInteger(m.status) &&
    (m.request === null || typeof m.request === 'string') &&
    typeof m.response === 'string'
    ? m
    : null;
}

export interface NetworkReader {
  memory: Memory;
  page: PageSide;
  noteHealth(endpoint: EndpointKind, problems: Problem[], at: number): void;
}

/** The detections in one message from the tap (none for anything unexpected). */
export function detectionsFromTap(data: unknown, reader: NetworkReader, now: number): Detection[] {
  const message = tapMessageOf(data);
  if (message === null || message.status < 200 || message.status >= 300) return [];
  const reading = readAnswer(
    {
      endpoint: message.kind,
      status: message.status,
      request: message.request,
      response: message.response,
      seenAt: now,
    },
    reader.memory,
    reader.page,
  );
  reader.noteHealth(message.kind, reading.problems, now);
  // Every reading of LinkedIn's count is an observation of its own, even two in one millisecond.
  return reading.detections.map((d) =>
    d.kind === 'balance' ? { ...d, id: `obs:${crypto.randomUUID()}` } : d,
  );
}
