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

// The vocabularies, each declared once: the ledger file, the messages, the snapshot and the
// readers all take their values (and their types) from these arrays.

/** What a send cost (CREDIT-RULES.md): a credit, or nothing to a connection or an Open Profile. */
export const SEND_COSTS = ['paid', 'free-connection', 'free-open-profile'] as const;
export type SendCost = (typeof SEND_COSTS)[number];
/** The free costs: what the rep may say a send recorded as paid really was. */
export const FREE_COSTS = ['free-connection', 'free-open-profile'] as const satisfies readonly SendCost[];

/** The LinkedIn surfaces a send is detected on. */
export const DETECTED_SURFACES = ['sales-navigator', 'messaging', 'recruiter'] as const;
/** Where a send was made: a LinkedIn surface, or logged by hand. */
export const SEND_SURFACES = [...DETECTED_SURFACES, 'manual'] as const;
export type SendSurface = (typeof SEND_SURFACES)[number];

/** How a recipient responded (rule 8): a reply, or an accepted or declined InMail. */
export const RESPONSE_KINDS = ['reply', 'accepted', 'declined'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

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
