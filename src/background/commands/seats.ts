// Seats: set up, rename, remove, make active, change plan (and preview what a change forfeits).

import { formatInstant } from '../../ledger/instant';
import { PLANS } from '../../ledger/plans';
import { replay } from '../../ledger/replay';
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
      const state = replay(seat, await ctx.eventsOf(seat.id), ctx.now());
      const forfeits = command.plan !== state.terms.plan ? state.available : 0;
      return { forfeits, currentPlan: state.terms.plan };
    },
  },
  'change-plan': {
    keepsCache: true,
    async run(command, ctx) {
      const seat = await ctx.requireSeat(command.seat);
      const now = ctx.now();
      const existing = await ctx.eventsOf(seat.id);
      if (existing.some((e) => e.type === 'plan-changed' && Date.parse(e.at) === now)) {
        throw new UserError('the plan was changed a moment ago; try again');
      }
      const id = ctx.randomId();
      const { type: _type, seat: _seat, ...terms } = command;
      await ctx.append({ id, seat: seat.id, type: 'plan-changed', at: formatInstant(now), ...terms });
      return { event: id, snapshot: await ctx.recompute() };
    },
  },
} satisfies Partial<Handlers>;
