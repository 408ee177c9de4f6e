// One table of commands (src/messages/protocol.ts), answered by one table of handlers
// (src/background/commands): every command declared is handled, and a caller reads its reply
// with the reply's own type.

import { describe, expect, expectTypeOf, test } from 'vitest';
import { handlerOf } from '../../../src/background/commands';
import type { LedgerFile } from '../../../src/ledger/ledger-file';
import {
  COMMANDS,
  type CommandInput,
  type CommandType,
  parseCommand,
  type Reply,
  type ReplyOf,
} from '../../../src/messages/protocol';
import type { Snapshot } from '../../../src/messages/snapshot';

const TYPES = Object.keys(COMMANDS) as CommandType[];

describe('commands', () => {
  test('each command is declared under its own name and has a handler', () => {
    for (const type of TYPES) {
      expect(COMMANDS[type].type).toBe(type);
      expect(typeof handlerOf(type).run, type).toBe('function');
    }
  });

  test('only the commands that read nothing but the ledger are marked as reads', () => {
    expect(TYPES.filter((type) => handlerOf(type).readOnly)).toEqual([
      'get-snapshot',
      'preview-plan-change',
      'export-ledger',
      'export-csv',
    ]);
  });

  test('a message is validated by its command’s schema; the error names the field', () => {
    expect(parseCommand({ type: 'rename-seat', seat: 's', label: '  Dana  ' })).toEqual({
      ok: true,
      command: { type: 'rename-seat', seat: 's', label: 'Dana' },
    });
    expect(parseCommand({ type: 'correct-cost', seat: 's', target: 'e', cost: 'paid' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^cost: /),
    });
    expect(parseCommand({ type: 'drop-tables' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^type: /),
    });
  });

  test('replies carry their types: no caller casts', () => {
    expectTypeOf<ReplyOf<'export-csv'>>().toEqualTypeOf<{ csv: string }>();
    expectTypeOf<ReplyOf<'export-ledger'>>().toEqualTypeOf<{ file: LedgerFile }>();
    expectTypeOf<ReplyOf<'preview-plan-change'>['forfeits']>().toEqualTypeOf<number>();
    expectTypeOf<ReplyOf<'get-snapshot'>['snapshot']>().toEqualTypeOf<Snapshot>();
    expectTypeOf<Extract<Reply<'setup-seat'>, { ok: true }>['seat']>().toEqualTypeOf<string>();
    expectTypeOf<CommandInput<'mark-replied'>['kind']>().toEqualTypeOf<
      'reply' | 'accepted' | 'declined' | undefined
    >();
  });
});
