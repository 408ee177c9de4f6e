// The typed protocol between the extension's pages (popup, options, later content scripts)
// and the background (DESIGN.md contract 4). Every message is validated here, at the
// boundary, before anything is written; a bad one gets a clear error and changes nothing.

import * as v from 'valibot';
import { parseInstant } from '../ledger/instant';
import { PLAN_IDS } from '../ledger/plans';
import { isTimeZone } from '../ledger/zoned-time';
import { settingsSchema } from './settings';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(500));
const instant = v.pipe(
  v.string(),
  v.check((s) => parseInstant(s) !== null, 'expected an ISO 8601 instant with an offset'),
);
const credits = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(100_000));
const plan = v.picklist(PLAN_IDS);
const grantDay = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(31));
const timeZone = v.pipe(v.string(), v.check(isTimeZone, 'expected an IANA time zone'));
const label = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(120));

export const commandSchema = v.variant('type', [
  v.strictObject({ type: v.literal('get-snapshot') }),
  v.strictObject({
    type: v.literal('setup-seat'),
    label,
    plan,
    timeZone,
    grantDay: v.optional(grantDay),
    monthlyCredits: v.optional(credits),
    cap: v.optional(credits),
    /** What LinkedIn shows now; recorded as the seat's opening balance. */
    openingBalance: v.optional(credits),
    /** The signed-in LinkedIn account its pages showed ("sales:<id>", "member:<id>"). */
    account: v.optional(v.pipe(v.string(), v.regex(/^(sales|member):[A-Za-z0-9_-]{1,100}$/))),
  }),
  v.strictObject({ type: v.literal('rename-seat'), seat: id, label }),
  v.strictObject({ type: v.literal('remove-seat'), seat: id }),
  v.strictObject({ type: v.literal('set-active-seat'), seat: id }),
  v.strictObject({
    type: v.literal('log-send'),
    seat: id,
    recipientName: v.pipe(v.string(), v.trim(), v.maxLength(200)),
    profileUrl: v.optional(v.pipe(v.string(), v.maxLength(500))),
    cost: v.picklist(['paid', 'free-connection', 'free-open-profile']),
    at: v.optional(instant),
  }),
  v.strictObject({
    type: v.literal('mark-replied'),
    seat: id,
    threadId: id,
    kind: v.optional(v.picklist(['reply', 'accepted', 'declined'])),
    at: v.optional(instant),
  }),
  v.strictObject({
    type: v.literal('void-event'),
    seat: id,
    target: id,
    reason: v.optional(v.pipe(v.string(), v.maxLength(200))),
  }),
  v.strictObject({ type: v.literal('adopt-observed'), seat: id }),
  /** A send recorded paid whose cost the page did not show was in fact free: void it, record it free. */
  v.strictObject({
    type: v.literal('correct-cost'),
    seat: id,
    target: id,
    cost: v.picklist(['free-connection', 'free-open-profile']),
  }),
  v.strictObject({
    type: v.literal('change-plan'),
    seat: id,
    plan,
    forfeit: v.optional(v.boolean()),
    monthlyCredits: v.optional(credits),
    cap: v.optional(credits),
    grantDay: v.optional(grantDay),
  }),
  v.strictObject({ type: v.literal('preview-plan-change'), seat: id, plan }),
  v.strictObject({ type: v.literal('set-settings'), settings: settingsSchema }),
  v.strictObject({ type: v.literal('import-ledger'), text: v.pipe(v.string(), v.maxLength(200_000_000)) }),
  v.strictObject({ type: v.literal('export-ledger') }),
  v.strictObject({ type: v.literal('export-csv') }),
  /** A detection that waited for a seat: record it in this one, or let it go. */
  v.strictObject({ type: v.literal('assign-unassigned'), key: id, seat: id }),
  v.strictObject({ type: v.literal('discard-unassigned'), key: id }),
  v.strictObject({ type: v.literal('delete-all') }),
]);

export type Command = v.InferOutput<typeof commandSchema>;
export type CommandType = Command['type'];

export type Reply<T = Record<string, never>> = ({ ok: true } & T) | { ok: false; error: string };

/** Validates an untrusted message; the error names the field, as the ledger file's do. */
export function parseCommand(
  message: unknown,
): { ok: true; command: Command } | { ok: false; error: string } {
  const result = v.safeParse(commandSchema, message, { abortEarly: true });
  if (result.success) return { ok: true, command: result.output };
  const issue = result.issues[0];
  const path = v.getDotPath(issue);
  return { ok: false, error: `${path ?? 'message'}: ${issue.message}` };
}
