// A Sales Navigator send: the createMessage request and its 2xx response [firm for the
// request, weak for the response]. The id is the created message's URN when the response
// has it, else the request's trackingId; the thread comes from the response or the request.

import * as v from 'valibot';

const text = v.pipe(v.string(), v.minLength(1), v.maxLength(500));

const requestSchema = v.looseObject({
  createMessageRequest: v.looseObject({
    recipients: v.pipe(v.array(text), v.minLength(1), v.maxLength(100)),
    trackingId: v.optional(text),
    threadId: v.optional(text),
    subject: v.optional(v.string()),
  }),
});

const responseSchema = v.looseObject({
  value: v.optional(v.looseObject({ messageId: v.optional(text), threadId: v.optional(text) })),
});

export interface SalesSend {
  id: string;
  threadId: string;
  recipients: string[];
}

export function parseSalesCreateMessage(request: unknown, response: unknown): SalesSend | null {
  const req = v.safeParse(requestSchema, request);
  if (!req.success) return null;
  const res = v.safeParse(responseSchema, response);
  const value = res.success ? res.output.value : undefined;
  const r = req.output.createMessageRequest;
  const id = value?.messageId ?? (r.trackingId ? `tracking:${r.trackingId}` : undefined);
  const threadId = value?.threadId ?? r.threadId ?? id;
  if (id === undefined || threadId === undefined) return null;
  return { id, threadId, recipients: r.recipients };
}
