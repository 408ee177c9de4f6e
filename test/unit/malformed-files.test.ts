// The bad files of test/fixtures/ledger/malformed.ts are each a case of their own: no two break
// the good file the same way, no two say they prove the same thing, and the cases that tell two
// rules apart (a void of an unknown event, a void of another seat's event) really are what
// their names say. Each is refused with its path (the unit and integration tests check the
// message and that nothing is written).

import { describe, expect, test } from 'vitest';
import { LedgerFileError, validateLedgerFile } from '../../src/ledger/ledger-file';
import { ev, good, type Json, MALFORMED } from '../fixtures/ledger/malformed';

const broken = (breakIt: (f: Json) => unknown) => {
  const f = good();
  return JSON.stringify(breakIt(f) ?? f);
};

const refusal = (text: string) => {
  try {
    validateLedgerFile(JSON.parse(text));
  } catch (error) {
    if (error instanceof LedgerFileError) return { path: error.path, message: error.message };
    throw error;
  }
  return null;
};

describe('the bad files', () => {
  test('no two cases make the same file, and none leaves the good file as it was', () => {
    const files = new Map<string, string>();
    const same: string[] = [];
    for (const [what, breakIt] of MALFORMED) {
      const text = broken(breakIt);
      const other = files.get(text);
      if (other !== undefined) same.push(`${what} = ${other}`);
      files.set(text, what);
    }
    expect(same).toEqual([]);
    expect(files.has(JSON.stringify(good()))).toBe(false);
    expect(refusal(JSON.stringify(good()))).toBeNull();
  });

  test('each names what it proves, and no two prove the same thing', () => {
    const proves = MALFORMED.map(([, , , p]) => p);
    for (const p of proves) expect(p.length).toBeGreaterThan(10);
    const repeated = proves.filter((p, k) => proves.indexOf(p) !== k);
    expect(repeated).toEqual([]);
    const names = MALFORMED.map(([what]) => what);
    expect(names.filter((n, k) => names.indexOf(n) !== k)).toEqual([]);
  });

  test('each is refused at its own path, and no two are refused with the same words', () => {
    const messages = new Map<string, string>();
    for (const [what, breakIt, path] of MALFORMED) {
      const r = refusal(broken(breakIt));
      expect(r?.path, what).toBe(path);
      const message = r?.message ?? '';
      expect(messages.get(message), `${what}: ${message}`).toBeUndefined();
      messages.set(message, what);
    }
  });

  const targetsIn = (text: string) => {
    const f = JSON.parse(text) as Json;
    const voids = f.events.filter((e) => e.type === 'voided');
    return { f, voids };
  };
  const bySeat = (f: Json, id: unknown) => f.events.filter((e) => e.id === id).map((e) => e.seat);

  test('“void of an unknown event”: its target is an event of no seat', () => {
    const [, breakIt] = MALFORMED.find(([what]) => what === 'void of an unknown event') ?? [];
    const { f } = targetsIn(broken(breakIt as (f: Json) => unknown));
    expect(bySeat(f, ev(f, 6).target)).toEqual([]);
  });

  test('“void of another seat’s event”: its target is an event of the other seat only', () => {
    const [, breakIt] = MALFORMED.find(([what]) => what === 'void of another seat’s event') ?? [];
    const { f } = targetsIn(broken(breakIt as (f: Json) => unknown));
    const void6 = ev(f, 6);
    expect(void6).toMatchObject({ type: 'voided', seat: 's1' });
    expect(bySeat(f, void6.target)).toEqual(['s2']);
    // The same void aimed at that id within its own seat is valid: the seat alone decides.
    const own = JSON.parse(broken(breakIt as (f: Json) => unknown)) as Json;
    own.events.push({ id: 's2-send', seat: 's1', type: 'adjustment', at: '2026-05-01T00:00:00Z', delta: 1 });
    expect(refusal(JSON.stringify(own))).toBeNull();
  });
});
