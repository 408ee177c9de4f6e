// Sales Navigator's message threads (LINKEDIN-SIGNALS.md "Threads / inbox" [firm], "Who is us"
// [revised], "Replies", "Catch-up"): the inbox list and the one-thread answer, in all three
// envelopes. From each thread whose InMail is ours: that InMail (a catch-up send, at LinkedIn's
// `deliveredAt`) and every later message by someone else (a reply). Who we are is learned from
// the answer and the page's memory, never guessed: a thread that cannot tell gives nothing
// and says so.

import type { Detection } from '../../messages/detection';
import { accountOf } from '../accounts';
import { type Envelope, elementsOf, envelopeOf, isObject, resolve } from './envelope';
import { iso, type Memory, Problems, profileIdOf, type Reading } from './reading';

type Obj = Record<string, unknown>;

const POOL = 'sales-navigator' as const;
/** A send seen live and an InMail in its thread within this much are the same send (contract 1). */
const SAME_SEND_MS = 120_000;
/** The last instant an ISO string of four-digit years can write. */
const LAST_INSTANT = 253_402_300_799_999;

interface Person {
  urn: string;
  /** Compares people: the profile id (the URN's token differs between pages), else the URN. */
  key: string;
  degree: number | undefined;
  name: string | undefined;
  member: string | undefined;
}

interface Message {
  id: string | undefined;
  inmail: boolean;
  author: string | undefined;
  deliveredAt: number;
}

interface Thread {
  id: string;
  people: Person[];
  /** Oldest first. */
  messages: Message[];
}

/** Who we are in one thread. */
interface Us {
  urn: string;
  key: string;
}

/** The bare "2-…" of a thread id or URN: "urn:li:fs_salesThread:(2-abc)" → "2-abc". */
export function bareThreadId(raw: string): string {
  const urn = /^urn:li:[A-Za-z_]+:\(?([^,()]+)\)?$/.exec(raw);
  return urn ? (urn[1] as string) : raw;
}

const keyOf = (urn: string) => profileIdOf(urn) ?? urn;
const unstar = (urn: string) => (urn.startsWith('*') ? urn.slice(1) : urn);
const text = (value: unknown, max: number) =>
  typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;

/** A field that a normalized answer may write as "*<field>". */
function field(owner: Obj, name: string): unknown {
  return owner[name] ?? owner[`*${name}`];
}

function personOf(env: Envelope, thread: Obj, ref: unknown): Person | null {
  const urn = typeof ref === 'string' ? unstar(ref) : isObject(ref) ? text(ref.entityUrn, 500) : undefined;
  if (urn === undefined) return null;
  // The thread's own map first; an answer that keeps one map beside its elements is read too.
  const profile = resolve(env, thread, 'participants', ref) ?? resolve(env, env.body, 'participants', ref);
  const parts = [profile?.firstName, profile?.lastName].filter((p) => typeof p === 'string' && p !== '');
  return {
    urn,
    key: keyOf(urn),
    degree: typeof profile?.degree === 'number' ? profile.degree : undefined,
    name: text(profile?.fullName, 200) ?? text(parts.join(' '), 200),
    member: text(profile?.objectUrn, 200),
  };
}

/** A message, or the problem that keeps it from being read. */
function messageOf(env: Envelope, thread: Obj, ref: unknown): Message | string {
  const m = resolve(env, thread, 'messages', ref);
  if (m === null) return 'messages in a shape we do not know';
  const at = m.deliveredAt;
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0 || at > LAST_INSTANT)
    return 'messages without times';
  const author = field(m, 'author');
  const authorUrn = typeof author === 'string' ? author : isObject(author) ? author.entityUrn : undefined;
  return {
    id: text(m.id, 300),
    // A type we do not know is an ordinary message: only "INMAIL" can cost a credit.
    inmail: m.type === 'INMAIL',
    author: typeof authorUrn === 'string' && authorUrn !== '' ? unstar(authorUrn) : undefined,
    deliveredAt: at,
  };
}

/** A thread, or the problem that keeps it from being read. */
function threadOf(env: Envelope, raw: unknown): Thread | string {
  if (!isObject(raw)) return 'thread in a shape we do not know';
  const id = text(raw.id, 300) ?? text(raw.entityUrn, 300);
  const participants = field(raw, 'participants');
  const messages = field(raw, 'messages');
  if (
    id === undefined ||
    !Array.isArray(messages) ||
    (participants !== undefined && !Array.isArray(participants))
  )
    return 'thread in a shape we do not know';
  const read: Message[] = [];
  for (const m of messages) {
    const message = messageOf(env, raw, m);
    if (typeof message === 'string') return message;
    read.push(message);
  }
  const people = (participants ?? []).map((p) => personOf(env, raw, p)).filter((p) => p !== null);
  // Some answers list messages newest first, others oldest first: only deliveredAt tells.
  read.sort((a, b) => a.deliveredAt - b.deliveredAt);
  return { id: bareThreadId(id), people, messages: read };
}

