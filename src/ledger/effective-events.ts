// The events a replay counts, in the order CREDIT-RULES.md rule 16 gives them: one seat's,
// voided ones removed (rule 14), up to an instant, each once.

import type { LedgerEvent, Seat } from './events';
import { parseInstant } from './instant';

/** Order of kinds at one instant (rule 16); expiries come first, grants after plan changes. */
function kindRank(type: LedgerEvent['type']): number {
  switch (type) {
    case 'plan-changed':
      return 0;
    case 'opening-balance':
      return 1;
    case 'adjustment':
      return 2;
    case 'inmail-sent':
      return 3;
    case 'reply-received':
      return 4;
    case 'observed-balance':
      return 5;
    default:
      return 6;
  }
}

/** Events in rule 16's order, with their instants alongside (no wrapper per event). */
export interface Ordered {
  events: LedgerEvent[];
  times: Float64Array;
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function instantOf(text: string): number {
  const t = parseInstant(text);
  if (t === null) throw new RangeError(`not an ISO 8601 instant with an offset: ${text}`);
  return t;
}

/**
 * The events that count: this seat's, voided targets removed (whenever the void was
 * recorded, rule 14), up to `at`, in rule 16's order, an event given twice counted once.
 * Ids are unique within a seat (the store and the file validator enforce it), so a
 * repeat is the same event and, once sorted, sits next to itself.
 */
export function effectiveEvents(seat: Seat, input: readonly LedgerEvent[], at: number): Ordered {
  let voids: Map<string, string> | null = null;
  for (const e of input) {
    if (e.type === 'voided' && (e.seat === undefined || e.seat === seat.id)) {
      voids ??= new Map();
      voids.set(e.id, e.target);
    }
  }
  let voided: Set<string> | null = null;
  if (voids !== null) {
    voided = new Set();
    // A void aimed at another void is not a valid correction: it does nothing.
    for (const target of voids.values()) if (!voids.has(target)) voided.add(target);
  }
  let events: LedgerEvent[] = [];
  let times = new Float64Array(input.length);
  const ranks = new Uint8Array(input.length);
  let sorted = true;
  for (const e of input) {
    if (e.type === 'voided' || (e.seat !== undefined && e.seat !== seat.id)) continue;
    if (voided?.has(e.id)) continue;
    const t = instantOf(e.at);
    if (t > at) continue;
    const rank = kindRank(e.type);
    const n = events.length;
    if (sorted && n > 0) {
      const order =
        (times[n - 1] as number) - t ||
        (ranks[n - 1] as number) - rank ||
        compareIds((events[n - 1] as LedgerEvent).id, e.id);
      if (order > 0) sorted = false;
    }
    times[n] = t;
    ranks[n] = rank;
    events.push(e);
  }
  if (!sorted) {
    const index = events.map((_, k) => k);
    index.sort(
      (a, b) =>
        (times[a] as number) - (times[b] as number) ||
        (ranks[a] as number) - (ranks[b] as number) ||
        compareIds((events[a] as LedgerEvent).id, (events[b] as LedgerEvent).id),
    );
    const sortedTimes = new Float64Array(index.length);
    index.forEach((k, j) => {
      sortedTimes[j] = times[k] as number;
    });
    events = index.map((k) => events[k] as LedgerEvent);
    times = sortedTimes;
  }
  let kept = 0;
  for (let k = 0; k < events.length; k++) {
    const e = events[k] as LedgerEvent;
    const t = times[k] as number;
    if (kept > 0 && times[kept - 1] === t && (events[kept - 1] as LedgerEvent).id === e.id) continue;
    events[kept] = e;
    times[kept] = t;
    kept++;
  }
  events.length = kept;
  return { events, times: times.subarray(0, kept) };
}
