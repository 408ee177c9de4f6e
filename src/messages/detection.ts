// What content scripts report to the background (DESIGN.md contract 4): detected sends and
// LinkedIn's own counts. Untrusted: the page shares the world the tap runs in, so every
// detection is validated here, and a look-alike can do no more than a real LinkedIn response.

import * as v from 'valibot';
import { parseInstant } from '../ledger/instant';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(300));
const pool = v.picklist(['sales-navigator', 'premium', 'recruiter']);
/** The signed-in LinkedIn account the page showed: "sales:<id>" or "member:<id>". */
const account = v.optional(v.pipe(v.string(), v.regex(/^(sales|member):[A-Za-z0-9_-]{1,100}$/)));

export const detectionSchema = v.variant('kind', [
  v.strictObject({
    kind: v.literal('send'),
    pool,
    account,
    surface: v.picklist(['sales-navigator', 'messaging', 'recruiter']),
    id,
    threadId: id,
    cost: v.picklist(['paid', 'free-connection', 'free-open-profile']),
    /** LinkedIn's time of the send when the page shows it; else the background's now. */
    at: v.optional(
      v.pipe(
        v.string(),
        v.check((s) => parseInstant(s) !== null),
      ),
    ),
    recipient: v.optional(
      v.strictObject({
        name: v.optional(v.pipe(v.string(), v.maxLength(200))),
        profileUrl: v.optional(v.pipe(v.string(), v.maxLength(500))),
      }),
    ),
  }),
  v.strictObject({
    kind: v.literal('response'),
    pool,
    account,
    id,
    threadId: id,
    /** When the recipient responded, as LinkedIn shows it (rule 8). */
    at: v.pipe(
      v.string(),
      v.check((s) => parseInstant(s) !== null),
    ),
    responseKind: v.picklist(['reply', 'accepted', 'declined']),
  }),
  v.strictObject({
    kind: v.literal('balance'),
    pool,
    id,
    balance: v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(100_000)),
    where: v.picklist(['credits-api', 'compose', 'inbox-header']),
  }),
]);

export const detectedMessageSchema = v.strictObject({
  type: v.literal('detected'),
  detections: v.pipe(v.array(detectionSchema), v.minLength(1), v.maxLength(200)),
});

export type Detection = v.InferOutput<typeof detectionSchema>;
export type DetectedMessage = v.InferOutput<typeof detectedMessageSchema>;
