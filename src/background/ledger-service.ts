// The background's one way in: every message (the popup's and options' commands, the content
// scripts' detections) is validated, run one at a time, and followed by a refresh that
// recomputes the summaries, publishes the snapshot, sets the badge, notifies and re-arms the
// alarm. The service keeps the queue, each seat's events as last read, and storage health; the
// commands (./commands), detection routing (./ingest), the snapshot (./build-snapshot) and
// notifications (./notifications) are each in their own module. All state lives in the
// database, so a restarted worker resumes as it was.

import * as v from 'valibot';
import type { LedgerEvent } from '../ledger/events';
import { formatInstant } from '../ledger/instant';
import { type DetectedReply, detectedMessageSchema } from '../messages/detection';
import { type Failure, parseCommand, type Reply } from '../messages/protocol';
import type { Snapshot } from '../messages/snapshot';
import type { LedgerDb } from '../store/db';
import { appendEvents, listSeats, seatEvents, waitingForRep } from '../store/ledger-store';
import { readMeta, readSettings, writeMeta } from '../store/meta';
import { snapshotBadge } from './badge';
import { buildSnapshot, seatNow, UNASSIGNED_SHOWN } from './build-snapshot';
import { type CommandContext, handlerOf } from './commands';
import { errorText, isRepError, UserError } from './errors';
import { ingestDetections } from './ingest/route';
import { notifyDue } from './notifications';
import type { Platform } from './platform';

const BLOCKED =
  'The ledger is waiting for another InMail Ledger tab or window, open with an older version, to ' +
  'close. Close it (or restart the browser); detections are kept meanwhile.';
const LOST =
  "The ledger's database was deleted outside InMail Ledger (the extension's data cleared, or from " +
  'developer tools). Import your last export in Settings to restore it, or set up a seat to start again.';

export class LedgerService {
  /** Messages run one at a time, so a refresh never interleaves with a write. */
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * Each seat's events as last read, so a refresh does not re-read a large ledger. This
   * service is the database's only writer: its appends extend the cache, and every other
   * write empties it. A restarted worker starts empty and reads the database again.
   */
  private cache = new Map<string, LedgerEvent[]>();
  /** A write that failed for the browser's reasons (quota, blocked or deleted database). */
  private storageProblem: string | null = null;
  /** The rep emptied the ledger (last seat removed, all deleted): no seats is expected. */
  private emptiedOnPurpose = false;
  private lastSnapshot: Snapshot | null = null;
  /** What the commands and ingest use of this service. */
  private readonly context: CommandContext;

  constructor(
    private readonly db: LedgerDb,
    private readonly platform: Platform,
  ) {
    db.on('blocked', () => void this.reportBlocked());
    // Another connection upgrades or deletes the database: what is in memory may be gone.
    db.on('versionchange', (event: IDBVersionChangeEvent) => {
      this.cache.clear();
      // Deleted: say so now (Dexie closes our connection first, so the delete goes through).
      if (event.newVersion === null) setTimeout(() => void this.refresh().catch(() => {}), 0);
    });
    this.context = {
      db,
      now: () => platform.now(),
      randomId: () => platform.randomId(),
      eventsOf: (seat) => this.eventsOf(seat),
      append: (event) => this.append(event),
      appended: (seat, events) => void this.cache.get(seat)?.push(...events),
      forget: (seat) => void this.cache.delete(seat),
      requireSeat: async (id) => {
        const seat = await db.seats.get(id);
        if (seat === undefined) throw new UserError(`no seat '${id}'`);
        return seat;
      },
      recompute: () => this.recompute(),
      emptied: (onPurpose) => {
        this.emptiedOnPurpose = onPurpose;
      },
    };
  }

  /** Handles an untrusted command. Never throws: a bad one is answered with its error. */
  handle(message: unknown): Promise<Reply> {
    const parsed = parseCommand(message);
    if (!parsed.ok) return this.drop(parsed.error);
    const { command } = parsed;
    return this.serially(async () => {
      try {
        const handler = handlerOf(command.type);
        if (!handler.keepsCache) this.cache.clear();
        const result = await handler.run(command, this.context);
        // A write that went through clears the storage problem (a read, or a refused command, proves nothing).
        if (!handler.readOnly && this.storageProblem !== null) {
          this.storageProblem = null;
          const snapshot = await this.recompute();
          if ('snapshot' in result) result.snapshot = snapshot;
        }
        return { ok: true as const, ...result };
      } catch (error) {
        await this.reportStorage(error);
        return { ok: false as const, error: errorText(error) };
      }
    });
  }

  /**
   * A message from a sender the ledger takes nothing from (another extension, a page of ours
   * that is not an extension page or LinkedIn): counted in detection health, never written.
   */
  refuse(from: string): Promise<Failure> {
    return this.drop(`InMail Ledger takes no messages from ${from}`);
  }

