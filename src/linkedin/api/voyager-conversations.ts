// LinkedIn messaging's conversation lists (GraphQL `messengerConversationsByCategoryQuery`,
// `messengerConversationsBySyncToken`) [firm for the fields below, weak for `distance`]:
// `data.<query>.elements[]` with `backendUrn`, `categories` ("INMAIL" for InMail threads),
// `state` (PENDING, ACCEPTED, DECLINED), `hostUrnData.type` (SALES_INMAIL, PREMIUM_INMAIL: the
// pool that paid), `lastActivityAt`, `conversationParticipants[]` (`hostIdentityUrn`, the
// member's `distance`, "SELF" for us) and `messages.elements[]` (`entityUrn`, `deliveredAt`,
// `sender.hostIdentityUrn`). Extra fields and order do not matter; unknown shapes give nothing.

import * as v from 'valibot';

const urn = v.pipe(v.string(), v.minLength(1), v.maxLength(500));
const time = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

const participantSchema = v.looseObject({
  hostIdentityUrn: urn,
  participantType: v.optional(
    v.looseObject({
      member: v.optional(
        v.looseObject({
          distance: v.optional(v.string()),
          firstName: v.optional(v.looseObject({ text: v.optional(v.string()) })),
          lastName: v.optional(v.looseObject({ text: v.optional(v.string()) })),
        }),
      ),
    }),
  ),
});

const messageSchema = v.looseObject({
  entityUrn: urn,
  deliveredAt: time,
  sender: v.looseObject({ hostIdentityUrn: urn }),
});

const conversationSchema = v.looseObject({
  entityUrn: v.nullish(urn),
  backendUrn: v.nullish(urn),
  categories: v.nullish(v.array(v.string())),
  state: v.nullish(v.string()),
  lastActivityAt: v.nullish(time),
  hostUrnData: v.nullish(v.looseObject({ type: v.nullish(v.string()) })),
  conversationParticipants: v.nullish(v.array(v.unknown())),
  messages: v.nullish(v.looseObject({ elements: v.nullish(v.array(v.unknown())) })),
});

export type InmailPool = 'sales-navigator' | 'premium';

export interface VoyagerMessage {
  id: string;
  author: string;
  deliveredAt: number;
}

export interface VoyagerConversation {
  threadId: string;
  /** Which pool paid for the InMail that opened it; null when this is not an InMail thread. */
  pool: InmailPool | null;
  state: 'PENDING' | 'ACCEPTED' | 'DECLINED' | null;
  lastActivityAt: number | undefined;
  /** Our own identity in it (the participant at distance SELF), when the payload says. */
  me: string | undefined;
  /** The other participant's name, when there is exactly one other. */
  otherName: string | undefined;
  /** Oldest first. */
  messages: VoyagerMessage[];
}

const POOLS: Record<string, InmailPool> = { SALES_INMAIL: 'sales-navigator', PREMIUM_INMAIL: 'premium' };

/** "urn:li:messagingThread:2-abc" or "urn:li:msg_conversation:(urn:li:fsd_profile:X,2-abc)" → "2-abc". */
export function threadIdOf(conversationUrn: string): string {
  const match = /(?:^|[:,(])(2-[A-Za-z0-9_=+/-]+)\)?$/.exec(conversationUrn);
  return match ? (match[1] as string) : conversationUrn;
}

/** The elements of whichever conversation query the payload answers (plain or nested `data`). */
function elementsOf(input: unknown): unknown[] | null {
  let data = (input as { data?: unknown } | null)?.data;
  if (typeof data === 'object' && data !== null && 'data' in data) data = (data as { data: unknown }).data;
  if (typeof data !== 'object' || data === null) return null;
  for (const [key, value] of Object.entries(data)) {
    if (!key.startsWith('messengerConversations')) continue;
    const elements = (value as { elements?: unknown } | null)?.elements;
    if (Array.isArray(elements)) return elements;
  }
  return null;
}

export function parseVoyagerConversations(input: unknown): VoyagerConversation[] {
  const elements = elementsOf(input);
  if (elements === null) return [];
  const out: VoyagerConversation[] = [];
  for (const item of elements) {
    const parsed = v.safeParse(conversationSchema, item);
    if (!parsed.success) continue;
    const c = parsed.output;
    const conversationUrn = c.backendUrn ?? c.entityUrn;
    if (conversationUrn == null) continue;
    const categories = c.categories ?? [];
    const hostType = c.hostUrnData?.type;
    const pool = categories.includes('INMAIL') && hostType ? (POOLS[hostType] ?? null) : null;
    const participants = (c.conversationParticipants ?? []).flatMap((p) => {
      const r = v.safeParse(participantSchema, p);
      return r.success ? [r.output] : [];
    });
    const me = participants.find((p) => p.participantType?.member?.distance === 'SELF')?.hostIdentityUrn;
    const others = participants.filter((p) => p.hostIdentityUrn !== me);
    const member = others.length === 1 ? others[0]?.participantType?.member : undefined;
    const otherName = member
      ? [member.firstName?.text, member.lastName?.text].filter(Boolean).join(' ').slice(0, 200) || undefined
      : undefined;
    const messages: VoyagerMessage[] = [];
    for (const m of c.messages?.elements ?? []) {
      const r = v.safeParse(messageSchema, m);
      if (r.success)
        messages.push({
          id: r.output.entityUrn,
          author: r.output.sender.hostIdentityUrn,
          deliveredAt: r.output.deliveredAt,
        });
    }
    messages.sort((a, b) => a.deliveredAt - b.deliveredAt);
    const state = c.state === 'PENDING' || c.state === 'ACCEPTED' || c.state === 'DECLINED' ? c.state : null;
    out.push({
      threadId: threadIdOf(conversationUrn),
      pool,
      state,
      lastActivityAt: c.lastActivityAt ?? undefined,
      me,
      otherName,
      messages,
    });
  }
  return out;
}
