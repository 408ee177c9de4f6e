// LinkedIn messaging's conversation lists (LINKEDIN-SIGNALS.md "LinkedIn messaging" [revised,
// firm]): the GraphQL query `messengerConversations`, whose answer field under `data` depends on
// the variables (…BySyncToken, …ByCategoryQuery, …ByRecipients, …ByIds as a bare list, and any
// suffix to come). A list shows each conversation's LAST message only, so what we learn per
// thread (ours, which pool, when sent) goes to the page's memory: a later list that shows only
// the reply still refunds. Which pool paid is on the InMail message itself (`hostUrnData`).
// The helpers for messages and GraphQL answers below are shared with voyager-messages.ts.

import type { Detection } from '../../messages/detection';
import { accountOf } from '../accounts';
import { type Envelope, envelopeOf, isObject, resolve } from './envelope';
import { iso, type Memory, type Pool, Problems, type Reading } from './reading';

type Obj = Record<string, unknown>;

const POOLS: Record<string, Pool> = { SALES_INMAIL: 'sales-navigator', PREMIUM_INMAIL: 'premium' };
/** The last instant an ISO string of four-digit years can write. */
const LAST_INSTANT = 253_402_300_799_999;

const text = (value: unknown, max = 500) =>
  typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;
const instant = (value: unknown) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= LAST_INSTANT
    ? value
    : undefined;

/** "urn:li:messagingThread:2-abc" or "urn:li:msg_conversation:(urn:li:fsd_profile:X,2-abc)" → "2-abc". */
export function threadIdOf(urn: unknown): string | undefined {
  if (typeof urn !== 'string') return undefined;
  return /(?:^|[:,(])(2-[A-Za-z0-9_=+/-]{1,200})\)?$/.exec(urn)?.[1];
}

/** The member profile id a URN names, also inside a participant URN ("…msg_messagingParticipant:urn:li:fsd_profile:X"). */
function memberIn(urn: unknown): string | undefined {
  if (typeof urn !== 'string') return undefined;
  return /urn:li:fsd_profile:([A-Za-z0-9_-]{1,100})(?:$|[,)])/.exec(urn)?.[1];
}

