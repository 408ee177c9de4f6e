// The ledger file (DESIGN.md contract 1): valid files accepted in any order, each malformed
// one rejected whole with the JSON path of its first bad field.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LedgerFileError, parseLedgerFile, validateLedgerFile } from '../../../src/ledger/ledger-file';

const DESIGN_EXAMPLE = join(import.meta.dirname, '../../fixtures/ledger/design-example.json');

type Json = Record<string, unknown> & { seats: Record<string, unknown>[]; events: Record<string, unknown>[] };

function good(): Json {
  return {
    format: 'inmail-ledger',
    version: 1,
    exportedAt: '2026-11-24T09:00:00.000Z',
    seats: [
      {
        id: 's1',
        label: 'Dana',
        plan: 'sales-navigator-core',
        since: '2026-01-10T09:00:00+01:00',
        timeZone: 'Europe/Berlin',
        grantDay: 14,
      },
      { id: 's2', label: 'Premium', plan: 'premium-business', since: '2026-02-01T00:00:00Z' },
    ],
    events: [
      { id: 'o1', seat: 's1', type: 'opening-balance', at: '2026-01-10T09:00:00+01:00', balance: 80 },
      {
        id: 'm1',
        seat: 's1',
        type: 'inmail-sent',
        at: '2026-01-20T10:00:00Z',
        threadId: '2-abc',
        cost: 'paid',
        surface: 'sales-navigator',
        recipient: { name: 'Sam Lee', profileUrl: 'https://www.linkedin.com/in/samlee' },
      },
      {
        id: 'r1',
        seat: 's1',
        type: 'reply-received',
        at: '2026-02-01T08:30:00Z',
        threadId: '2-abc',
        kind: 'reply',
      },
      {
        id: 'b1',
        seat: 's1',
        type: 'observed-balance',
        at: '2026-02-02T12:00:00Z',
        balance: 129,
        where: 'compose',
      },
      { id: 'a1', seat: 's1', type: 'adjustment', at: '2026-02-02T12:01:00Z', delta: -1, reason: 'adopted' },
      {
        id: 'p1',
        seat: 's1',
        type: 'plan-changed',
        at: '2026-06-01T00:00:00Z',
        plan: 'sales-navigator-advanced',
        forfeit: false,
      },
      { id: 'v1', seat: 's1', type: 'voided', at: '2026-06-02T00:00:00Z', target: 'a1' },
      {
        id: 'm1',
        seat: 's2',
        type: 'inmail-sent',
        at: '2026-02-03T00:00:00Z',
        threadId: 't',
        cost: 'free-connection',
      },
    ],
  };
}

const ev = (f: Json, k: number) => f.events[k] as Record<string, unknown>;
const seat0 = (f: Json) => f.seats[0] as Record<string, unknown>;
/** Breaks one field in place. */
function set(target: object, key: string | number, value: unknown): void {
  (target as Record<string | number, unknown>)[key] = value;
}

