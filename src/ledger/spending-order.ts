// The live lots with credits, kept in the order credits leave them (rule 5: soonest expiry,
// then earliest grant, then creation), as a binary heap: a ledger with thousands of live
// lots still spends in O(log n). Lots that empty or stop being live are dropped lazily.

import type { Lot } from './replay';

export function bySpendingOrder(a: Lot, b: Lot): number {
  return a.expiresAt - b.expiresAt || a.grantedAt - b.grantedAt || a.seq - b.seq;
}

export class SpendingOrder {
  private heap: Lot[] = [];

  /** A lot that has (again) credits to spend. A lot already queued may be queued twice. */
  add(lot: Lot): void {
    const h = this.heap;
    h.push(lot);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (bySpendingOrder(h[i] as Lot, h[parent] as Lot) >= 0) break;
      [h[i], h[parent]] = [h[parent] as Lot, h[i] as Lot];
      i = parent;
    }
  }

  /** The live lot with credits that is spent first, or null. */
  first(): Lot | null {
    const h = this.heap;
    while (h.length > 0) {
      const top = h[0] as Lot;
      if (top.remaining > 0 && top.state === 'live') return top;
      this.removeTop();
    }
    return null;
  }

  clear(): void {
    this.heap = [];
  }

  private removeTop(): void {
    const h = this.heap;
    const last = h.pop() as Lot;
    if (h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && bySpendingOrder(h[l] as Lot, h[m] as Lot) < 0) m = l;
      if (r < h.length && bySpendingOrder(h[r] as Lot, h[m] as Lot) < 0) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m] as Lot, h[i] as Lot];
      i = m;
    }
  }
}
