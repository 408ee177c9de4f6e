// Who is who in a LinkedIn messaging conversation of a list: its participants, and which of
// them is us (LINKEDIN-SIGNALS.md "LinkedIn messaging", who-is-us).

import type { Envelope } from './envelope';
import { isObject } from './envelope';
import type { Memory } from './reading';
import { listOf, mailboxOf, type Obj } from './voyager-graphql';
import { type Party, partyOf, type Shown } from './voyager-shown';

export function participantsOf(env: Envelope, conversation: Obj): Party[] {
  return (listOf(env, conversation, 'conversationParticipants') ?? [])
    .map((p) => partyOf(isObject(p) || typeof p === 'string' ? p : undefined))
    .filter((p) => p !== undefined);
}

/** The one participant LinkedIn marks `SELF`; none when several claim it (fail closed). */
export function selfIn(parties: Party[]): string | undefined {
  const selves = parties.filter((p) => p.self);
  return selves.length === 1 ? selves[0]?.id : undefined;
}

/**
 * Who we are in a conversation: the one participant LinkedIn marks `SELF` (remembered by
 * `readVoyagerConversations`), a participant the page knows is us, else the mailbox its URNs name.
 */
export function usIn(
  parties: Party[],
  shown: Shown[],
  conversation: Obj,
  memory: Memory,
): string | undefined {
  const self = selfIn(parties);
  if (self) return self;
  const known = parties.find((p) => p.id !== undefined && memory.me.has(p.id));
  return known?.id ?? shown.map((m) => m.mailbox).find(Boolean) ?? mailboxOf(conversation.entityUrn);
}