/** [what is wrong, how to break a good file, the path the error must name]. */
const MALFORMED: [string, (f: Json) => unknown, string][] = [
  ['not an object', () => 42, '(the file)'],
  ['an array', () => [], '(the file)'],
  ['wrong format', (f) => ({ ...f, format: 'csv' }), 'format'],
  ['missing format', (f) => ({ ...f, format: undefined }), 'format'],
  ['version 2', (f) => ({ ...f, version: 2 }), 'version'],
  ['version as a string', (f) => ({ ...f, version: '1' }), 'version'],
  ['exportedAt without offset', (f) => ({ ...f, exportedAt: '2026-11-24T09:00:00' }), 'exportedAt'],
  ['unknown top-level field', (f) => ({ ...f, extra: true }), 'extra'],
  ['seats not a list', (f) => ({ ...f, seats: {} }), 'seats'],
  ['events missing', (f) => ({ ...f, events: undefined }), 'events'],
  ['seat without id', (f) => void delete seat0(f).id, 'seats[0].id'],
  ['seat with empty id', (f) => set(seat0(f), 'id', ''), 'seats[0].id'],
  ['seat without label', (f) => void delete seat0(f).label, 'seats[0].label'],
  ['unknown plan', (f) => set(seat0(f), 'plan', 'gold'), 'seats[0].plan'],
  ['seat since not a date', (f) => set(seat0(f), 'since', 'yesterday'), 'seats[0].since'],
  ['grant day 0', (f) => set(seat0(f), 'grantDay', 0), 'seats[0].grantDay'],
  ['grant day 32', (f) => set(seat0(f), 'grantDay', 32), 'seats[0].grantDay'],
  ['fractional grant day', (f) => set(seat0(f), 'grantDay', 1.5), 'seats[0].grantDay'],
  ['unknown time zone', (f) => set(seat0(f), 'timeZone', 'Mars/Olympus'), 'seats[0].timeZone'],
  ['empty time zone', (f) => set(seat0(f), 'timeZone', ''), 'seats[0].timeZone'],
  ['negative monthly credits', (f) => set(seat0(f), 'monthlyCredits', -5), 'seats[0].monthlyCredits'],
  ['fractional cap', (f) => set(seat0(f), 'cap', 10.5), 'seats[0].cap'],
  ['huge cap', (f) => set(seat0(f), 'cap', 1e300), 'seats[0].cap'],
  ['unknown seat field', (f) => set(seat0(f), 'color', 'blue'), 'seats[0].color'],
  ['duplicate seat ids', (f) => set(f.seats[1] as Record<string, unknown>, 'id', 's1'), 'seats[1].id'],
  ['event not an object', (f) => set(f.events, 2, 'reply'), 'events[2]'],
  ['unknown event type', (f) => set(ev(f, 2), 'type', 'message-read'), 'events[2].type'],
  ['event without type', (f) => void delete ev(f, 2).type, 'events[2].type'],
  ['event without id', (f) => void delete ev(f, 2).id, 'events[2].id'],
  ['event for an unknown seat', (f) => set(ev(f, 2), 'seat', 's9'), 'events[2].seat'],
  ['duplicate event id in a seat', (f) => set(ev(f, 2), 'id', 'm1'), 'events[2].id'],
  ['date without offset', (f) => set(ev(f, 1), 'at', '2026-01-20T10:00:00'), 'events[1].at'],
  ['month 13', (f) => set(ev(f, 1), 'at', '2026-13-01T00:00:00Z'), 'events[1].at'],
  ['February 30', (f) => set(ev(f, 1), 'at', '2026-02-30T00:00:00Z'), 'events[1].at'],
  ['microseconds', (f) => set(ev(f, 1), 'at', '2026-01-20T10:00:00.123456Z'), 'events[1].at'],
  ['hour 24', (f) => set(ev(f, 1), 'at', '2026-01-20T24:00:00Z'), 'events[1].at'],
  ['date as a number', (f) => set(ev(f, 1), 'at', 1768903200000), 'events[1].at'],
  ['event before the seat began', (f) => set(ev(f, 1), 'at', '2026-01-01T00:00:00Z'), 'events[1].at'],
  ['send without thread', (f) => void delete ev(f, 1).threadId, 'events[1].threadId'],
  ['unknown cost', (f) => set(ev(f, 1), 'cost', 'cheap'), 'events[1].cost'],
  ['unknown surface', (f) => set(ev(f, 1), 'surface', 'email'), 'events[1].surface'],
  [
    'unknown recipient field',
    (f) => set(ev(f, 1).recipient as object, 'email', 'x@y'),
    'events[1].recipient.email',
  ],
  [
    'recipient name not text',
    (f) => set(ev(f, 1).recipient as object, 'name', 7),
    'events[1].recipient.name',
  ],
  ['unknown response kind', (f) => set(ev(f, 2), 'kind', 'liked'), 'events[2].kind'],
  ['negative balance', (f) => set(ev(f, 3), 'balance', -1), 'events[3].balance'],
  ['fractional balance', (f) => set(ev(f, 3), 'balance', 12.5), 'events[3].balance'],
  ['balance as text', (f) => set(ev(f, 3), 'balance', '129'), 'events[3].balance'],
  ['zero adjustment', (f) => set(ev(f, 4), 'delta', 0), 'events[4].delta'],
  ['fractional adjustment', (f) => set(ev(f, 4), 'delta', -0.5), 'events[4].delta'],
  ['unknown plan in a change', (f) => set(ev(f, 5), 'plan', 'enterprise'), 'events[5].plan'],
  ['forfeit as text', (f) => set(ev(f, 5), 'forfeit', 'no'), 'events[5].forfeit'],
  ['second plan change at one instant', (f) => void f.events.push({ ...ev(f, 5), id: 'p2' }), 'events[8].at'],
  ['void of an unknown event', (f) => set(ev(f, 6), 'target', 'zz'), 'events[6].target'],
  ['void of another seat’s event', (f) => set(ev(f, 6), 'target', 'nope'), 'events[6].target'],
  [
    'void of a void',
    (f) =>
      void f.events.push({ id: 'v2', seat: 's1', type: 'voided', at: '2026-06-03T00:00:00Z', target: 'v1' }),
    'events[8].target',
  ],
  ['opening not at since', (f) => set(ev(f, 0), 'at', '2026-01-11T09:00:00+01:00'), 'events[0].at'],
  ['two openings', (f) => void f.events.push({ ...ev(f, 0), id: 'o2' }), 'events[8]'],
  ['unknown event field', (f) => set(ev(f, 3), 'source', 'api'), 'events[3].source'],
];

describe('ledger file', () => {
  test('DESIGN.md’s example file is valid', () => {
    const file = parseLedgerFile(readFileSync(DESIGN_EXAMPLE, 'utf8'));
    expect(file.events).toHaveLength(7);
  });

  test('a valid file is accepted whatever the order of its events and seats', () => {
    const f = good();
    expect(validateLedgerFile(f).events).toHaveLength(8);
    expect(() =>
      validateLedgerFile({ ...f, events: [...f.events].reverse(), seats: [...f.seats].reverse() }),
    ).not.toThrow();
  });

  test(`${MALFORMED.length} malformed files: each rejected with the JSON path of its first bad field`, () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(50);
    for (const [what, breakIt, path] of MALFORMED) {
      const f = good();
      const broken = breakIt(f) ?? f;
      let error: unknown;
      try {
        validateLedgerFile(JSON.parse(JSON.stringify(broken)));
      } catch (e) {
        error = e;
      }
      expect(error, what).toBeInstanceOf(LedgerFileError);
      expect((error as LedgerFileError).path, what).toBe(path);
      expect((error as LedgerFileError).message, what).toMatch(
        new RegExp(`^${path.replace(/[[\]().]/g, '\\$&')}: \\S`),
      );
    }
  });

  test('text that is not JSON is rejected with a reason', () => {
    expect(() => parseLedgerFile('{"format": ')).toThrow(/^\(the file\): is not JSON/);
  });

  test('messages say what is wrong and how to fix it', () => {
    const f = good();
    ev(f, 1).at = '2026-13-01';
    expect(() => validateLedgerFile(f)).toThrow(
      "events[1].at: '2026-13-01' is not a date (expected ISO 8601 with an offset, e.g. 2026-01-10T09:00:00+01:00)",
    );
  });
});
