// Seats: set up, rename, remove, make active, change plan (and preview what a change forfeits).

import type { LedgerEvent } from '../../ledger/events';
import { formatInstant } from '../../ledger/instant';
import { PLANS } from '../../ledger/plans';
import { replay } from '../../ledger/replay';
import { localDateString } from '../../ledger/zoned-time';
import type { SeatRecord } from '../../store/db';
import { metaRecord, readMeta } from '../../store/meta';
import { UserError } from '../errors';
import { adoptFoundBeforeSetup } from '../ingest/before-setup';
import type { Handlers } from './handler';

export const seatCommands = {
  'setup-seat': {
    async run(command, ctx) {
      const { db } = ctx;
      const at = formatInstant(ctx.now());
      const pool = PLANS[command.plan].pool;
      const seat: SeatRecord = {
        id: `local:${ctx.randomId()}/${pool}`,
        label: command.label,
        plan: command.plan,
        since: at,
        timeZone: command.timeZone,
        order: 0,
      };
      if (command.grantDay !== undefined) seat.grantDay = command.grantDay;
      if (command.monthlyCredits !== undefined) seat.monthlyCredits = command.monthlyCredits;
      if (command.cap !== undefined) seat.cap = command.cap;
      if (command.account !== undefined) seat.account = command.account;
      await db.transaction('rw', [db.seats, db.events, db.meta, db.unassigned], async () => {
        seat.order = ((await db.seats.orderBy('order').last())?.order ?? -1) + 1;
        await db.seats.add(seat);
        if (command.openingBalance !== undefined) {
          await db.events.add({
            id: ctx.randomId(),
            seat: seat.id,
            type: 'opening-balance',
            at,
            balance: command.openingBalance,
          });
        }
        if ((await readMeta(db, 'activeSeat')) === undefined)
          await db.meta.put(metaRecord('activeSeat', seat.id));
        await adoptFoundBeforeSetup(db, seat);
      });
      return { seat: seat.id, snapshot: await ctx.recompute() };
    },
  },
  'rename-seat': {
    async run(command, ctx) {
      const updated = await ctx.db.seats.update(command.seat, { label: command.label });
      if (updated === 0) throw new UserError(`no seat '${command.seat}'`);
      return { snapshot: await ctx.recompute() };
    },
  },
  'remove-seat': {
    async run(command, ctx) {
      const { db } = ctx;
      await db.transaction('rw', db.seats, db.events, db.meta, async () => {
        await ctx.requireSeat(command.seat);
        ctx.emptied((await db.seats.count()) === 1);
        await db.events.where('seat').equals(command.seat).delete();
        await db.seats.delete(command.seat);
        if ((await readMeta(db, 'activeSeat')) === command.seat) {
          const first = await db.seats.orderBy('order').first();
          await db.meta.put(metaRecord('activeSeat', first?.id ?? null));
        }
      });
      return { snapshot: await ctx.recompute() };
    },
  },
  'set-active-seat': {
    async run(command, ctx) {
      await ctx.requireSeat(command.seat);
      await ctx.db.meta.put(metaRecord('activeSeat', command.seat));
      return { snapshot: await ctx.recompute() };
    },
  },
  'preview-plan-change': {
    readOnly: true,
    async run(command, ctx) {
      const seat = await ctx.requireSeat(command.seat);
      const events = await ctx.eventsOf(seat.id);
      const at = effectiveAt(seat, events, command.at, ctx.now());
      // Rule 16: at the change's instant, lots due then expire first; the change comes before
      // that instant's grant and everything else recorded at it.
      const before = replay(seat, events, at - 1);
      const currentPlan = before.terms.plan;
      const forfeits =
        command.plan !== currentPlan
          ? before.live.filter((l) => l.expiresAt > at).reduce((sum, l) => sum + l.remaining, 0)
          : 0;
      return { forfeits, currentPlan };
    },
  },
  'change-plan': {
    keepsCache: true,
    async run(command, ctx) {
      const seat = await ctx.requireSeat(command.seat);
      const now = ctx.now();
      const existing = await ctx.eventsOf(seat.id);
      let at = effectiveAt(seat, existing, command.at, now);
      const voided = new Set(existing.flatMap((e) => (e.type === 'voided' ? [e.target] : [])));
      const taken = (t: number) =>
        existing.filter((e) => e.type === 'plan-changed' && Date.parse(e.at) === t);
      if (command.at === undefined) {
        if (taken(at).length > 0) throw new UserError('the plan was changed a moment ago; try again');
      } else {
        // One plan change per instant (the ledger file's rule), undone ones included: a change
        // dated like an undone one goes a millisecond after it, on the same day.
        if (taken(at).some((e) => !voided.has(e.id)))
          throw new UserError('a plan change is already recorded at that moment; undo it first');
        while (taken(at).length > 0) at++;
      }
      const planBefore = replay(seat, existing, now).terms.plan;
      const id = ctx.randomId();
      const { type: _type, seat: _seat, at: _at, ...terms } = command;
      await ctx.append({ id, seat: seat.id, type: 'plan-changed', at: formatInstant(at), ...terms });
      // A seat still named after its plan takes the new plan's name (not "cancelled").
      const planAfter = replay(seat, await ctx.eventsOf(seat.id), now).terms.plan;
      let renamed: { from: string; to: string } | null = null;
      if (planAfter !== planBefore && planAfter !== 'none' && seat.label === PLANS[planBefore].label) {
        renamed = { from: seat.label, to: PLANS[planAfter].label };
        await ctx.db.seats.update(seat.id, { label: renamed.to });
      }
      return { event: id, renamed, snapshot: await ctx.recompute() };
    },
  },
} satisfies Partial<Handlers>;

/**
 * The instant a plan change takes effect: now, or the instant the rep gave, which must be
 * neither before the seat began nor in the future.
 */
function effectiveAt(seat: SeatRecord, events: readonly LedgerEvent[], at: string | undefined, now: number) {
  if (at === undefined) return now;
  const t = Date.parse(at);
  const zone = replay(seat, events, now).terms.timeZone;
  const day = (instant: number) => localDateString(zone, instant);
  if (t < Date.parse(seat.since))
    throw new UserError(
      `a plan change on ${day(t)} would be before “${seat.label}” was set up (${day(Date.parse(seat.since))}): pick that day or a later one`,
    );
  if (t > now)
    throw new UserError(
      `a plan change on ${day(t)} would be in the future: pick today (${day(now)}) or an earlier day`,
    );
  return t;
}
