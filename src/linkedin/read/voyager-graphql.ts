// LinkedIn messaging's GraphQL answers (LINKEDIN-SIGNALS.md "LinkedIn messaging" [revised,
// firm]), as the messaging readers (voyager-conversations.ts, voyager-messages.ts) and the
// Recruiter cost reader share them: answer fields, list and entity fields, the URNs in them.

import { type Envelope, envelopeOf, isObject, resolve } from './envelope';
import type { Problems } from './reading';

export type Obj = Record<string, unknown>;

/** The last instant an ISO string of four-digit years can write. */
const LAST_INSTANT = 253_402_300_799_999;

export const text = (value: unknown, max = 500) =>
  typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;
export const instant = (value: unknown) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= LAST_INSTANT
    ? value
    : undefined;

/** "urn:li:messagingThread:2-abc" or "urn:li:msg_conversation:(urn:li:fsd_profile:X,2-abc)" → "2-abc". */
export function threadIdOf(urn: unknown): string | undefined {
  if (typeof urn !== 'string') return undefined;
  return /(?:^|[:,(])(2-[A-Za-z0-9_=+/-]{1,200})\)?$/.exec(urn)?.[1];
}

/** The member profile id a URN names, also inside a participant URN ("…msg_messagingParticipant:urn:li:fsd_profile:X"). */
export function memberIn(urn: unknown): string | undefined {
  if (typeof urn !== 'string') return undefined;
  return /urn:li:fsd_profile:([A-Za-z0-9_-]{1,100})(?:$|[,)])/.exec(urn)?.[1];
}

/** The mailbox (always us) named first in a message or conversation URN: "urn:li:msg_message:(urn:li:fsd_profile:X,2-…)". */
export function mailboxOf(urn: unknown): string | undefined {
  if (typeof urn !== 'string') return undefined;
  return /^urn:li:msg_(?:message|conversation):\(urn:li:fsd_profile:([A-Za-z0-9_-]{1,100}),/.exec(urn)?.[1];
}

/** A list field, written plainly, as `{elements}`, or (normalized) as "*<name>" URNs found in `included`. */
export function listOf(env: Envelope, owner: Obj, name: string): unknown[] | null {
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
export function refOf(env: Envelope, owner: Obj, name: string): Obj | string | undefined {
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
