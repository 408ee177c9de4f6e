// The typed protocol between the extension's pages (popup, options) and the background
// (DESIGN.md contract 4). Each command is declared once, below: the schema that validates its
// message at the boundary, before anything is written, and the type of its reply. The
// background's handler table and every caller take their types from here, so no reply is cast
// (as Bitwarden's `CommandDefinition` and WXT's typed messaging do).

import * as v from 'valibot';
import { FREE_COSTS, RESPONSE_KINDS, SEND_COSTS } from '../ledger/events';
import { parseInstant } from '../ledger/instant';
import type { LedgerFile } from '../ledger/ledger-file';
import { PLAN_IDS, type PlanId } from '../ledger/plans';
import { isTimeZone } from '../ledger/zoned-time';
import { settingsSchema } from './settings';
import type { Snapshot } from './snapshot';

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

/** One command: its name, the schema of its message, and the type of its reply. */
export interface CommandDefinition<T extends string, S extends v.GenericSchema, R> {
  type: T;
  schema: S;
  /** A type only (the value is never read): what the background answers on success. */
  reply: R;
}

function defineCommand<const T extends string, const E extends v.ObjectEntries, R>(
  type: T,
  entries: E,
  _reply: Returns<R>,
) {
  const schema = v.strictObject({ type: v.literal(type), ...entries });
  return { type, schema, reply: {} as R } satisfies CommandDefinition<T, typeof schema, R>;
}

/** The reply's type, named where the command is declared: `returns<{ csv: string }>()`. */
type Returns<R> = { readonly reply?: R };
const returns = <R>(): Returns<R> => ({});

/** The snapshot as it is after the command (the popup and options redraw from it). */
export interface WithSnapshot {
  snapshot: Snapshot;
}
/** A command that recorded an event: its id, and the snapshot after it. */
export interface Recorded extends WithSnapshot {
  event: string;
}

/** Every command the popup and options send, keyed by its `type`. */
export const COMMANDS = byType([
  defineCommand('get-snapshot', {}, returns<WithSnapshot>()),
  defineCommand(
    'setup-seat',
    {
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
    },
    returns<WithSnapshot & { seat: string }>(),
  ),
  defineCommand('rename-seat', { seat: id, label }, returns<WithSnapshot>()),
  defineCommand('remove-seat', { seat: id }, returns<WithSnapshot>()),
  defineCommand('set-active-seat', { seat: id }, returns<WithSnapshot>()),
  defineCommand(
    'log-send',
    {
      seat: id,
      recipientName: v.pipe(v.string(), v.trim(), v.maxLength(200)),
      profileUrl: v.optional(v.pipe(v.string(), v.maxLength(500))),
      cost: v.picklist(SEND_COSTS),
      at: v.optional(instant),
    },
    returns<Recorded>(),
  ),
  defineCommand(
    'mark-replied',
    { seat: id, threadId: id, kind: v.optional(v.picklist(RESPONSE_KINDS)), at: v.optional(instant) },
    returns<Recorded>(),
  ),
  defineCommand(
    'void-event',
    { seat: id, target: id, reason: v.optional(v.pipe(v.string(), v.maxLength(200))) },
    returns<Recorded>(),
  ),
  defineCommand('adopt-observed', { seat: id }, returns<Recorded>()),
  /** A send recorded paid whose cost the page did not show was in fact free: void it, record it free. */
  defineCommand('correct-cost', { seat: id, target: id, cost: v.picklist(FREE_COSTS) }, returns<Recorded>()),
  defineCommand(
    'change-plan',
    {
      seat: id,
      plan,
      forfeit: v.optional(v.boolean()),
      monthlyCredits: v.optional(credits),
      cap: v.optional(credits),
      grantDay: v.optional(grantDay),
      /** When the change took effect (default now): not before the seat began, not in the future. */
      at: v.optional(instant),
    },
    /** `renamed`: the seat was named after its old plan and now bears the new one's name. */
    returns<Recorded & { renamed: { from: string; to: string } | null }>(),
  ),
  /** What a plan change would forfeit (at `at`, default now), before the rep confirms it. */
  defineCommand(
    'preview-plan-change',
    { seat: id, plan, at: v.optional(instant) },
    returns<{ forfeits: number; currentPlan: PlanId }>(),
  ),
  defineCommand('set-settings', { settings: settingsSchema }, returns<WithSnapshot>()),
  defineCommand(
    'import-ledger',
    { text: v.pipe(v.string(), v.maxLength(200_000_000)) },
    returns<WithSnapshot & { imported: { seats: number; events: number } }>(),
  ),
  defineCommand('export-ledger', {}, returns<{ file: LedgerFile }>()),
  defineCommand('export-csv', {}, returns<{ csv: string }>()),
  /** A detection that waited for a seat: record it in this one, or let it go. */
  defineCommand('assign-unassigned', { key: id, seat: id }, returns<WithSnapshot>()),
  defineCommand('discard-unassigned', { key: id }, returns<WithSnapshot>()),
  defineCommand('delete-all', {}, returns<WithSnapshot>()),
  /** The rep takes back "Replied" of one InMail: the responses that answered it are voided. */
  defineCommand('unmark-replied', { seat: id, send: id }, returns<Recorded>()),
  /** Undo of a removal: the removed entry recorded again (a void cannot itself be voided). */
  defineCommand('restore-event', { seat: id, void: id }, returns<Recorded>()),
]);

/** The definitions keyed by their `type` (declared as a list, so each name is written once). */
function byType<const D extends readonly CommandDefinition<string, v.GenericSchema, unknown>[]>(
  definitions: D,
): { [C in D[number] as C['type']]: C } {
  return Object.fromEntries(definitions.map((d) => [d.type, d])) as { [C in D[number] as C['type']]: C };
}

export type CommandType = keyof typeof COMMANDS;
type Definition<T extends CommandType> = (typeof COMMANDS)[T];
/** A command of type T as the background handles it: validated, trimmed. */
export type CommandOf<T extends CommandType> = v.InferOutput<Definition<T>['schema']>;
/** A command of type T as a page writes it. */
export type CommandInput<T extends CommandType = CommandType> = v.InferInput<Definition<T>['schema']>;
export type Command = CommandOf<CommandType>;

/** What the background answers to a command of type T. */
export type ReplyOf<T extends CommandType> = Definition<T>['reply'];
export type Failure = { ok: false; error: string };
export type Reply<T extends CommandType = CommandType> = ({ ok: true } & ReplyOf<T>) | Failure;

export const commandSchema = v.variant(
  'type',
  Object.values(COMMANDS).map((c) => c.schema),
);

/** Validates an untrusted message; the error names the field, as the ledger file's do. */
export function parseCommand(message: unknown): { ok: true; command: Command } | Failure {
  const result = v.safeParse(commandSchema, message, { abortEarly: true });
  if (result.success) return { ok: true, command: result.output };
  const issue = result.issues[0];
  const path = v.getDotPath(issue);
  return { ok: false, error: `${path ?? 'message'}: ${issue.message}` };
}
