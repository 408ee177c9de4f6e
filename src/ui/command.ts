// How the popup and options talk to the background: one typed command, one reply, its type
// taken from the command's declaration in COMMANDS (src/messages/protocol.ts).

import { browser } from 'wxt/browser';
import type { CommandInput, CommandType, Reply } from '../messages/protocol';

/** No listener heard the message (a worker between two lives): nothing ran, so it is resent. */
const NOBODY_LISTENING = /Receiving end does not exist/;

/**
 * Sends a command and resolves with its reply: `(await command({ type: 'export-csv' })).csv` is a
 * string once `ok` is checked. Never rejects: a background that does not answer is a failure.
 */
export async function command<T extends CommandType>(
  message: CommandInput<T> & { type: T },
): Promise<Reply<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      // The one place a reply is trusted to match its command: the background answers it by
      // the same table (src/background/commands).
      const reply: Reply<T> | undefined = await browser.runtime.sendMessage(message);
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

/** Any command, for components that pass one through (`run(message)`). */
export type AnyCommand = CommandInput;
