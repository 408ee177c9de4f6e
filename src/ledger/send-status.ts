// Where each InMail stands, in the words of the popup's chips (DESIGN.md contract 3).

import type { SendRecord } from './replay';

export type SendStatus =
  | 'awaiting'
  | 'refunded'
  | 'replied-no-credit'
  | 'late-reply'
  | 'window-closed'
  | 'free';

export function sendStatus(send: SendRecord, at: number): SendStatus {
  if (send.cost !== 'paid') return 'free';
  if (send.answer !== null) {
    if (!send.answer.inWindow) return 'late-reply';
    return send.answer.refunded ? 'refunded' : 'replied-no-credit';
  }
  return at <= send.windowClosesAt ? 'awaiting' : 'window-closed';
}