  /**
   * Detections from LinkedIn pages (untrusted), routed by ./ingest. Replies with the ids it
   * has kept, which the content script's outbox lets go.
   */
  handleDetected(message: unknown): Promise<DetectedReply> {
    const parsed = v.safeParse(detectedMessageSchema, message, { abortEarly: true });
    if (!parsed.success)
      return this.drop(`${v.getDotPath(parsed.issues[0]) ?? 'message'}: ${parsed.issues[0].message}`);
    return this.serially(async () => {
      try {
        const { acked, wrote } = await ingestDetections(this.context, parsed.output.detections);
        // Only a write that went through says the browser takes writes again.
        if (wrote) this.storageProblem = null;
        await this.recompute();
        return { ok: true as const, acked };
      } catch (error) {
        // Nothing was acknowledged: the pages keep every detection and send it again.
        await this.reportStorage(error);
        return { ok: false as const, error: errorText(error) };
      }
    });
  }

  /** Recomputes and republishes everything (alarm, startup, install). */
  refresh(): Promise<Snapshot> {
    return this.serially(() => this.recompute());
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** A message refused by validation: answered with its error, counted in detection health. */
  private drop(error: string): Promise<Failure> {
    return this.serially(async () => {
      await this.recordDropped(error);
      return { ok: false as const, error };
    });
  }

  private async recordDropped(reason: string): Promise<void> {
    try {
      const count = ((await readMeta(this.db, 'health:dropped'))?.count ?? 0) + 1;
      await writeMeta(this.db, 'health:dropped', { count, lastReason: reason, lastAt: this.platform.now() });
      // The figures are unchanged: republish the last snapshot with the new count only.
      if (this.lastSnapshot) {
        this.lastSnapshot = { ...this.lastSnapshot, droppedMessages: count };
        await this.platform.publish(this.lastSnapshot);
      }
    } catch (error) {
      console.warn('could not record a dropped message', error);
    }
  }

  /**
   * A write the browser refused (not the rep's mistake): the popup says so until a write
   * succeeds again; the content scripts' outboxes retry what was not acknowledged.
   */
  private async reportStorage(error: unknown): Promise<void> {
    if (isRepError(error)) return;
    this.cache.clear(); // what is in memory may be ahead of what was written
    this.storageProblem = `${errorText(error)}. Nothing was half-written; detections are kept and retried.`;
    try {
      await this.recompute();
    } catch {
      if (this.lastSnapshot)
        await this.platform
          .publish({ ...this.lastSnapshot, storageProblem: this.storageProblem })
          .catch(() => {});
    }
  }

  /** What the pages show now: this worker's last snapshot, else the one an earlier worker left. */
  private async lastPublished(): Promise<Snapshot | null> {
    return this.lastSnapshot ?? (await this.platform.published().catch(() => null));
  }

  /** The open waits on another connection: said at once, outside the queue the open holds up. */
  private async reportBlocked(): Promise<void> {
    const base = await this.lastPublished();
    if (base) await this.platform.publish({ ...base, storageProblem: BLOCKED }).catch(() => {});
  }

  /**
   * When the ledger was found deleted outside the extension, or null: the snapshot published
   * last had seats (or already said so) and the database now has none, and no command emptied it.
   */
  private async lostSince(now: number): Promise<string | null> {
    const last = await this.lastPublished();
    if (last === null) return null;
    if (last.ledgerLostAt) return last.ledgerLostAt;
    return last.seats.length > 0 ? formatInstant(now) : null;
  }

  private async append(event: LedgerEvent): Promise<void> {
    try {
      const added = await appendEvents(this.db, [event]);
      if (added === 1) this.cache.get(event.seat)?.push(event);
    } catch (error) {
      this.cache.delete(event.seat);
      throw error;
    }
  }

  private async eventsOf(seat: string): Promise<LedgerEvent[]> {
    let events = this.cache.get(seat);
    if (events === undefined) {
      events = await seatEvents(this.db, seat);
      this.cache.set(seat, events);
    }
    return events;
  }

  /** Summaries → digest notifications, snapshot, badge, next alarm. */
  private async recompute(): Promise<Snapshot> {
    const { db, platform } = this;
    const now = platform.now();
    const settings = await readSettings(db);
    const seatRecords = await listSeats(db);
    if (seatRecords.length > 0) this.emptiedOnPurpose = false;
    const ledgerLostAt = seatRecords.length > 0 || this.emptiedOnPurpose ? null : await this.lostSince(now);
    const seats = [];
    for (const seat of seatRecords)
      seats.push(seatNow(seat, await this.eventsOf(seat.id), now, settings.horizonDays));
    const wake = await notifyDue(db, (...notice) => platform.notify(...notice), seats, settings, now);
    const snapshot = buildSnapshot({
      now,
      seats,
      settings,
      activeSeat: (await readMeta(db, 'activeSeat')) ?? null,
      droppedMessages: (await readMeta(db, 'health:dropped'))?.count ?? 0,
      seenBeforeSetup: (await readMeta(db, 'seen-before-setup')) ?? {},
      unassigned: await waitingForRep(db, UNASSIGNED_SHOWN),
      storageProblem: this.storageProblem ?? (ledgerLostAt ? LOST : null),
      ledgerLostAt,
    });
    this.lastSnapshot = snapshot;
    await platform.publish(snapshot);
    await platform.setBadge(snapshotBadge(snapshot));
    await platform.setAlarm(wake);
    return snapshot;
  }
}