/** The threads of the answer; null when it is no inbox or thread answer at all. */
function threadsOf(response: unknown): { env: Envelope; list: unknown[] } | null {
  const env = envelopeOf(response);
  if (env === null) return null;
  const list = elementsOf(env);
  const single = list.length === 1 && (list[0] === env.body || list[0] === env.body.data);
  // One thread's answer is the thread itself; anything else without `elements` is not ours.
  if (single && (!isObject(list[0]) || !Array.isArray(field(list[0], 'messages')))) return null;
  return { env, list };
}

/** Exactly one candidate, or none when there are none or several (fail closed). */
function one(candidates: Us[]): Us | undefined {
  const keys = new Set(candidates.map((c) => c.key));
  return keys.size === 1 ? candidates[0] : undefined;
}

/**
 * Who we are in a thread, in the order LINKEDIN-SIGNALS.md gives: the profile of degree 0
 * (when profiles disagree: an answer may give everyone the same degree); a profile the page
 * knows is us; the author of a send seen live.
 */
function usIn(thread: Thread, memory: Memory): Us | undefined {
  const degrees = new Set(thread.people.map((p) => p.degree));
  const byDegree = degrees.size > 1 ? one(thread.people.filter((p) => p.degree === 0)) : undefined;
  if (byDegree) return byDegree;
  const byMemory = one(
    thread.people.filter(
      (p) => memory.me.has(p.key) || (p.member !== undefined && memory.members.has(p.member)),
    ),
  );
  if (byMemory) return byMemory;
  const live = thread.messages.filter(
    (m) =>
      m.author !== undefined &&
      memory.liveSends.some(
        (s) =>
          s.id === m.id ||
          (m.inmail && s.threadId === thread.id && Math.abs(m.deliveredAt - s.at) <= SAME_SEND_MS),
      ),
  );
  return one(live.map((m) => ({ urn: m.author as string, key: keyOf(m.author as string) })));
}

/** The detections of one thread, or the problem that keeps it from giving any. */
function detectionsOf(thread: Thread, memory: Memory): Detection[] | string {
  if (thread.messages.some((m) => m.id === undefined)) return 'messages without ids';
  const us = usIn(thread, memory);
  const known = memory.threads.get(thread.id);
  if (us === undefined)
    // A thread without any InMail that we do not know as ours cannot be ours: nothing to tell.
    return thread.messages.some((m) => m.inmail) || known ? 'could not tell which participant is you' : [];
  const account = accountOf(us.urn);
  const ours = thread.messages.filter(
    (m) => m.inmail && m.author !== undefined && keyOf(m.author) === us.key,
  );
  const since = ours[0]?.deliveredAt ?? known?.sentAt;
  if (since === undefined) return [];
  memory.threads.set(thread.id, { pool: POOL, sentAt: Math.min(since, known?.sentAt ?? since) });
  const others = thread.people.filter((p) => p.key !== us.key);
  const name = others.length === 1 ? others[0]?.name : undefined;
  const sends = ours.map(
    (m): Detection => ({
      kind: 'send',
      pool: POOL,
      ...(account ? { account } : {}),
      surface: POOL,
      id: m.id as string,
      threadId: thread.id,
      cost: 'paid',
      costUnknown: true,
      at: iso(m.deliveredAt),
      ...(name ? { recipient: { name } } : {}),
    }),
  );
  // A message with no author is nobody's reply (a system line, a trimmed answer).
  const replies = thread.messages
    .filter((m) => m.author !== undefined && keyOf(m.author) !== us.key && m.deliveredAt > since)
    .map(
      (m): Detection => ({
        kind: 'response',
        pool: POOL,
        ...(account ? { account } : {}),
        id: m.id as string,
        threadId: thread.id,
        at: iso(m.deliveredAt),
        responseKind: 'reply',
      }),
    );
  return [...sends, ...replies];
}

/** `_seenAt` is unused: every event here has LinkedIn's own time (`deliveredAt`). */
export function readSalesThreads(response: unknown, memory: Memory, _seenAt: number): Reading {
  const problems = new Problems();
  const answer = threadsOf(response);
  if (answer === null) {
    problems.add('answer in a shape we do not know');
    return { detections: [], elements: 0, problems: problems.list() };
  }
  const threads: Thread[] = [];
  for (const raw of answer.list) {
    const thread = threadOf(answer.env, raw);
    if (typeof thread === 'string') problems.add(thread);
    else threads.push(thread);
  }
  // First learn who we are from every thread: a later thread may be the one that tells.
  for (const thread of threads) {
    const us = usIn(thread, memory);
    const id = us && profileIdOf(us.urn);
    if (id) memory.me.add(id);
  }
  const detections: Detection[] = [];
  for (const thread of threads) {
    const found = detectionsOf(thread, memory);
    if (typeof found === 'string') problems.add(found);
    else detections.push(...found);
  }
  return { detections, elements: answer.list.length, problems: problems.list() };
}
