// How the popup and options talk to the background: one typed command, one reply.

import { browser } from 'wxt/browser';
import type { Command, Reply } from '../messages/protocol';
import type { Snapshot } from '../messages/snapshot';

export type CommandReply = Reply<{ snapshot?: Snapshot } & Record<string, unknown>>;

export async function command(message: Command): Promise<CommandReply> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as CommandReply | undefined;
    return reply ?? { ok: false, error: 'the extension did not answer; try again' };
  } catch (error) {
    return { ok: false, error: `the extension did not answer (${(error as Error).message})` };
  }
}
