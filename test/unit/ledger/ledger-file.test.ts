// The ledger file (DESIGN.md contract 1): valid files accepted in any order, each malformed
// one rejected whole with the JSON path of its first bad field.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LedgerFileError, parseLedgerFile, validateLedgerFile } from '../../../src/ledger/ledger-file';
import { beforeSetup, ev, good, MALFORMED } from '../../fixtures/ledger/malformed';

const DESIGN_EXAMPLE = join(import.meta.dirname, '../../fixtures/ledger/design-example.json');

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

  describe('sends before setup (CREDIT-RULES.md rule 17)', () => {
    // Seat s1: Berlin, since 2026-01-10T09:00:00+01:00 (08:00Z). 90 days before it in Berlin is
    // Oct 12 09:00 CEST = 07:00Z (in UTC it would be 08:00Z: the zone decides).
    const file = (...events: Record<string, unknown>[]) => {
      const f = good();
      f.events.push(...events);
      return f;
    };
    const error = (f: unknown) => {
      try {
        validateLedgerFile(f);
      } catch (e) {
        return (e as Error).message;
      }
      return null;
    };

    test('accepted: paid, before since, its window still open at since (inclusive, in the seat’s zone), with costUnknown too', () => {
      const f = file(
        beforeSetup('2025-12-20T10:00:00Z', 'x1'),
        beforeSetup('2025-10-12T07:00:00Z', 'x2'), // closes exactly at since
        beforeSetup('2025-10-12T07:30:00Z', 'x3'), // would be too early in UTC, not in Berlin
        { ...beforeSetup('2026-01-10T07:59:59.999Z', 'x4'), costUnknown: true, surface: 'manual' },
        { id: 'r9', seat: 's1', type: 'reply-received', at: '2026-01-10T09:00:00+01:00', threadId: '2-x1' },
      );
      expect(validateLedgerFile(f).events).toHaveLength(13);
      expect(() => validateLedgerFile({ ...f, events: [...f.events].reverse() })).not.toThrow();
    });

    test.each([
      {
        name: 'at the seat’s since',
        event: beforeSetup('2026-01-10T08:00:00Z'),
        message:
          "events[8].at: a send before setup must be before the seat's since (2026-01-10T09:00:00+01:00)",
      },
      {
        name: 'after the seat’s since',
        event: beforeSetup('2026-02-01T00:00:00Z'),
        message:
          "events[8].at: a send before setup must be before the seat's since (2026-01-10T09:00:00+01:00)",
      },
      {
        name: 'free',
        event: { ...beforeSetup('2025-12-20T10:00:00Z'), cost: 'free-connection' },
        message:
          "events[8].beforeSetup: only a paid send can be a send before setup (this one's cost is 'free-connection')",
      },
      {
        name: 'its window closed before since',
        event: beforeSetup('2025-10-12T06:59:59.999Z'),
        message:
          'events[8].beforeSetup: its refund window closed before the seat began (closed 2026-01-10T07:59:59.999Z, 90 days after the send; since 2026-01-10T09:00:00+01:00)',
      },
      {
        name: 'long before since',
        event: beforeSetup('2025-06-01T00:00:00Z'),
        message:
          'events[8].beforeSetup: its refund window closed before the seat began (closed 2025-08-30T00:00:00.000Z, 90 days after the send; since 2026-01-10T09:00:00+01:00)',
      },
      {
        name: 'beforeSetup false',
        event: { ...beforeSetup('2025-12-20T10:00:00Z'), beforeSetup: false },
        message: 'events[8].beforeSetup: beforeSetup is true or absent',
      },
      {
        name: 'a paid send before since without beforeSetup (as before rule 17)',
        event: { ...beforeSetup('2025-12-20T10:00:00Z'), beforeSetup: undefined },
        message:
          "events[8].at: '2025-12-20T10:00:00Z' is before the seat's since (2026-01-10T09:00:00+01:00)",
      },
      {
        name: 'a response before since (an InMail answered before setup is not recorded)',
        event: { id: 'r9', seat: 's1', type: 'reply-received', at: '2026-01-10T07:00:00Z', threadId: '2-x1' },
        message:
          "events[8].at: '2026-01-10T07:00:00Z' is before the seat's since (2026-01-10T09:00:00+01:00)",
      },
    ])('rejected: a send before setup $name', ({ event, message }) => {
      expect(error(JSON.parse(JSON.stringify(file(event))))).toBe(message);
    });
  });
});
