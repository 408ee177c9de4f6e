// What the background publishes to storage.local for the popup and the overlays: small,
// ready to draw, never the database itself.

import type { EventType, SendCost } from '../ledger/events';
import type { PlanId, Pool } from '../ledger/plans';
import type { SendStatus } from '../ledger/send-status';
import type { Summary } from '../ledger/summarize';
import type { BalanceSource } from './detection';
import type { Settings } from './settings';

/** Its key in storage.local (declared as a storage item in ./storage.ts). */
export const SNAPSHOT_KEY = 'snapshot';

/** What LinkedIn's pages showed of a pool that has no seat yet: setup proposes it (issue 15). */
export interface SeenPool {
  balance?: { value: number; at: string; where: BalanceSource };
  account?: string;
}

export interface SeatBrief {
  id: string;
  label: string;
  plan: PlanId;
  timeZone: string;
  available: number;
  /** When the seat began (its opening balance). */
  since?: string;
  /** The LinkedIn account the seat remembered ("sales:<id>", "member:<id>"): who is us on its pages. */
  account?: string;
  /** The plan's monthly grant and cap (what the next grant can lose at the cap). */
  monthlyCredits: number;
  cap: number;
}

export interface InmailRow {
  id: string;
  threadId: string;
  sentAt: string;
  cost: SendCost;
  status: SendStatus;
  recipient?: { name?: string; profileUrl?: string };
  windowClosesAt: string;
  respondedAt?: string;
  /** The network proved the send, the page did not show its cost: counted paid, the rep may say it was free. */
  costUnknown?: true;
  /** Sent before the seat was set up (rule 17): spent nothing here, may still come back. */
  beforeSetup?: true;
  /** Whether a response could still bring the credit back (pending refund). */
  refundable: boolean;
  /** Until when a response still brings it back: the earlier of its window's close and its lot's expiry. */
  refundDeadline?: string;
}

export interface Snapshot {
  computedAt: string;
  activeSeat: string | null;
  seats: SeatBrief[];
  summary: Summary | null;
  /** The active seat's latest InMails, newest first. */
  inmails: InmailRow[];
  /** How many of the active seat's InMails stand in each state (all of them, not only the latest). */
  statusCounts: Record<SendStatus, number>;
  /** The soonest refund deadline of all the active seat's pending InMails (null: none pending). */
  soonestRefundDeadline: string | null;
  settings: Settings;
  /** A write that failed and is being retried, in words for the rep. */
  storageProblem: string | null;
  /** When the ledger was found deleted outside the extension (kept until seats exist again). */
  ledgerLostAt: string | null;
  /** Messages refused by validation since install (detection health). */
  droppedMessages: number;
  /** What LinkedIn showed of each pool that has no seat yet (setup proposes it). */
  seenBeforeSetup?: (SeenPool & { pool: Pool })[];
  /** Detections waiting for the rep to say which seat they belong to. */
  unassigned: UnassignedRow[];
}

export interface UnassignedRow {
  key: string;
  /** 'unknown' for a response seen where nothing said which pool its InMail came from. */
  pool: Pool | 'unknown';
  type: EventType;
  at: string;
  recipient?: string;
  account?: string;
}

export const RECENT_INMAILS = 50;
