// The ledger file (DESIGN.md contract 1): valid files accepted in any order, each malformed
// one rejected whole with the JSON path of its first bad field.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LedgerFileError, parseLedgerFile, validateLedgerFile } from '../../../src/ledger/ledger-file';
import { ev, good, MALFORMED } from '../../fixtures/ledger/malformed';

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
});
