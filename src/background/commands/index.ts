// The background's handler table: one handler per command of COMMANDS
// (src/messages/protocol.ts), each answering with its command's reply type. A command declared
// there and not handled here, or handled with another reply, does not compile.

import type { CommandType } from '../../messages/protocol';
import { dataCommands } from './data';
import { eventCommands } from './events';
import type { Handler, Handlers } from './handler';
import { seatCommands } from './seats';
import { unassignedCommands } from './unassigned';

export type { CommandContext, Handler } from './handler';

const HANDLERS: Handlers = { ...dataCommands, ...seatCommands, ...eventCommands, ...unassignedCommands };

export function handlerOf<T extends CommandType>(type: T): Handler<T> {
  return HANDLERS[type];
}
