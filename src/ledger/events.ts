// The ledger's records: seats and the append-only events of each (DESIGN.md, contract 1).
// Instants are ISO 8601 strings with an explicit offset, as in the ledger file.

import type { PlanId } from './plans';

export interface Seat {
  id: string;
  label: string;
  plan: PlanId;
  since: string;
  monthlyCredits?: number;
  cap?: number;
  grantDay?: number;
  timeZone?: string;
}

export type SendCost = 'paid' | 'free-connection' | 'free-open-profile';
export type SendSurface = 'sales-navigator' | 'messaging' | 'recruiter' | 'manual';
export type ResponseKind = 'reply' | 'accepted' | 'declined';

interface EventBase {
  id: string;
  seat: string;
  at: string;
}

export interface InmailSent extends EventBase {
  type: 'inmail-sent';
  threadId: string;
  cost: SendCost;
  surface?: SendSurface;
  recipient?: { name?: string; profileUrl?: string };
  /** The network proved the send but the page did not show its cost: recorded paid, correctable. */
  costUnknown?: true;
  /**
   * An InMail sent before the seat's `since` whose refund window was still open then
   * (CREDIT-RULES.md rule 17): always paid, spends nothing, its credit may come back.
   */
  beforeSetup?: true;
}

export interface ReplyReceived extends EventBase {
  type: 'reply-received';
  threadId: string;
  kind?: ResponseKind;
}

export interface ObservedBalance extends EventBase {
  type: 'observed-balance';
  balance: number;
  where?: string;
}

export interface OpeningBalance extends EventBase {
  type: 'opening-balance';
  balance: number;
}

export interface Adjustment extends EventBase {
  type: 'adjustment';
  delta: number;
  reason?: string;
}

export interface PlanChanged extends EventBase {
  type: 'plan-changed';
  plan: PlanId;
  monthlyCredits?: number;
  cap?: number;
  grantDay?: number;
  timeZone?: string;
  forfeit?: boolean;
}

export interface Voided extends EventBase {
  type: 'voided';
  target: string;
  reason?: string;
}

export type LedgerEvent =
  | InmailSent
  | ReplyReceived
  | ObservedBalance
  | OpeningBalance
  | Adjustment
  | PlanChanged
  | Voided;

export type EventType = LedgerEvent['type'];

export const EVENT_TYPES: readonly EventType[] = [
  'inmail-sent',
  'reply-received',
  'observed-balance',
  'opening-balance',
  'adjustment',
  'plan-changed',
  'voided',
];
