// Sales Navigator's message threads: the inbox list (`elements`) or one thread [firm].
// Each thread: `id` ("2-…"), `participants` (profile URNs, resolved with `degree`, ours 0)
// and `messages` (newest first) with `id`, `type` ("INMAIL" for an InMail), `author` and
// `deliveredAt` (epoch ms). Extra fields and order do not matter; unknown shapes give nothing.

import * as v from 'valibot';

const urn = v.pipe(v.string(), v.minLength(1), v.maxLength(500));

const messageSchema = v.looseObject({
  id: urn,
  type: v.optional(v.string()),
  author: v.optional(urn),
  deliveredAt: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
});

const threadSchema = v.looseObject({
  id: urn,
  participants: v.optional(v.array(v.unknown())),
  messages: v.optional(v.array(v.unknown())),
});

const payloadSchema = v.looseObject({
  elements: v.optional(v.array(v.unknown())),
  participantsResolutionResults: v.optional(v.record(v.string(), v.unknown())),
});

const resolvedSchema = v.looseObject({ degree: v.optional(v.number()), fullName: v.optional(v.string()) });

export interface ThreadMessage {
  id: string;
  inmail: boolean;
  author: string | undefined;
  deliveredAt: number;
}

export interface SalesThread {
  id: string;
  /** Our own profile URN in this thread (the participant of degree 0), when the payload says. */
  me: string | undefined;
  /** The other participant's name, when there is exactly one other. */
  otherName: string | undefined;
  /** Oldest first. */
  messages: ThreadMessage[];
}

function resolve(payload: v.InferOutput<typeof payloadSchema>, participant: unknown) {
  if (typeof participant === 'string') {
    const resolved = v.safeParse(resolvedSchema, payload.participantsResolutionResults?.[participant]);
    return resolved.success
      ? { urn: participant, degree: resolved.output.degree, name: resolved.output.fullName }
      : { urn: participant, degree: undefined, name: undefined };
  }
  const inline = v.safeParse(resolvedSchema, participant);
  const entityUrn = inline.success ? (inline.output as { entityUrn?: unknown }).entityUrn : undefined;
  return inline.success && typeof entityUrn === 'string'
    ? { urn: entityUrn, degree: inline.output.degree, name: inline.output.fullName }
    : null;
}

export function parseSalesThreads(input: unknown): SalesThread[] {
  const payload = v.safeParse(payloadSchema, input);
  if (!payload.success) return [];
  const raw = payload.output.elements ?? [input];
  const threads: SalesThread[] = [];
  for (const item of raw) {
    const thread = v.safeParse(threadSchema, item);
    if (!thread.success) continue;
    const people = (thread.output.participants ?? []).map((p) => resolve(payload.output, p));
    const me = people.find((p) => p?.degree === 0)?.urn;
    const others = people.filter((p) => p !== null && p.urn !== me);
    const otherName = others.length === 1 ? others[0]?.name?.slice(0, 200) || undefined : undefined;
    const messages: ThreadMessage[] = [];
    for (const m of thread.output.messages ?? []) {
      const message = v.safeParse(messageSchema, m);
      if (!message.success) continue;
      const { id, type, author, deliveredAt } = message.output;
      messages.push({ id, inmail: type === 'INMAIL', author, deliveredAt });
    }
    messages.sort((a, b) => a.deliveredAt - b.deliveredAt);
    threads.push({ id: thread.output.id, me, otherName, messages });
  }
  return threads;
}
