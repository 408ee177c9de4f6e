// What a command handler is: the function that answers one command of COMMANDS
// (src/messages/protocol.ts) with that command's reply type, and what it may use.

import type { CommandOf, CommandType, ReplyOf } from '../../messages/protocol';
import type { Snapshot } from '../../messages/snapshot';
import type { LedgerAccess } from '../ledger-access';

export interface CommandContext extends LedgerAccess {
  /** Recomputes the summaries, publishes the snapshot, sets the badge and the alarm. */
  recompute(): Promise<Snapshot>;
  /** The rep emptied the ledger (removed the last seat, deleted everything): no seats is expected. */
  emptied(onPurpose: boolean): void;
}

export interface Handler<T extends CommandType> {
  /** Reads only: its success says nothing of whether the browser takes writes again. */
  readOnly?: true;
  /** Writes only through `append` (which keeps the events cache in step): the cache is kept. */
  keepsCache?: true;
  run(command: CommandOf<T>, ctx: CommandContext): Promise<ReplyOf<T>>;
}

/** One handler per command: a command declared without one (or one with the wrong reply) fails to compile. */
export type Handlers = { [T in CommandType]: Handler<T> };
