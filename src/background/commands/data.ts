// The ledger's data and settings: the snapshot, settings, import, export (ledger file, CSV),
// delete everything.

import { formatInstant } from '../../ledger/instant';
import { parseLedgerFile } from '../../ledger/ledger-file';
import { replay } from '../../ledger/replay';
import { exportLedger, importLedger, listSeats } from '../../store/ledger-store';
import { metaRecord, readMeta } from '../../store/meta';
import { CSV_HEADER, inmailsCsv } from '../csv-export';
import type { Handlers } from './handler';

export const dataCommands = {
  'get-snapshot': {
    readOnly: true,
    keepsCache: true,
    run: async (_command, ctx) => ({ snapshot: await ctx.recompute() }),
  },
  'set-settings': {
    async run(command, ctx) {
      await ctx.db.meta.put(metaRecord('settings', command.settings));
      return { snapshot: await ctx.recompute() };
    },
  },
  'import-ledger': {
    async run(command, ctx) {
      const { db } = ctx;
      const file = parseLedgerFile(command.text);
      const counts = await importLedger(db, file);
      // When no seat is active, the first one imported becomes active (DESIGN.md contract 3).
      if (((await readMeta(db, 'activeSeat')) ?? null) === null && file.seats[0])
        await db.meta.put(metaRecord('activeSeat', file.seats[0].id));
      return { imported: counts, snapshot: await ctx.recompute() };
    },
  },
  'export-ledger': {
    readOnly: true,
    run: async (_command, ctx) => ({ file: await exportLedger(ctx.db, formatInstant(ctx.now())) }),
  },
  'export-csv': {
    readOnly: true,
    async run(_command, ctx) {
      const rows: string[][] = [CSV_HEADER];
      for (const seat of await listSeats(ctx.db)) {
        const state = replay(seat, await ctx.eventsOf(seat.id), ctx.now());
        rows.push(...inmailsCsv(seat, state));
      }
      return { csv: rows.map((r) => r.join(',')).join('\r\n') };
    },
  },
  'delete-all': {
    async run(_command, ctx) {
      const { db } = ctx;
      ctx.emptied(true);
      await db.transaction('rw', [db.seats, db.events, db.unassigned, db.meta], async () => {
        await Promise.all([db.seats.clear(), db.events.clear(), db.unassigned.clear(), db.meta.clear()]);
      });
      return { snapshot: await ctx.recompute() };
    },
  },
} satisfies Partial<Handlers>;
