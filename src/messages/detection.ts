// What content scripts report to the background (DESIGN.md contract 4): detected sends and
// LinkedIn's own counts. Untrusted: the page shares the world the tap runs in, so every
// detection is validated here, and a look-alike can do no more than a real LinkedIn response.

import * as v from 'valibot';
import { DETECTED_SURFACES, RESPONSE_KINDS, SEND_COSTS } from '../ledger/events';
import { parseInstant } from '../ledger/instant';
import { POOLS } from '../ledger/plans';

/** Where a reading of LinkedIn's count came from: its credits answer, a composer, the inbox header. */
export const BALANCE_SOURCES = ['credits-api', 'compose', 'inbox-header'] as const;
export type BalanceSource = (typeof BALANCE_SOURCES)[number];

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(300));
const pool = v.picklist(POOLS);
/**
 * When it happened: LinkedIn's own time when the answer gives it, else the moment the page saw
 * it, stamped by the content script when it makes the detection and kept across outbox retries
 * (DESIGN.md contract 1, "Times"). Optional only for entries an older version queued.
 */
const at = v.optional(
  v.pipe(
    v.string(),
    v.check((s) => parseInstant(s) !== null),
  ),
);
/** The signed-in LinkedIn account the page showed: "sales:<id>" or "member:<id>". */
const account = v.optional(v.pipe(v.string(), v.regex(/^(sales|member):[A-Za-z0-9_-]{1,100}$/)));

export const detectionSchema = v.variant('kind', [
  v.strictObject({
    kind: v.literal('send'),
    pool,
    account,
    surface: v.picklist(DETECTED_SURFACES),
    id,
    threadId: id,
    cost: v.picklist(SEND_COSTS),
    /** The network proved the send, the page did not show its cost: recorded paid, the rep may correct it. */
    costUnknown: v.optional(v.literal(true)),
    at,
    recipient: v.optional(
      v.strictObject({
        name: v.optional(v.pipe(v.string(), v.maxLength(200))),
        profileUrl: v.optional(v.pipe(v.string(), v.maxLength(500))),
      }),
    ),
  }),
  v.strictObject({
    kind: v.literal('response'),
    /** Unknown when only the reply was seen (a conversation list shows the last message alone). */
    pool: v.optional(pool),
    account,
    id,
    threadId: id,
    /** When the recipient responded, as LinkedIn shows it (rule 8). */
    at: v.pipe(
      v.string(),
      v.check((s) => parseInstant(s) !== null),
    ),
    responseKind: v.picklist(RESPONSE_KINDS),
  }),
  v.strictObject({
    kind: v.literal('balance'),
    pool,
    id,
    balance: v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(100_000)),
    where: v.picklist(BALANCE_SOURCES),
    at,
  }),
]);

export const detectedMessageSchema = v.strictObject({
  type: v.literal('detected'),
  detections: v.pipe(v.array(detectionSchema), v.minLength(1), v.maxLength(200)),
});

export type Detection = v.InferOutput<typeof detectionSchema>;
export type DetectedMessage = v.InferOutput<typeof detectedMessageSchema>;

/** The background's answer: the ids it has kept, which the outbox lets go; or why it took none. */
export type DetectedReply = { ok: true; acked: string[] } | { ok: false; error: string };
