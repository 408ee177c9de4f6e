// The cost of a send is decided when the rep sends (DESIGN.md, detection strategy 2): on the
// click on Send, or Enter in a composer, we read that composer and the person it writes to,
// and keep the reading for the next createMessage the tap sees from this tab within 15 s.
// After the send LinkedIn may close the composer or turn it into the thread, so reading the
// page when the answer arrives would be too late.

import { readSendMoment, sendTrigger } from '../dom/send-moment';
import type { ComposerSurface, SentFromComposer } from '../read/answer';

/** How long after Send its createMessage may arrive. */
export const SEND_WINDOW_MS = 15_000;

type Surface = ComposerSurface;

export interface SendMoments {
  take(surface: Surface, at: number): SentFromComposer | null;
}

export function watchSendMoments(doc: Document, signal: AbortSignal): SendMoments {
  const last = new Map<Surface, { at: number; reading: SentFromComposer }>();
  const note = (event: Event) => {
    try {
      if (event instanceof KeyboardEvent && (event.key !== 'Enter' || event.shiftKey)) return;
      const composer = sendTrigger(event);
      if (composer === null) return;
      const moment = readSendMoment(composer, doc);
      if (moment.surface === 'recruiter') return; // Recruiter's sends are confirmed on the page
      last.set(moment.surface, {
        at: Date.now(),
        reading: {
          inmail: moment.inmail,
          cost: moment.cost,
          ...(moment.recipient ? { recipient: moment.recipient } : {}),
        },
      });
    } catch (error) {
      console.debug('InMail Ledger: could not read the composer at Send', error);
    }
  };
  // Capture phase, read-only: we see the click before LinkedIn's own handler closes the composer.
  for (const type of ['click', 'keydown'] as const)
    doc.addEventListener(type, note, { capture: true, passive: true, signal });
  return {
    take(surface, at) {
      const moment = last.get(surface);
      if (!moment || at < moment.at || at - moment.at > SEND_WINDOW_MS) return null;
      last.delete(surface);
      return moment.reading;
    },
  };
}
