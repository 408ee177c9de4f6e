// The ledger file (DESIGN.md contract 1): one versioned JSON format for export, import,
// the CLI and test scenarios. A file is accepted whole or rejected with the JSON path
// of its first bad field; the order of its events never matters.

import * as v from 'valibot';
import { type LedgerEvent, RESPONSE_KINDS, SEND_COSTS, SEND_SURFACES, type Seat } from './events';
import { formatInstant, parseInstant } from './instant';
import { PLAN_IDS } from './plans';
import { REFUND_WINDOW_DAYS } from './replay';
import { DEFAULT_TIME_ZONE } from './terms';
import { addDays, isTimeZone } from './zoned-time';

export const LEDGER_FORMAT = 'inmail-ledger';
export const LEDGER_VERSION = 1;

export interface LedgerFile {
  format: typeof LEDGER_FORMAT;
  version: typeof LEDGER_VERSION;
  exportedAt?: string;
  seats: Seat[];
  events: LedgerEvent[];
}

export class LedgerFileError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'LedgerFileError';
  }
}

const quote = (value: unknown) => {
  const text = typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** "a, b or c": the values a field takes, as an error message lists them. */
const oneOf = (values: readonly string[]) =>
  values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;

const instant = v.pipe(
  v.string('expected an ISO 8601 instant with an offset'),
  v.check(
    (s) => parseInstant(s) !== null,
    (i) =>
      `${quote(i.input)} is not a date (expected ISO 8601 with an offset, e.g. 2026-01-10T09:00:00+01:00)`,
  ),
);
const text = v.string('expected a string');
const nonEmpty = v.pipe(text, v.minLength(1, 'must not be empty'));
const count = (what: string) =>
  v.pipe(
    v.number(`expected ${what}`),
    v.safeInteger((i) => `${quote(i.input)} is not ${what}`),
    v.minValue(0, (i) => `${quote(i.input)} is not ${what}`),
  );
const credits = count('a whole number of credits, 0 or more');
const grantDay = v.pipe(
  v.number('expected a day of the month (1–31)'),
  v.safeInteger((i) => `${quote(i.input)} is not a day of the month (1–31)`),
  v.minValue(1, (i) => `${quote(i.input)} is not a day of the month (1–31)`),
  v.maxValue(31, (i) => `${quote(i.input)} is not a day of the month (1–31)`),
);
const timeZone = v.pipe(
  v.string('expected an IANA time zone such as Europe/Berlin'),
  v.check(isTimeZone, (i) => `${quote(i.input)} is not an IANA time zone (e.g. Europe/Berlin)`),
);
const plan = v.picklist(PLAN_IDS, (i) => `${quote(i.input)} is not a plan (one of ${PLAN_IDS.join(', ')})`);
const unknownField = { message: 'is not a field of the ledger file' } as const;
const strict = <T extends v.ObjectEntries>(entries: T) =>
  v.strictObject(entries, (i) => {
    if (i.expected === 'never') return unknownField.message;
    if (i.input === undefined && i.path?.length) return 'is required but missing';
    return `expected an object, got ${quote(i.input)}`;
  });

const seatSchema = strict({
  id: nonEmpty,
  label: text,
  plan,
  since: instant,
  monthlyCredits: v.optional(credits),
  cap: v.optional(credits),
  grantDay: v.optional(grantDay),
  timeZone: v.optional(timeZone),
});

const base = { id: nonEmpty, seat: nonEmpty, at: instant };
const eventSchema = v.variant(
  'type',
  [
    strict({
      ...base,
      type: v.literal('inmail-sent'),
      threadId: nonEmpty,
      cost: v.picklist(SEND_COSTS, (i) => `${quote(i.input)} is not a cost (${oneOf(SEND_COSTS)})`),
      surface: v.optional(
        v.picklist(SEND_SURFACES, (i) => `${quote(i.input)} is not a surface (${oneOf(SEND_SURFACES)})`),
      ),
      recipient: v.optional(strict({ name: v.optional(text), profileUrl: v.optional(text) })),
      costUnknown: v.optional(v.literal(true, 'costUnknown is true or absent')),
      beforeSetup: v.optional(v.literal(true, 'beforeSetup is true or absent')),
    }),
    strict({
      ...base,
      type: v.literal('reply-received'),
      threadId: nonEmpty,
      kind: v.optional(
        v.picklist(
          RESPONSE_KINDS,
          (i) => `${quote(i.input)} is not a response kind (${oneOf(RESPONSE_KINDS)})`,
        ),
      ),
    }),
    strict({ ...base, type: v.literal('observed-balance'), balance: credits, where: v.optional(text) }),
    strict({ ...base, type: v.literal('opening-balance'), balance: credits }),
    strict({
      ...base,
      type: v.literal('adjustment'),
      delta: v.pipe(
        v.number('expected a whole number of credits'),
        v.safeInteger((i) => `${quote(i.input)} is not a whole number of credits`),
        v.check((n) => n !== 0, 'an adjustment of 0 changes nothing'),
      ),
      reason: v.optional(text),
    }),
    strict({
      ...base,
      type: v.literal('plan-changed'),
      plan,
      monthlyCredits: v.optional(credits),
      cap: v.optional(credits),
      grantDay: v.optional(grantDay),
      timeZone: v.optional(timeZone),
      forfeit: v.optional(v.boolean('expected true or false')),
    }),
    strict({ ...base, type: v.literal('voided'), target: nonEmpty, reason: v.optional(text) }),
  ],
  (i) =>
    i.expected === 'Object'
      ? `expected an event object, got ${quote(i.input)}`
      : `${quote(i.input)} is not an event type (inmail-sent, reply-received, observed-balance, opening-balance, adjustment, plan-changed or voided)`,
);

const fileSchema = strict({
  format: v.literal(
    LEDGER_FORMAT,
    (i) => `${quote(i.input)} is not an InMail Ledger file (expected 'inmail-ledger')`,
  ),
  version: v.literal(LEDGER_VERSION, (i) => `version ${quote(i.input)} is not supported (expected 1)`),
  exportedAt: v.optional(instant),
  seats: v.array(seatSchema, 'expected a list of seats'),
  events: v.array(eventSchema, 'expected a list of events'),
});

/** `events[12].at` from valibot's path. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(the file)' : out;
}

/** Checks across fields and records, in file order so the first bad field is named. */
function checkRelations(file: LedgerFile): void {
  const seats = new Map<
    string,
    { since: number; sinceText: string; zone: string; ids: Set<string>; opening: boolean; plans: Set<number> }
  >();
  file.seats.forEach((seat, k) => {
    if (seats.has(seat.id))
      throw new LedgerFileError(`seats[${k}].id`, `${quote(seat.id)} is already the id of another seat`);
    seats.set(seat.id, {
      since: parseInstant(seat.since) as number,
      sinceText: seat.since,
      zone: seat.timeZone ?? DEFAULT_TIME_ZONE,
      ids: new Set(),
      opening: false,
      plans: new Set(),
    });
  });
  const types = new Map<string, Map<string, string>>();
  file.events.forEach((e, k) => {
    const seat = seats.get(e.seat);
    if (!seat) throw new LedgerFileError(`events[${k}].seat`, `${quote(e.seat)} is not a seat of this file`);
    if (seat.ids.has(e.id))
      throw new LedgerFileError(
        `events[${k}].id`,
        `${quote(e.id)} is already the id of another event of this seat`,
      );
    seat.ids.add(e.id);
    let byId = types.get(e.seat);
    if (!byId) {
      byId = new Map();
      types.set(e.seat, byId);
    }
    byId.set(e.id, e.type);
    const t = parseInstant(e.at) as number;
    if (e.type === 'inmail-sent' && e.beforeSetup) {
      // Rule 17: a paid send before `since` whose refund window was still open at `since`.
      if (t >= seat.since)
        throw new LedgerFileError(
          `events[${k}].at`,
          `a send before setup must be before the seat's since (${seat.sinceText})`,
        );
      if (e.cost !== 'paid')
        throw new LedgerFileError(
          `events[${k}].beforeSetup`,
          `only a paid send can be a send before setup (this one's cost is ${quote(e.cost)})`,
        );
      const closes = addDays(seat.zone, t, REFUND_WINDOW_DAYS);
      if (closes < seat.since)
        throw new LedgerFileError(
          `events[${k}].beforeSetup`,
          `its refund window closed before the seat began (closed ${formatInstant(closes)}, 90 days after the send; since ${seat.sinceText})`,
        );
    } else if (t < seat.since)
      throw new LedgerFileError(
        `events[${k}].at`,
        `${quote(e.at)} is before the seat's since (${seat.sinceText})`,
      );
    if (e.type === 'opening-balance') {
      if (seat.opening) throw new LedgerFileError(`events[${k}]`, 'a seat has at most one opening-balance');
      if (t !== seat.since)
        throw new LedgerFileError(
          `events[${k}].at`,
          `an opening-balance is at the seat's since (${seat.sinceText})`,
        );
      seat.opening = true;
    }
    if (e.type === 'plan-changed') {
      if (seat.plans.has(t))
        throw new LedgerFileError(
          `events[${k}].at`,
          'a seat has at most one plan-changed at any one instant',
        );
      seat.plans.add(t);
    }
  });
  file.events.forEach((e, k) => {
    if (e.type !== 'voided') return;
    const target = types.get(e.seat)?.get(e.target);
    if (target === undefined)
      throw new LedgerFileError(`events[${k}].target`, `${quote(e.target)} is not an event of this seat`);
    if (target === 'voided')
      throw new LedgerFileError(
        `events[${k}].target`,
        `${quote(e.target)} is a void: a void cannot be voided`,
      );
  });
}

/** Validates parsed JSON as a ledger file; throws LedgerFileError naming the first bad field. */
export function validateLedgerFile(input: unknown): LedgerFile {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new LedgerFileError(
      '(the file)',
      `expected a JSON object with format 'inmail-ledger', got ${quote(input)}`,
    );
  }
  const result = v.safeParse(fileSchema, input, { abortEarly: true });
  if (!result.success) {
    const issue = result.issues[0];
    throw new LedgerFileError(pathOf(issue), issue.message);
  }
  const file = result.output as LedgerFile;
  checkRelations(file);
  return file;
}

/** Parses and validates the text of a ledger file. */
export function parseLedgerFile(json: string): LedgerFile {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new LedgerFileError('(the file)', `is not JSON (${(error as Error).message})`);
  }
  return validateLedgerFile(data);
}
