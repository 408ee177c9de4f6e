// A send from LinkedIn messaging (InMail or ordinary chat: the request does not tell):
// `POST /voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage` [firm for the
// endpoint, weak for the bodies]. Request: `message.conversationUrn` for an existing thread,
// `trackingId`/`message.originToken`; response: `value.entityUrn` (the message),
// `value.conversationUrn`/`backendConversationUrn` (the thread) and `value.deliveredAt`.

import * as v from 'valibot';
import { threadIdOf } from './voyager-conversations';

const text = v.pipe(v.string(), v.minLength(1), v.maxLength(500));

const requestSchema = v.looseObject({
  message: v.looseObject({ conversationUrn: v.optional(text), originToken: v.optional(text) }),
  trackingId: v.optional(text),
  mailboxUrn: v.optional(text),
  hostRecipientUrns: v.optional(v.array(text)),
});

const responseSchema = v.looseObject({
  value: v.looseObject({
    entityUrn: v.optional(text),
    conversationUrn: v.optional(text),
    backendConversationUrn: v.optional(text),
    deliveredAt: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
  }),
});

export interface VoyagerSend {
  id: string;
  threadId: string;
  deliveredAt: number | undefined;
  /** Our own profile URN (the sender's mailbox), when the request says. */
  mailbox?: string;
}

export function parseVoyagerCreateMessage(request: unknown, response: unknown): VoyagerSend | null {
  const req = v.safeParse(requestSchema, request);
  if (!req.success) return null;
  const res = v.safeParse(responseSchema, response);
  const value = res.success ? res.output.value : undefined;
  const token = req.output.trackingId ?? req.output.message.originToken;
  const id = value?.entityUrn ?? (token ? `tracking:${token}` : undefined);
  const conversation =
    value?.backendConversationUrn ?? value?.conversationUrn ?? req.output.message.conversationUrn;
  if (id === undefined) return null;
  return {
    id,
    threadId: conversation ? threadIdOf(conversation) : id,
    deliveredAt: value?.deliveredAt,
    ...(req.output.mailboxUrn ? { mailbox: req.output.mailboxUrn } : {}),
  };
}
