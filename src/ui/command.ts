// How the popup and options talk to the background: one typed command, one reply.

import { browser } from 'wxt/browser';
import type { Command, Reply } from '../messages/protocol';
import type { Snapshot } from '../messages/snapshot';

export type CommandReply = Reply<{ snapshot?: Snapshot } & Record<string, unknown>>;

/** No listener heard the message (a worker between two lives): nothing ran, so it is resent. */
const NOBODY_LISTENING = /Receiving end does not exist/;

export async function command(message: Command): Promise<CommandReply> {
  for (let attempt = 1; ; attempt++) {
    try {
      const reply = (await browser.runtime.sendMessage(message)) as CommandReply | undefined;
      return reply ?? { ok: false, error: 'the extension did not answer; try again' };
    } catch (error) {
      const text = (error as Error).message;
      if (attempt < 3 && NOBODY_LISTENING.test(text)) {
        await new Promise((resume) => setTimeout(resume, 100 * attempt));
        continue;
      }
      return { ok: false, error: `the extension did not answer (${text})` };
    }
  }
}
