// One LinkedIn messaging message as a GraphQL answer shows it (LINKEDIN-SIGNALS.md "LinkedIn
// messaging"): who sent it, whether it is an InMail and from which pool (`hostUrnData`), an ad,
// its mailbox and thread. Shared by voyager-conversations.ts and voyager-messages.ts.

import { type Envelope, isObject } from './envelope';
import { instant, listOf, mailboxOf, memberIn, type Obj, refOf, text, threadIdOf } from './voyager-graphql';

/** A participant or sender: who (member profile id), whether LinkedIn marks it as us, whether it is an organization. */
export interface Party {
  id: string | undefined;
  self: boolean;
  org: boolean;
  name: string | undefined;
}

export function partyOf(ref: Obj | string | undefined): Party | undefined {
  // A URN that names no member names an organization (a sponsored sender).
  if (typeof ref === 'string')
    return { id: memberIn(ref), self: false, org: !memberIn(ref), name: undefined };
  if (ref === undefined) return undefined;
  const type = isObject(ref.participantType) ? ref.participantType : {};
  const member = isObject(type.member) ? type.member : undefined;
  const host = ref.hostIdentityUrn;
  const id = memberIn(host) ?? memberIn(ref.entityUrn);
  const first = isObject(member?.firstName) ? text(member.firstName.text, 100) : undefined;
  const last = isObject(member?.lastName) ? text(member.lastName.text, 100) : undefined;
  return {
    id,
    self: member?.distance === 'SELF',
    // Sponsored senders are organizations: `member: null` beside `organization`, or a URN of no member.
    // No URN at all is no organization: it is a sender we cannot read, and says so.
    org: isObject(type.organization) || type.member === null || (typeof host === 'string' && !memberIn(host)),
    name: [first, last].filter(Boolean).join(' ') || undefined,
  };
}

/** One message as an answer shows it. */
export interface Shown {
  id: string | undefined;
  at: number | undefined;
  from: Party | undefined;
  /** Our own messages carry an `originToken` (a uuid); others have it null. */
  ownToken: boolean;
  /** `hostUrnData.type` of its render content: this message is an InMail, paid from that pool. */
  inmail: string | undefined;
  ad: boolean;
  mailbox: string | undefined;
  thread: string | undefined;
}

/** Ad content: a sponsored message carries it on the message, its content or the conversation. */
export function hasAd(o: Obj): boolean {
  const own = (x: Obj) =>
    Object.entries(x).some(
      ([k, v]) => (/sponsor/i.test(k) || /^\*?ad[A-Z]/.test(k)) && v != null && v !== false,
    );
  return own(o) || (isObject(o.contentMetadata) && own(o.contentMetadata));
}

export function shownOf(env: Envelope, ref: unknown): Shown | null {
  if (!isObject(ref)) return null;
  const contents = [
    ...(listOf(env, ref, 'renderContent') ?? []),
    ...(listOf(env, ref, 'renderContentUnions') ?? []),
  ].filter(isObject);
  const host = [...contents.map((c) => c.hostUrnData), ref.hostUrnData].find(isObject);
  const conversation = refOf(env, ref, 'conversation');
  const conversationUrns = isObject(conversation)
    ? [conversation.backendUrn, conversation.entityUrn]
    : [conversation];
  const inmail = text(host?.type, 100);
  return {
    id: text(ref.entityUrn),
    at: instant(ref.deliveredAt),
    from: partyOf(refOf(env, ref, 'sender') ?? refOf(env, ref, 'actor')),
    ownToken: text(ref.originToken) !== undefined,
    inmail,
    ad: hasAd(ref) || contents.some(hasAd) || /SPONSORED/.test(inmail ?? ''),
    mailbox: mailboxOf(ref.entityUrn) ?? conversationUrns.map(mailboxOf).find(Boolean),
    thread: [ref.backendConversationUrn, ...conversationUrns].map(threadIdOf).find(Boolean),
  };
}

/** Why a message cannot be read, or undefined when it can. */
export function unreadable(m: Shown | null): string | undefined {
  if (m === null) return 'messages in a shape we do not know';
  if (m.id === undefined) return 'messages without ids';
  if (m.at === undefined) return 'messages without times';
  // Our own messages are known by their origin token; anyone else's must name its sender.
  if (m.from?.id === undefined && !m.from?.org && !m.ownToken) return 'messages without a sender';
  return undefined;
}
