// What the rep records by hand: a send, a reply, an undo, a cost corrected, LinkedIn's count
// adopted.

import type { InmailSent } from '../../ledger/events';
import { formatInstant } from '../../ledger/instant';
import { replay } from '../../ledger/replay';
import { summaryOf } from '../../ledger/summarize';
import type { SeatRecord } from '../../store/db';
import { UserError } from '../errors';
import { beforeSetupSend } from '../ingest/before-setup';
import type { Handlers } from './handler';

export const eventCommands = {
  'log-send': {
    keepsCache: true,
    async run(command, ctx) {
      const seat = await ctx.requireSeat(command.seat);
      const id = ctx.randomId();
      const recipient: { name?: string; profileUrl?: string } = {};
      if (command.recipientName) recipient.name = command.recipientName;
      if (command.profileUrl) recipient.profileUrl = command.profileUrl;
      const send: InmailSent = {
        id,
        seat: command.seat,
        type: 'inmail-sent',
        at: command.at ?? formatInstant(ctx.now()),
        threadId: `manual:${id}`,
        cost: command.cost,
        surface: 'manual',
        ...(Object.keys(recipient).length > 0 ? { recipient } : {}),
      };
      // Before the seat began, only a paid InMail whose credit can still come back counts
      // (rule 17): its spending is already in the opening balance.
      const early = Date.parse(send.at) < Date.parse(seat.since);
      const kept = early ? beforeSetupSend(send, seat) : send;
      if (kept === null)
        requireSince(
          seat,
          command.at,
          command.cost === 'paid'
            ? 'its refund window had closed by then, so nothing of it can come back'
            : 'a free InMail before setup changes nothing the ledger counts',
        );
      await ctx.append(kept ?? send);
      return { event: id, snapshot: await ctx.recompute() };
    },
  },
  'mark-replied': {
    keepsCache: true,
    async run(command, ctx) {
      const seat = await ctx.requireSeat(command.seat);
      requireSince(seat, command.at, 'a reply before it was set up changes nothing it counts');
      const id = ctx.randomId();
      await ctx.append({
        id,
        seat: command.seat,
        type: 'reply-received',
        at: command.at ?? formatInstant(ctx.now()),
        threadId: command.threadId,
        kind: command.kind ?? 'reply',
      });
      return { event: id, snapshot: await ctx.recompute() };
    },
  },
  'void-event': {
    keepsCache: true,
    async run(command, ctx) {
      const target = await ctx.db.events.get([command.seat, command.target]);
      if (target === undefined) throw new UserError(`no event '${command.target}' in this seat`);
      if (target.type === 'voided') throw new UserError('an undo cannot be undone');
      const id = ctx.randomId();
      await ctx.append({
        id,
        seat: command.seat,
        type: 'voided',
        at: formatInstant(ctx.now()),
        target: command.target,
        ...(command.reason ? { reason: command.reason } : {}),
      });
      return { event: id, snapshot: await ctx.recompute() };
    },
  },
  'correct-cost': {
    async run(command, ctx) {
      const { db } = ctx;
      const target = await db.events.get([command.seat, command.target]);
      if (target?.type !== 'inmail-sent') throw new UserError(`no InMail '${command.target}' in this seat`);
      if (target.cost !== 'paid') throw new UserError('that InMail is already counted as free');
      const corrected = `corrected:${target.id}`;
      const { costUnknown: _, beforeSetup, ...send } = target;
      // One transaction: the paid record is voided and the free one written, or neither.
      await db.transaction('rw', db.events, async () => {
        if (await db.events.get([command.seat, corrected])) throw new UserError('already corrected');
        await db.events.bulkAdd([
          {
            id: ctx.randomId(),
            seat: command.seat,
            type: 'voided',
            at: formatInstant(ctx.now()),
            target: target.id,
            reason: 'the rep says it was free',
          },
          // A free InMail before setup is nothing the ledger counts: the void alone says it.
          ...(beforeSetup ? [] : [{ ...send, id: corrected, cost: command.cost }]),
        ]);
      });
      ctx.forget(command.seat);
      return { event: corrected, snapshot: await ctx.recompute() };
    },
  },
  'adopt-observed': {
    keepsCache: true,
    async run(command, ctx) {
      const seat = await ctx.requireSeat(command.seat);
      const now = ctx.now();
      const drift = summaryOf(replay(seat, await ctx.eventsOf(seat.id), now)).observed?.drift ?? 0;
      if (drift === 0) throw new UserError("the ledger already matches LinkedIn's number");
      const id = ctx.randomId();
      await ctx.append({
        id,
        seat: seat.id,
        type: 'adjustment',
        at: formatInstant(now),
        delta: drift,
        reason: "adopted LinkedIn's count",
      });
      return { event: id, snapshot: await ctx.recompute() };
    },
  },
  'unmark-replied': {
    async run(command, ctx) {
      await ctx.requireSeat(command.seat);
      const events = await ctx.eventsOf(command.seat);
      const voided = new Set(events.flatMap((e) => (e.type === 'voided' ? [e.target] : [])));
      const live = events.filter((e) => !voided.has(e.id));
      const send = live.find((e) => e.id === command.send && e.type === 'inmail-sent');
      if (send?.type !== 'inmail-sent') throw new UserError(`no InMail '${command.send}' in this seat`);
      const from = Date.parse(send.at);
      // What answered this InMail: the thread's responses from its send to the thread's next
      // InMail (a follow-up has replies of its own, rule 9).
      const until = live
        .filter((e) => e.type === 'inmail-sent' && e.threadId === send.threadId && Date.parse(e.at) > from)
        .reduce((min, e) => Math.min(min, Date.parse(e.at)), Number.POSITIVE_INFINITY);
      const responses = live.filter(
        (e) =>
          e.type === 'reply-received' &&
          e.threadId === send.threadId &&
          Date.parse(e.at) >= from &&
          Date.parse(e.at) < until,
      );
      if (responses.length === 0) throw new UserError('no reply to that InMail is recorded');
      const at = formatInstant(ctx.now());
      const voids = responses.map((r) => ({
        id: ctx.randomId(),
        seat: command.seat,
        type: 'voided' as const,
        at,
        target: r.id,
        reason: 'the rep took back "Replied"',
      }));
      // One transaction: every response of the thread goes, or none.
      await ctx.db.transaction('rw', ctx.db.events, () => ctx.db.events.bulkAdd(voids));
      ctx.appended(command.seat, voids);
      return { event: (voids[0] as { id: string }).id, snapshot: await ctx.recompute() };
    },
  },
  'restore-event': {
    keepsCache: true,
    async run(command, ctx) {
      const removal = await ctx.db.events.get([command.seat, command.void]);
      if (removal?.type !== 'voided') throw new UserError(`no removal '${command.void}' in this seat`);
      const target = await ctx.db.events.get([command.seat, removal.target]);
      if (target === undefined) throw new UserError('the removed entry is no longer there');
      // The same entry under an id of its own, derived from the removal: restoring twice is a no-op.
      const id = `restored:${removal.id}`;
      await ctx.append({ ...target, id });
      return { event: id, snapshot: await ctx.recompute() };
    },
  },
} satisfies Partial<Handlers>;

/** A time the rep gave must not be before the seat began (the ledger file refuses such events). */
function requireSince(seat: SeatRecord, at: string | undefined, why: string): void {
  if (at !== undefined && Date.parse(at) < Date.parse(seat.since))
    throw new UserError(`at: ${at} is before “${seat.label}” was set up (${seat.since}): ${why}`);
}
