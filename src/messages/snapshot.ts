// What the background publishes to storage.local for the popup and the overlays: small,
// ready to draw, never the database itself.

import type { SendCost } from '../ledger/events';
import type { PlanId } from '../ledger/plans';
import type { SendStatus } from '../ledger/send-status';
import type { Summary } from '../ledger/summarize';
import type { Settings } from './settings';

export const SNAPSHOT_KEY = 'snapshot';

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
  settings: Settings;
  /** A write that failed and is being retried, in words for the rep. */
  storageProblem: string | null;
  /** When the ledger was found deleted outside the extension (kept until seats exist again). */
  ledgerLostAt: string | null;
  /** Messages refused by validation since install (detection health). */
  droppedMessages: number;
  /** What LinkedIn showed of each pool that has no seat yet (setup proposes it). */
  seenBeforeSetup?: {
    pool: string;
    balance?: { value: number; at: string; where: string };
    account?: string;
  }[];
  /** Detections waiting for the rep to say which seat they belong to. */
  unassigned: { key: string; pool: string; type: string; at: string; recipient?: string; account?: string }[];
}

export const RECENT_INMAILS = 50;
