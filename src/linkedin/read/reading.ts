// What reading one LinkedIn answer gives (DESIGN.md contract 5): the detections, how many
// elements it held, and why any of them could not be read. An answer counts as read only
// when every element was; each reason is said once, with how many elements it hit, in the
// words the popup's detection health uses.

import type { Pool } from '../../ledger/plans';
import type { Detection } from '../../messages/detection';

export interface Problem {
  reason: string;
  count: number;
}

export interface Reading {
  detections: Detection[];
  /** Elements (threads, conversations, messages, credit grants…) the answer held. */
  elements: number;
  problems: Problem[];
}

/** A thread learned to hold an InMail of ours (so a later answer that shows only a reply still refunds). */
export interface KnownThread {
  pool: Pool | null;
  sentAt: number;
}

/**
 * What one page (or one HAR) has learned so far, shared by every reader: who we are, the
 * sends seen live, the InMail threads of ours. Readers add to it as they read.
 */
export interface Memory {
  /** Profile ids known to be us: the `ACwAA…` of an fs_salesProfile, the `ACoAA…` of an fsd_profile. */
  me: Set<string>;
  /** `urn:li:member:N` known to be us (matched against a profile's `objectUrn`). */
  members: Set<string>;
  /** createMessage sends seen on this page (who-is-us, rule 3 of LINKEDIN-SIGNALS.md). */
  liveSends: { id: string; threadId: string; at: number }[];
  /** Threads known to hold an InMail of ours, by `2-…` id. */
  threads: Map<string, KnownThread>;
}

export function newMemory(): Memory {
  return { me: new Set(), members: new Set(), liveSends: [], threads: new Map() };
}

/** Collects problems by reason, each said once with its count. */
export class Problems {
  private counts = new Map<string, number>();
  add(reason: string, count = 1): void {
    if (count > 0) this.counts.set(reason, (this.counts.get(reason) ?? 0) + count);
  }
  list(): Problem[] {
    return [...this.counts].map(([reason, count]) => ({ reason, count }));
  }
}

/** The profile id inside a LinkedIn profile URN: "urn:li:fs_salesProfile:(ACwAA…,NAME_SEARCH,ab)" → "ACwAA…". */
export function profileIdOf(urn: string | undefined | null): string | undefined {
  if (typeof urn !== 'string') return undefined;
  const sales = /^urn:li:fs_salesProfile:\(([A-Za-z0-9_-]{1,100}),/.exec(urn);
  if (sales) return sales[1];
  const member = /^urn:li:(?:fsd_profile|fs_miniProfile|fs_profile|ts_profile):([A-Za-z0-9_-]{1,100})$/.exec(
    urn,
  );
  return member ? member[1] : undefined;
}

/** An ISO instant of epoch ms. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Lowercase hex of a string's char codes: two digits each, four above 255 (DESIGN.md contract 1). */
export function hexOfChars(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += code > 255 ? code.toString(16).padStart(4, '0') : code.toString(16).padStart(2, '0');
  }
  return out;
}

export function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
