// Detections that waited for the rep to say whose they are: recorded in a seat, or let go.

import type { LedgerEvent } from '../../ledger/events';
import { UserError } from '../errors';
import { adoptWaitingResponses, sameSendIn } from '../ingest/merge';
import type { Handlers } from './handler';

export const unassignedCommands = {
  'assign-unassigned': {
    async run(command, ctx) {
      const { db } = ctx;
      const seat = await ctx.requireSeat(command.seat);
      const waiting = await db.unassigned.get(command.key);
      if (waiting === undefined) throw new UserError('that detection is no longer waiting');
      const event: LedgerEvent = { ...waiting.event, seat: seat.id };
      if (Date.parse(event.at) < Date.parse(seat.since)) {
        throw new UserError(
          `it happened before “${seat.label}” was set up, so its opening balance already counts it`,
        );
      }
      await db.transaction('rw', db.events, db.unassigned, async () => {
        await db.unassigned.delete(command.key);
        if (await db.events.get([seat.id, event.id])) return;
        if (event.type === 'inmail-sent' && (await sameSendIn(ctx, event))?.relation === 'same') return;
        // A reply that came before this send waited for it, however the send arrives.
        const adopted = event.type === 'inmail-sent' ? await adoptWaitingResponses(db, event) : [];
        await db.events.bulkAdd([event, ...adopted]);
      });
      ctx.forget(seat.id);
      return { snapshot: await ctx.recompute() };
    },
  },
  'discard-unassigned': {
    async run(command, ctx) {
      await ctx.db.unassigned.delete(command.key);
      return { snapshot: await ctx.recompute() };
    },
  },
} satisfies Partial<Handlers>;