/** The mailbox (always us) named first in a message or conversation URN: "urn:li:msg_message:(urn:li:fsd_profile:X,2-…)". */
function mailboxOf(urn: unknown): string | undefined {
  if (typeof urn !== 'string') return undefined;
  return /^urn:li:msg_(?:message|conversation):\(urn:li:fsd_profile:([A-Za-z0-9_-]{1,100}),/.exec(urn)?.[1];
}

/** A list field, written plainly, as `{elements}`, or (normalized) as "*<name>" URNs found in `included`. */
function listOf(env: Envelope, owner: Obj, name: string): unknown[] | null {
  const raw = owner[name] ?? owner[`*${name}`];
  const list = Array.isArray(raw)
    ? raw
    : isObject(raw)
      ? ((Array.isArray(raw.elements) ? raw.elements : raw['*elements']) as unknown)
      : null;
  if (!Array.isArray(list)) return null;
  return list.map((item) => (typeof item === 'string' ? (resolve(env, owner, name, item) ?? item) : item));
}

/** A one-entity field, resolved when the answer holds it; else its URN. */
function refOf(env: Envelope, owner: Obj, name: string): Obj | string | undefined {
  const raw = owner[name] ?? owner[`*${name}`];
  if (isObject(raw)) return raw;
  if (typeof raw !== 'string') return undefined;
  return resolve(env, owner, name, raw) ?? raw.replace(/^\*/, '');
}

/**
 * The items of every answer field whose name starts with the query's name (LinkedIn adds
 * suffixes as variables change), under `data` or `data.data`. Null, with the problem said,
 * when there is none: an answer we do not know is health, never silence.
 */
export function answerItems(
  response: unknown,
  query: string,
  problems: Problems,
): { env: Envelope; items: unknown[] } | null {
  const env = envelopeOf(response);
  if (env === null) {
    problems.add('answer in a shape we do not know');
    return null;
  }
  const ours = (o: Obj) => Object.keys(o).filter((k) => k.startsWith(query));
  const data = ours(env.body).length === 0 && isObject(env.body.data) ? env.body.data : env.body;
  const names = ours(data);
  if (names.length === 0) {
    const found = Object.keys(data).filter((k) => !k.startsWith('$'));
    problems.add(
      found.length > 0 ? `answer field ${found.join(', ')} not known` : 'answer without an answer field',
    );
    return null;
  }
  const items: unknown[] = [];
  for (const name of names) {
    const list = listOf(env, data, name);
    if (list === null) problems.add(`answer field ${name} without elements`);
    else items.push(...list);
  }
  return { env, items };
}

/** A participant or sender: who (member profile id), whether LinkedIn marks it as us, whether it is an organization. */
interface Party {
  id: string | undefined;
  self: boolean;
  org: boolean;
  name: string | undefined;
}

function partyOf(ref: Obj | string | undefined): Party | undefined {
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
function hasAd(o: Obj): boolean {
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

/** One thread as an answer shows it, once we know who we are. */
export interface ThreadView {
  threadId: string;
  /** Our profile id. */
  us: string;
  /** Readable, oldest first. */
  messages: Shown[];
  otherName: string | undefined;
  /**
   * A list's conversation not opened by the other side: its last message, theirs, is a reply
   * though our InMail is not shown (it sits earlier in the thread).
   */
  repliesWithoutInmail: boolean;
}

const isOurs = (m: Shown, us: string) => m.from?.id === us || m.from?.self === true || m.ownToken;
/** The other side's own words: not ours, no origin token, not an InMail. */
export const isTheirs = (m: Shown, us: string) =>
  m.from !== undefined && !isOurs(m, us) && m.inmail === undefined;

/**
 * Our InMail in the thread (remembered; a Premium one is a catch-up send) and every later
 * message of the other side (a reply). An InMail sent to us gives nothing; a follow-up chat of
 * ours (no `hostUrnData`) is never a new InMail.
 */
export function readThread(view: ThreadView, memory: Memory): Detection[] | string {
  const { threadId, us, messages } = view;
  const inmail = messages.find((m) => m.inmail !== undefined);
  if (inmail && !isOurs(inmail, us)) return [];
  const account = accountOf(`urn:li:fsd_profile:${us}`);
  const out: Detection[] = [];
  let pool: Pool | undefined;
  let since: number | undefined;
  if (inmail) {
    pool = POOLS[inmail.inmail as string];
    if (pool === undefined) return 'InMail of a kind we do not know';
    since = inmail.at as number;
    const known = memory.threads.get(threadId);
    memory.threads.set(threadId, { pool, sentAt: Math.min(since, known?.sentAt ?? since) });
    // A Sales Navigator InMail is recorded by Sales Navigator's own answers, under their ids.
    if (pool === 'premium')
      out.push({
        kind: 'send',
        pool,
        ...(account ? { account } : {}),
        surface: 'messaging',
        id: inmail.id as string,
        threadId,
        cost: 'paid',
        costUnknown: true,
        at: iso(since),
        ...(view.otherName ? { recipient: { name: view.otherName } } : {}),
      });
  } else {
    const known = memory.threads.get(threadId);
    if (known === undefined && !view.repliesWithoutInmail) return [];
    pool = known?.pool ?? undefined;
    since = known?.sentAt;
  }
  for (const m of messages)
    if (isTheirs(m, us) && (since === undefined || (m.at as number) > since))
      out.push({
        kind: 'response',
        ...(pool ? { pool } : {}),
        ...(account ? { account } : {}),
        id: m.id as string,
        threadId,
        at: iso(m.at as number),
        responseKind: 'reply',
      });
  return out;
}

function participantsOf(env: Envelope, conversation: Obj): Party[] {
  return (listOf(env, conversation, 'conversationParticipants') ?? [])
    .map((p) => partyOf(isObject(p) || typeof p === 'string' ? p : undefined))
    .filter((p) => p !== undefined);
}

/** The one participant LinkedIn marks `SELF`; none when several claim it (fail closed). */
function selfIn(parties: Party[]): string | undefined {
  const selves = parties.filter((p) => p.self);
  return selves.length === 1 ? selves[0]?.id : undefined;
}

/**
 * Who we are in a conversation: the one participant LinkedIn marks `SELF` (remembered by
 * `readVoyagerConversations`), a participant the page knows is us, else the mailbox its URNs name.
 */
function usIn(parties: Party[], shown: Shown[], conversation: Obj, memory: Memory): string | undefined {
  const self = selfIn(parties);
  if (self) return self;
  const known = parties.find((p) => p.id !== undefined && memory.me.has(p.id));
  return known?.id ?? shown.map((m) => m.mailbox).find(Boolean) ?? mailboxOf(conversation.entityUrn);
}

/** The accept/decline click: a response only when the list shows no message of the other side. */
function quickResponse(view: ThreadView, conversation: Obj, memory: Memory, seenAt: number): Detection[] {
  const state = conversation.state;
  if (state !== 'ACCEPTED' && state !== 'DECLINED') return [];
  if (view.messages.some((m) => isTheirs(m, view.us))) return [];
  const last = Math.max(-1, ...view.messages.map((m) => m.at as number));
  const activity = instant(conversation.lastActivityAt);
  // Lists often give `lastActivityAt` equal to the last message's time: then it says nothing of the click.
  const at = activity !== undefined && activity > last ? activity : seenAt;
  const pool = memory.threads.get(view.threadId)?.pool ?? undefined;
  const account = accountOf(`urn:li:fsd_profile:${view.us}`);
  return [
    {
      kind: 'response',
      ...(pool ? { pool } : {}),
      ...(account ? { account } : {}),
      id: `quick-response:${view.threadId}`,
      threadId: view.threadId,
      at: iso(at),
      responseKind: state === 'ACCEPTED' ? 'accepted' : 'declined',
    },
  ];
}

/** The detections of one conversation, or the problem that keeps it from giving any. */
function readConversation(env: Envelope, raw: unknown, memory: Memory, seenAt: number): Detection[] | string {
  if (!isObject(raw)) return 'conversation in a shape we do not know';
  const threadId = threadIdOf(raw.backendUrn) ?? threadIdOf(raw.entityUrn);
  if (threadId === undefined) return 'conversation without a thread id';
  if (!Array.isArray(raw.categories)) return 'conversation without categories';
  if (!raw.categories.includes('INMAIL')) return [];
  const parties = participantsOf(env, raw);
  const shown = (listOf(env, raw, 'messages') ?? []).map((m) => shownOf(env, m));
  // Sponsored messages also carry INMAIL: never ours, never a problem.
  if (hasAd(raw) || parties.some((p) => p.org) || shown.some((m) => m && (m.ad || m.from?.org))) return [];
  const bad = shown.map(unreadable).find(Boolean);
  if (bad) return bad;
  const messages = (shown as Shown[]).sort((a, b) => (a.at as number) - (b.at as number));
  const us = usIn(parties, messages, raw, memory);
  if (us === undefined) return 'could not tell which participant is you';
  const creator = partyOf(refOf(env, raw, 'creator'));
  // Opened by the other side: an InMail sent to us (also when we answered it), never ours.
  if (creator?.id !== undefined && creator.id !== us && !creator.self) return [];
  if (messages.some((m) => m.inmail !== undefined && !isOurs(m, us))) return [];
  const others = parties.filter((p) => p.id !== us);
  const view: ThreadView = {
    threadId,
    us,
    messages,
    otherName: others.length === 1 ? others[0]?.name : undefined,
    repliesWithoutInmail: true,
  };
  const found = readThread(view, memory);
  return typeof found === 'string' ? found : [...found, ...quickResponse(view, raw, memory, seenAt)];
}

export function readVoyagerConversations(response: unknown, memory: Memory, seenAt: number): Reading {
  const problems = new Problems();
  const answer = answerItems(response, 'messengerConversations', problems);
  if (answer === null) return { detections: [], elements: 0, problems: problems.list() };
  // First learn who we are from every conversation: a later one may be the one that tells.
  for (const raw of answer.items) {
    const self = isObject(raw) ? selfIn(participantsOf(answer.env, raw)) : undefined;
    if (self) memory.me.add(self);
  }
  const detections: Detection[] = [];
  for (const raw of answer.items) {
    const found = readConversation(answer.env, raw, memory, seenAt);
    if (typeof found === 'string') problems.add(found);
    else detections.push(...found);
  }
  return { detections, elements: answer.items.length, problems: problems.list() };
}
