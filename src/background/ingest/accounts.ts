// Whose detection it is: the LinkedIn account a page showed, against the one a seat remembers
// (DESIGN.md, "Seat assignment").

import type { Pool } from '../../ledger/plans';
import { PLANS } from '../../ledger/plans';
import type { SeatRecord } from '../../store/db';

/** The account namespace each pool's own pages show ("sales:" on Sales Navigator). */
export const HOME_ACCOUNT: Partial<Record<Pool, string>> = { 'sales-navigator': 'sales', premium: 'member' };

/** Whether an account ("sales:<id>") is of the namespace the pool's own pages show. */
export function isHomeAccount(pool: Pool | 'none' | undefined, account: string): boolean {
  return pool !== undefined && pool !== 'none' && HOME_ACCOUNT[pool] === account.split(':')[0];
}

/**
 * Whether a detection's account fits its seat: the first account seen on the pool's own pages
 * is remembered; accounts of another namespace (a Sales Navigator thread seen in LinkedIn
 * messaging) cannot be compared and pass.
 */
export function accountVerdict(seat: SeatRecord, account: string): 'ok' | 'remember' | 'other' {
  const namespace = account.split(':')[0];
  if (seat.account === undefined) return isHomeAccount(PLANS[seat.plan].pool, account) ? 'remember' : 'ok';
  if (seat.account.split(':')[0] !== namespace) return 'ok';
  return seat.account === account ? 'ok' : 'other';
}
