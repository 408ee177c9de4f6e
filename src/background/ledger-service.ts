// The background's one way in: every command (popup, options, later content scripts) is
// validated, written in one transaction, and followed by a refresh that recomputes the
// summaries with `summarize`, publishes the snapshot, sets the badge, notifies and re-arms
// the alarm. All state lives in the database, so a restarted worker resumes as it was.

import * as v from 'valibot';
import type { LedgerEvent, Seat } from '../ledger/events';
import { formatInstant } from '../ledger/instant';
import { LedgerFileError, parseLedgerFile } from '../ledger/ledger-file';
import { PLANS } from '../ledger/plans';
import { REFUND_WINDOW_DAYS, replay } from '../ledger/replay';
import { isSameSend, type SendRef, sameSend } from '../ledger/same-send';
import { sendStatus } from '../ledger/send-status';
import { refundDeadline, type Summary, summaryOf } from '../ledger/summarize';
import { addDays } from '../ledger/zoned-time';
import { type Detection, detectedMessageSchema } from '../messages/detection';
import { type Command, parseCommand, type Reply } from '../messages/protocol';
import { DEFAULT_SETTINGS, type Settings, settingsSchema } from '../messages/settings';
import { type InmailRow, RECENT_INMAILS, type SeatBrief, type Snapshot } from '../messages/snapshot';
import type { LedgerDb, SeatRecord } from '../store/db';
import {
  appendEvents,
  exportLedger,
  importLedger,
  LedgerConflict,
  listSeats,
  seatEvents,
} from '../store/ledger-store';
import { type Badge, badgeFor } from './badge';
import { CSV_HEADER, inmailsCsv } from './csv-export';
import { digestFor, nextWake } from './digest';
import { manualTwin } from './manual-twin';

/** What the service needs from the browser; faked in integration tests. */
export interface Platform {
  now(): number;
  publish(snapshot: Snapshot): Promise<void>;
  setBadge(badge: Badge): Promise<void>;
  /** Arm the one-shot alarm at `when` (epoch ms), or clear it (null). */
  setAlarm(when: number | null): Promise<void>;
  notify(id: string, title: string, message: string): Promise<void>;
  randomId(): string;
  /** The snapshot published last, by this worker or an earlier one (null before the first). */
  published(): Promise<Snapshot | null>;
}

const BLOCKED =
  'The ledger is waiting for another InMail Ledger tab or window, open with an older version, to ' +
  'close. Close it (or restart the browser); detections are kept meanwhile.';
const LOST =
  "The ledger's database was deleted outside InMail Ledger (the extension's data cleared, or from " +
  'developer tools). Import your last export in Settings to restore it, or set up a seat to start again.';

const META = {
  settings: 'settings',
  activeSeat: 'activeSeat',
  announced: 'announced',
  lastDigest: 'lastDigest',
  dropped: 'health:dropped',
  seen: 'seen-before-setup',
} as const;

/** What LinkedIn's pages showed of a pool before it had a seat: setup proposes it (issue 15). */
export interface SeenPool {
  balance?: { value: number; at: string; where: string };
  account?: string;
}

export interface DroppedMessages {
  count: number;
  lastReason: string;
  lastAt: number;
}

export class LedgerService {
  /** Commands run one at a time, so a refresh never interleaves with a write. */
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
  }

  /** Handles an untrusted message. Never throws: a bad one is answered with its error. */
  handle(message: unknown): Promise<Reply<Record<string, unknown>>> {
    const parsed = parseCommand(message);
    if (!parsed.ok) {
      const error = parsed.error;
      return this.serially(async () => {
        await this.recordDropped(error);
        return { ok: false as const, error };
      });
    }
    return this.serially(async () => {
      try {
        const result = await this.run(parsed.command);
        // A write that went through clears the storage problem (a read, or a refused command, proves nothing).
        if (!READS.has(parsed.command.type) && this.storageProblem !== null) {
          this.storageProblem = null;
          await this.recompute();
          if ('snapshot' in result) result.snapshot = this.lastSnapshot;
        }
        return { ok: true, ...result } as Reply<Record<string, unknown>>;
      } catch (error) {
        await this.reportStorage(error);
        return { ok: false, error: errorText(error) };
      }
    });
  }

  /**
   * A message from a sender the ledger takes nothing from (another extension, a page of ours
   * that is not an extension page or LinkedIn): counted in detection health, never written.
   */
  refuse(from: string): Promise<{ ok: false; error: string }> {
    const error = `InMail Ledger takes no messages from ${from}`;
    return this.serially(async () => {
      await this.recordDropped(error);
      return { ok: false as const, error };
    });
  }

  /**
   * Detections from LinkedIn pages (untrusted). Each goes to the one seat of its pool, or
   * waits in `unassigned`; the first record of an id wins, so retries and other tabs are
   * no-ops. Replies with the ids it has kept, which the content script's outbox lets go.
   */
  handleDetected(message: unknown): Promise<{ ok: true; acked: string[] } | { ok: false; error: string }> {
    const parsed = v.safeParse(detectedMessageSchema, message, { abortEarly: true });
    if (!parsed.success) {
      const error = `${v.getDotPath(parsed.issues[0]) ?? 'message'}: ${parsed.issues[0].message}`;
      return this.serially(async () => {
        await this.recordDropped(error);
        return { ok: false as const, error };
      });
    }
    return this.serially(async () => {
      try {
        const now = this.platform.now();
        const seats = await listSeats(this.db);
        const acked: string[] = [];
        let wrote = false;
        const seenBefore = await this.seenBeforeSetup();
        const seenNow: Record<string, SeenPool> = {};
        // Sends first: a response in the same batch then finds the send of its thread.
        const detections = [...parsed.output.detections].sort((a, b) => rank(a) - rank(b));
        for (const d of detections) {
          let seat = d.kind === 'response' ? await this.seatOfResponse(d, seats) : seatOfPool(d.pool, seats);
          const account = d.kind === 'balance' ? undefined : d.account;
          if (seat && account) {
            const verdict = accountVerdict(seat, account);
            // Another LinkedIn account signed in on this browser: the rep says whose it is.
            if (verdict === 'other') seat = null;
            else if (verdict === 'remember') {
              await this.db.seats.update(seat.id, { account });
              seat.account = account;
              wrote = true;
            }
          }
          const event = detectedEvent(d, seat?.id ?? '', now);
          if (d.pool && !seats.some((s) => PLANS[s.plan].pool === d.pool)) {
            seenNow[d.pool] = seenPool(seenNow[d.pool] ?? seenBefore[d.pool], d, event.at);
            wrote = true;
          }
          if (seat === undefined || (d.kind === 'response' && seat === null)) {
            // No send of ours in its thread (yet), or its send waits for the rep: held out of
            // sight, and counted the moment the send is recorded (another tab, a later page, the
            // rep assigning it); alone it refunds nothing (rule 9).
            await this.db.unassigned.put({
              key: d.id,
              pool: d.pool ?? 'unknown',
              event,
              receivedAt: now,
              orphan: true,
            });
            wrote = true;
            acked.push(d.id);
            continue;
          }
          // Before the seat began: its opening balance already counts what this spent. A paid
          // InMail whose refund window is still open is kept as a send before setup (rule 17);
          // a response before setup means its InMail's credit was already back.
          if (seat && Date.parse(event.at) < Date.parse(seat.since)) {
            if (event.type === 'inmail-sent') {
              const early = beforeSetupSend(event, seat);
              if (early && !answeredBeforeSetup(early, Date.parse(seat.since), detections))
                wrote = (await this.appendDetected(early, now)) > 0 || wrote;
            } else if (event.type === 'reply-received')
              wrote = (await this.voidAnsweredBeforeSetup(event, now)) || wrote;
            acked.push(d.id);
            continue;
          }
          if (seat) wrote = (await this.appendDetected(event, now)) > 0 || wrote;
          else if (!(await this.waitsAlready(event))) {
            await this.db.unassigned.put({
              key: d.id,
              pool: d.pool ?? 'unknown',
              ...(account ? { account } : {}),
              event,
              receivedAt: now,
            });
            wrote = true;
          }
          acked.push(d.id);
        }
        if (Object.keys(seenNow).length > 0)
          await this.db.meta.put({ key: META.seen, value: { ...seenBefore, ...seenNow } });
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

  /**
   * A write the browser refused (not the rep's mistake): the popup says so until a write
   * succeeds again; the content scripts' outboxes retry what was not acknowledged.
   */
  private async reportStorage(error: unknown): Promise<void> {
    if (error instanceof UserError || error instanceof LedgerFileError || error instanceof LedgerConflict)
      return;
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

  /** Recomputes and republishes everything (alarm, startup, install). */
  refresh(): Promise<Snapshot> {
    return this.serially(() => this.recompute());
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async run(command: Command): Promise<Record<string, unknown>> {
    if (
      !['get-snapshot', 'log-send', 'mark-replied', 'void-event', 'adopt-observed', 'change-plan'].includes(
        command.type,
      )
    ) {
      this.cache.clear();
    }
    const now = this.platform.now();
    const at = formatInstant(now);
    switch (command.type) {
      case 'get-snapshot':
        return { snapshot: await this.recompute() };
      case 'setup-seat': {
        const pool = PLANS[command.plan].pool;
        const seat: SeatRecord = {
          id: `local:${this.platform.randomId()}/${pool}`,
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
        const tables = [this.db.seats, this.db.events, this.db.meta, this.db.unassigned];
        await this.db.transaction('rw', tables, async () => {
          seat.order = ((await this.db.seats.orderBy('order').last())?.order ?? -1) + 1;
          await this.db.seats.add(seat);
          if (command.openingBalance !== undefined) {
            await this.db.events.add({
              id: this.platform.randomId(),
              seat: seat.id,
              type: 'opening-balance',
              at,
              balance: command.openingBalance,
            });
          }
          if ((await this.db.meta.get(META.activeSeat)) === undefined) {
            await this.db.meta.put({ key: META.activeSeat, value: seat.id });
          }
          await this.adoptFoundBeforeSetup(seat);
        });
        return { seat: seat.id, snapshot: await this.recompute() };
      }
      case 'rename-seat': {
        const updated = await this.db.seats.update(command.seat, { label: command.label });
        if (updated === 0) throw new UserError(`no seat '${command.seat}'`);
        return { snapshot: await this.recompute() };
      }
      case 'remove-seat': {
        await this.db.transaction('rw', this.db.seats, this.db.events, this.db.meta, async () => {
          await this.requireSeat(command.seat);
          this.emptiedOnPurpose = (await this.db.seats.count()) === 1;
          await this.db.events.where('seat').equals(command.seat).delete();
          await this.db.seats.delete(command.seat);
          const active = await this.db.meta.get(META.activeSeat);
          if (active?.value === command.seat) {
            const first = await this.db.seats.orderBy('order').first();
            await this.db.meta.put({ key: META.activeSeat, value: first?.id ?? null });
          }
        });
        return { snapshot: await this.recompute() };
      }
      case 'set-active-seat':
        await this.requireSeat(command.seat);
        await this.db.meta.put({ key: META.activeSeat, value: command.seat });
        return { snapshot: await this.recompute() };
      case 'log-send': {
        const seat = await this.requireSeat(command.seat);
        const id = this.platform.randomId();
        const recipient: { name?: string; profileUrl?: string } = {};
        if (command.recipientName) recipient.name = command.recipientName;
        if (command.profileUrl) recipient.profileUrl = command.profileUrl;
        const send: Extract<LedgerEvent, { type: 'inmail-sent' }> = {
          id,
          seat: command.seat,
          type: 'inmail-sent',
          at: command.at ?? at,
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
        await this.append(kept ?? send);
        return { event: id, snapshot: await this.recompute() };
      }
      case 'mark-replied': {
        const seat = await this.requireSeat(command.seat);
        requireSince(seat, command.at, 'a reply before it was set up changes nothing it counts');
        const id = this.platform.randomId();
        await this.append({
          id,
          seat: command.seat,
          type: 'reply-received',
          at: command.at ?? at,
          threadId: command.threadId,
          kind: command.kind ?? 'reply',
        });
        return { event: id, snapshot: await this.recompute() };
      }
      case 'void-event': {
        const target = await this.db.events.get([command.seat, command.target]);
        if (target === undefined) throw new UserError(`no event '${command.target}' in this seat`);
        if (target.type === 'voided') throw new UserError('an undo cannot be undone');
        const id = this.platform.randomId();
        await this.append({
          id,
          seat: command.seat,
          type: 'voided',
          at,
          target: command.target,
          ...(command.reason ? { reason: command.reason } : {}),
        });
        return { event: id, snapshot: await this.recompute() };
      }
      case 'correct-cost': {
        const target = await this.db.events.get([command.seat, command.target]);
        if (target?.type !== 'inmail-sent') throw new UserError(`no InMail '${command.target}' in this seat`);
        if (target.cost !== 'paid') throw new UserError('that InMail is already counted as free');
        const corrected = `corrected:${target.id}`;
        const { costUnknown: _, beforeSetup, ...send } = target;
        // One transaction: the paid record is voided and the free one written, or neither.
        await this.db.transaction('rw', this.db.events, async () => {
          if (await this.db.events.get([command.seat, corrected])) throw new UserError('already corrected');
          await this.db.events.bulkAdd([
            {
              id: this.platform.randomId(),
              seat: command.seat,
              type: 'voided',
              at,
              target: target.id,
              reason: 'the rep says it was free',
            },
            // A free InMail before setup is nothing the ledger counts: the void alone says it.
            ...(beforeSetup ? [] : [{ ...send, id: corrected, cost: command.cost }]),
          ]);
        });
        this.cache.delete(command.seat);
        return { event: corrected, snapshot: await this.recompute() };
      }
      case 'adopt-observed': {
        const seat = await this.requireSeat(command.seat);
        const summary = await this.summaryFor(seat, now);
        const drift = summary.observed?.drift ?? 0;
        if (drift === 0) throw new UserError("the ledger already matches LinkedIn's number");
        const id = this.platform.randomId();
        await this.append({
          id,
          seat: seat.id,
          type: 'adjustment',
          at,
          delta: drift,
          reason: "adopted LinkedIn's count",
        });
        return { event: id, snapshot: await this.recompute() };
      }
      case 'preview-plan-change': {
        const seat = await this.requireSeat(command.seat);
        const state = replay(seat, await this.eventsOf(seat.id), now);
        const forfeits = command.plan !== state.terms.plan ? state.available : 0;
        return { forfeits, currentPlan: state.terms.plan };
      }
      case 'change-plan': {
        const seat = await this.requireSeat(command.seat);
        const existing = await this.eventsOf(seat.id);
        if (existing.some((e) => e.type === 'plan-changed' && Date.parse(e.at) === now)) {
          throw new UserError('the plan was changed a moment ago; try again');
        }
        const id = this.platform.randomId();
        const { type: _type, seat: _seat, ...terms } = command;
        await this.append({ id, seat: seat.id, type: 'plan-changed', at, ...terms });
        return { event: id, snapshot: await this.recompute() };
      }
      case 'set-settings':
        await this.db.meta.put({ key: META.settings, value: command.settings });
        return { snapshot: await this.recompute() };
      case 'import-ledger': {
        const file = parseLedgerFile(command.text);
        const counts = await importLedger(this.db, file);
        const active = await this.db.meta.get(META.activeSeat);
        if ((active?.value ?? null) === null && file.seats[0]) {
          await this.db.meta.put({ key: META.activeSeat, value: file.seats[0].id });
        }
        return { imported: counts, snapshot: await this.recompute() };
      }
      case 'export-ledger':
        return { file: await exportLedger(this.db, at) };
      case 'export-csv': {
        const rows: string[][] = [CSV_HEADER];
        for (const seat of await listSeats(this.db)) {
          const state = replay(seat, await this.eventsOf(seat.id), now);
          rows.push(...inmailsCsv(seat, state));
        }
        return { csv: rows.map((r) => r.join(',')).join('\r\n') };
      }
      case 'assign-unassigned': {
        const seat = await this.requireSeat(command.seat);
        const waiting = await this.db.unassigned.get(command.key);
        if (waiting === undefined) throw new UserError('that detection is no longer waiting');
        const event = { ...waiting.event, seat: seat.id } as LedgerEvent;
        if (Date.parse(event.at) < Date.parse(seat.since)) {
          throw new UserError(
            `it happened before “${seat.label}” was set up, so its opening balance already counts it`,
          );
        }
        await this.db.transaction('rw', this.db.events, this.db.unassigned, async () => {
          await this.db.unassigned.delete(command.key);
          if (await this.db.events.get([seat.id, event.id])) return;
          if (event.type === 'inmail-sent' && (await this.sameSendIn(event))?.relation === 'same') return;
          // A reply that came before this send waited for it, however the send arrives.
          const adopted = event.type === 'inmail-sent' ? await this.adoptWaitingResponses(event) : [];
          await this.db.events.bulkAdd([event, ...adopted]);
        });
        this.cache.delete(seat.id);
        return { snapshot: await this.recompute() };
      }
      case 'discard-unassigned':
        await this.db.unassigned.delete(command.key);
        return { snapshot: await this.recompute() };
      case 'delete-all':
        this.emptiedOnPurpose = true;
        await this.db.transaction(
          'rw',
          [this.db.seats, this.db.events, this.db.unassigned, this.db.meta],
          async () => {
            await Promise.all([
              this.db.seats.clear(),
              this.db.events.clear(),
              this.db.unassigned.clear(),
              this.db.meta.clear(),
            ]);
          },
        );
        return { snapshot: await this.recompute() };
    }
  }

  /**
   * Appends a detected event unless it is already recorded (DESIGN.md contract 1, merge
   * rules): the same id, or for a send, any send of the seat in the same thread within 2
   * minutes (a catch-up of a send held under its tracking id, the DOM's and the network's view
   * of one click); the first record is kept whole. A detected send that a manual log already
   * counted replaces it: the log is voided in the same transaction, with an id made from the
   * log's, so a retry cannot void twice. Responses that waited for this send are adopted.
   */
  private async appendDetected(event: LedgerEvent, now: number): Promise<number> {
    const twin = event.type === 'inmail-sent' ? manualTwin(await this.eventsOf(event.seat), event) : null;
    const match = event.type === 'inmail-sent' ? await this.sameSendIn(event) : null;
    if (match?.relation === 'same') return 0;
    const added = await this.db.transaction('rw', this.db.events, this.db.unassigned, async () => {
      if (await this.db.events.get([event.seat, event.id])) return [];
      const batch: LedgerEvent[] = [];
      if (event.type === 'inmail-sent') {
        if (match?.relation === 'thread-learned') {
          // Recorded before LinkedIn named its thread: the record moves to its thread, kept
          // whole otherwise (time, cost, recipient), so the thread's replies find it.
          const { id: _id, threadId: _thread, ...kept } = match.send;
          batch.push(
            {
              id: `merged:${match.send.id}`,
              seat: event.seat,
              type: 'voided',
              at: formatInstant(now),
              target: match.send.id,
              reason: `the same send as ${event.id}, in thread ${event.threadId}`,
            },
            { ...kept, id: event.id, threadId: event.threadId },
          );
        } else batch.push(event);
        batch.push(...(await this.adoptWaitingResponses(event)));
      } else batch.push(event);
      if (twin && !(await this.db.events.get([event.seat, `merged:${twin.id}`])))
        batch.push({
          id: `merged:${twin.id}`,
          seat: event.seat,
          type: 'voided',
          at: formatInstant(now),
          target: twin.id,
          reason: `the same send as detected ${event.id}`,
        });
      await this.db.events.bulkAdd(batch);
      return batch;
    });
    this.cache.get(event.seat)?.push(...added);
    return added.length;
  }

  /**
   * The seat's record of this send under another id, if any: the same thread within 2 minutes,
   * or a send recorded without its thread that this one names (see same-send.ts). Read from
   * the seat's events as cached: this service is the database's only writer.
   */
  private async sameSendIn(send: Extract<LedgerEvent, { type: 'inmail-sent' }>): Promise<{
    send: Extract<LedgerEvent, { type: 'inmail-sent' }>;
    relation: 'same' | 'thread-learned';
  } | null> {
    const events = await this.eventsOf(send.seat);
    const detected = sendRef(send);
    const voided = new Set(events.flatMap((e) => (e.type === 'voided' ? [e.target] : [])));
    let learned: Extract<LedgerEvent, { type: 'inmail-sent' }> | null = null;
    for (const e of events) {
      if (e.type !== 'inmail-sent') continue;
      const relation = sameSend(sendRef(e), detected);
      if (relation === 'same') return { send: e, relation };
      if (relation === 'thread-learned' && !voided.has(e.id)) learned = e;
    }
    return learned ? { send: learned, relation: 'thread-learned' } : null;
  }

  /** Whether a send already waits in `unassigned` (same id, or the same send under another id). */
  private async waitsAlready(event: LedgerEvent): Promise<boolean> {
    if (await this.db.unassigned.get(event.id)) return true;
    if (event.type !== 'inmail-sent') return false;
    const detected = sendRef(event);
    return (
      (await this.db.unassigned
        .filter((u) => u.event.type === 'inmail-sent' && isSameSend(sendRef(u.event), detected))
        .count()) > 0
    );
  }

  /**
   * Responses that arrived before the send of their thread (held out of sight), now part of
   * the send's seat: to be written in the caller's transaction, with the send.
   */
  private async adoptWaitingResponses(
    send: Extract<LedgerEvent, { type: 'inmail-sent' }>,
  ): Promise<LedgerEvent[]> {
    const held = await this.db.unassigned
      .filter((u) => u.orphan === true && 'threadId' in u.event && u.event.threadId === send.threadId)
      .toArray();
    const adopted: LedgerEvent[] = [];
    for (const u of held)
      if (!(await this.db.events.get([send.seat, u.event.id]))) adopted.push({ ...u.event, seat: send.seat });
    await this.db.unassigned.bulkDelete(held.map((u) => u.key));
    return adopted;
  }

  /**
   * The seat a response belongs to: the one that sent into its thread, whatever page it was
   * seen on (a Sales Navigator InMail answered in LinkedIn messaging). Null while the send
   * waits in `unassigned`; undefined when no send of ours is in that thread.
   */
  private async seatOfResponse(
    d: Extract<Detection, { kind: 'response' }>,
    seats: SeatRecord[],
  ): Promise<SeatRecord | null | undefined> {
    const owners: SeatRecord[] = [];
    for (const seat of seats) {
      const sends = await this.db.events
        .where('[seat+threadId]')
        .equals([seat.id, d.threadId])
        .filter((e) => e.type === 'inmail-sent')
        .count();
      if (sends > 0) owners.push(seat);
    }
    if (owners.length > 0) return owners.find((s) => PLANS[s.plan].pool === d.pool) ?? owners[0];
    const waiting = await this.db.unassigned
      .filter((u) => u.event.type === 'inmail-sent' && u.event.threadId === d.threadId)
      .count();
    return waiting > 0 ? null : undefined;
  }

  /**
   * What LinkedIn's pages showed of this pool before it had a seat, now that it has one (in the
   * setup's transaction): InMails found whose refund window is still open become sends before
   * setup (rule 17), unless a response before setup is known in their thread; LinkedIn's earlier
   * counts give way to the opening balance. Another account's detections keep waiting.
   */
  private async adoptFoundBeforeSetup(seat: SeatRecord): Promise<void> {
    const pool = PLANS[seat.plan].pool;
    const waiting = await this.db.unassigned.filter((u) => u.pool === pool || u.orphan === true).toArray();
    const mine = waiting.filter(
      (u) => u.orphan !== true && (!seat.account || !u.account || u.account === seat.account),
    );
    const since = Date.parse(seat.since);
    const earlyResponses = waiting.filter(
      (u) => u.event.type === 'reply-received' && Date.parse(u.event.at) < since,
    );
    const adopted: LedgerEvent[] = [];
    for (const u of mine) {
      if (u.event.type !== 'inmail-sent') continue;
      const send = beforeSetupSend({ ...u.event, seat: seat.id }, seat);
      const sentAt = Date.parse(u.event.at);
      const answered = earlyResponses.some(
        (r) =>
          'threadId' in r.event && r.event.threadId === send?.threadId && Date.parse(r.event.at) >= sentAt,
      );
      if (send && !answered) adopted.push(send);
    }
    if (adopted.length > 0) await this.db.events.bulkAdd(adopted);
    await this.db.unassigned.bulkDelete([
      ...mine.filter((u) => u.event.type !== 'reply-received').map((u) => u.key),
      ...earlyResponses.map((u) => u.key),
    ]);
  }

  /**
   * A response from before the seat began, in the thread of a send before setup sent before it:
   * that InMail was answered before setup (its credit was back before the opening balance was
   * read), so it is not one that may still come back. Voided, once.
   */
  private async voidAnsweredBeforeSetup(
    response: Extract<LedgerEvent, { type: 'reply-received' }>,
    now: number,
  ): Promise<boolean> {
    const at = Date.parse(response.at);
    const sends = (await this.eventsOf(response.seat)).filter(
      (e) =>
        e.type === 'inmail-sent' &&
        e.beforeSetup &&
        e.threadId === response.threadId &&
        Date.parse(e.at) <= at,
    );
    let wrote = false;
    for (const send of sends) {
      const id = `answered-before-setup:${send.id}`;
      if (await this.db.events.get([response.seat, id])) continue;
      await this.append({
        id,
        seat: response.seat,
        type: 'voided',
        at: formatInstant(now),
        target: send.id,
        reason: 'answered before the seat was set up: its credit was already back',
      });
      wrote = true;
    }
    return wrote;
  }

  private async seenBeforeSetup(): Promise<Record<string, SeenPool>> {
    return ((await this.db.meta.get(META.seen))?.value as Record<string, SeenPool> | undefined) ?? {};
  }

  /** A message that failed validation: counted in detection health, never written. */
  private async recordDropped(reason: string): Promise<void> {
    try {
      const old = (await this.db.meta.get(META.dropped))?.value as DroppedMessages | undefined;
      const value: DroppedMessages = {
        count: (old?.count ?? 0) + 1,
        lastReason: reason,
        lastAt: this.platform.now(),
      };
      await this.db.meta.put({ key: META.dropped, value });
      // The figures are unchanged: republish the last snapshot with the new count only.
      if (this.lastSnapshot) {
        this.lastSnapshot = { ...this.lastSnapshot, droppedMessages: value.count };
        await this.platform.publish(this.lastSnapshot);
      }
    } catch (error) {
      console.warn('could not record a dropped message', error);
    }
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

  private async requireSeat(id: string): Promise<SeatRecord> {
    const seat = await this.db.seats.get(id);
    if (seat === undefined) throw new UserError(`no seat '${id}'`);
    return seat;
  }

  private async summaryFor(seat: Seat, now: number, days?: number): Promise<Summary> {
    return summaryOf(replay(seat, await this.eventsOf(seat.id), now), { days });
  }

  async settings(): Promise<Settings> {
    const stored = (await this.db.meta.get(META.settings))?.value;
    const parsed = v.safeParse(settingsSchema, stored);
    return parsed.success ? parsed.output : DEFAULT_SETTINGS;
  }

  /** A notification that cannot be shown stays due: it is tried again at the next refresh. */
  private async tryNotify(id: string, title: string, message: string): Promise<boolean> {
    try {
      await this.platform.notify(id, title, message);
      return true;
    } catch (error) {
      console.warn('notification not shown', error);
      return false;
    }
  }

  /** Summaries → snapshot, badge, digest notifications, next alarm. */
  private async recompute(): Promise<Snapshot> {
    const now = this.platform.now();
    const settings = await this.settings();
    const seats = await listSeats(this.db);
    if (seats.length > 0) this.emptiedOnPurpose = false;
    const ledgerLostAt = seats.length > 0 || this.emptiedOnPurpose ? null : await this.lostSince(now);
    let activeId = ((await this.db.meta.get(META.activeSeat))?.value as string | null | undefined) ?? null;
    if (!seats.some((s) => s.id === activeId)) activeId = seats[0]?.id ?? null;
    const announced = new Set((await this.db.meta.get(META.announced))?.value as string[] | undefined);
    const lastDigest = ((await this.db.meta.get(META.lastDigest))?.value ?? {}) as Record<string, string>;

    const briefs: SeatBrief[] = [];
    let activeSummary: Summary | null = null;
    let inmails: InmailRow[] = [];
    let wake = Number.POSITIVE_INFINITY;
    let announcedChanged = false;
    for (const seat of seats) {
      const state = replay(seat, await this.eventsOf(seat.id), now);
      const summary = summaryOf(state, { days: settings.horizonDays });
      const zone = state.terms.timeZone;
      briefs.push({
        id: seat.id,
        label: seat.label,
        plan: state.terms.plan,
        timeZone: zone,
        available: summary.available,
        since: seat.since,
        ...(seat.account ? { account: seat.account } : {}),
      });
      if (seat.id === activeId) {
        activeSummary = summary;
        inmails = state.sends
          .slice(-RECENT_INMAILS)
          .reverse()
          .map((s) => ({
            id: s.id,
            threadId: s.threadId,
            sentAt: formatInstant(s.at),
            cost: s.cost,
            ...(s.costUnknown ? { costUnknown: true as const } : {}),
            ...(s.beforeSetup ? { beforeSetup: true as const } : {}),
            status: sendStatus(s, now),
            ...(s.recipient ? { recipient: s.recipient } : {}),
            windowClosesAt: formatInstant(s.windowClosesAt),
            ...(s.answer ? { respondedAt: formatInstant(s.answer.at) } : {}),
            ...refundFields(refundDeadline(s, now)),
          }));
      }
      const input = {
        seat: { id: seat.id, label: seat.label, timeZone: zone },
        summary,
        now,
        thresholds: settings.expiryThresholds,
        notifyRefundWindows: settings.notifyRefundWindows,
        announced,
        lastDigestDay: lastDigest[seat.id] ?? null,
        refundDeadlines: state.sends.flatMap((s) => {
          const at = refundDeadline(s, now);
          return at === null ? [] : [{ key: s.id, at }];
        }),
      };
      const digest = digestFor(input);
      if (
        digest !== null &&
        (await this.tryNotify(`digest:${seat.id}:${digest.day}`, digest.title, digest.message))
      ) {
        for (const k of digest.keys) announced.add(k);
        lastDigest[seat.id] = digest.day;
        announcedChanged = true;
        input.lastDigestDay = digest.day;
      }
      wake = Math.min(wake, nextWake(input));
    }
    if (announcedChanged) {
      await this.db.meta.bulkPut([
        { key: META.announced, value: [...announced] },
        { key: META.lastDigest, value: lastDigest },
      ]);
    }

    const active = seats.find((s) => s.id === activeId);
    const snapshot: Snapshot = {
      computedAt: formatInstant(now),
      activeSeat: activeId,
      seats: briefs,
      summary: activeSummary,
      inmails,
      settings,
      storageProblem: this.storageProblem ?? (ledgerLostAt ? LOST : null),
      ledgerLostAt,
      droppedMessages:
        ((await this.db.meta.get(META.dropped))?.value as DroppedMessages | undefined)?.count ?? 0,
      seenBeforeSetup: Object.entries(await this.seenBeforeSetup())
        .filter(([pool]) => !seats.some((s) => PLANS[s.plan].pool === pool))
        .map(([pool, seen]) => ({ pool, ...seen })),
      unassigned: (
        await this.db.unassigned
          .orderBy('key')
          .filter((u) => !u.orphan)
          .limit(20)
          .toArray()
      ).map((u) => ({
        key: u.key,
        pool: u.pool,
        type: u.event.type,
        at: u.event.at,
        ...(u.event.type === 'inmail-sent' && u.event.recipient?.name
          ? { recipient: u.event.recipient.name }
          : {}),
        ...(u.account ? { account: u.account } : {}),
      })),
    };
    this.lastSnapshot = snapshot;
    await this.platform.publish(snapshot);
    const activeBrief = briefs.find((b) => b.id === activeId);
    await this.platform.setBadge(
      badgeFor(
        activeSummary,
        active?.label ?? '',
        activeBrief?.timeZone ?? 'UTC',
        Math.max(0, ...settings.expiryThresholds),
      ),
    );
    await this.platform.setAlarm(Number.isFinite(wake) ? wake : null);
    return snapshot;
  }
}

/**
 * A send before the seat began as rule 17 keeps it: paid (a free one is nothing to us), its
 * refund window still open at `since`; null otherwise.
 */
function beforeSetupSend(
  event: Extract<LedgerEvent, { type: 'inmail-sent' }>,
  seat: SeatRecord,
): Extract<LedgerEvent, { type: 'inmail-sent' }> | null {
  const at = Date.parse(event.at);
  const since = Date.parse(seat.since);
  if (event.cost !== 'paid' || at >= since) return null;
  if (addDays(seat.timeZone ?? 'UTC', at, REFUND_WINDOW_DAYS) < since) return null;
  return { ...event, beforeSetup: true };
}

/** Whether the same batch shows a response in its thread after it and before the seat began. */
function answeredBeforeSetup(
  send: Extract<LedgerEvent, { type: 'inmail-sent' }>,
  since: number,
  detections: readonly Detection[],
): boolean {
  const at = Date.parse(send.at);
  return detections.some((d) => {
    if (d.kind !== 'response' || d.threadId !== send.threadId || d.at === undefined) return false;
    const t = Date.parse(d.at);
    return t >= at && t < since;
  });
}

/** The latest reading of LinkedIn's count and the account, of a pool that has no seat yet. */
function seenPool(old: SeenPool | undefined, d: Detection, at: string): SeenPool {
  const next: SeenPool = { ...old };
  if (d.kind === 'balance' && (!old?.balance || Date.parse(old.balance.at) <= Date.parse(at)))
    next.balance = { value: d.balance, at, where: d.where };
  if (d.kind !== 'balance' && d.account && HOME_ACCOUNT[d.pool ?? ''] === d.account.split(':')[0])
    next.account = d.account;
  return next;
}

/** The account namespace each pool's own pages show ("sales:" on Sales Navigator). */
const HOME_ACCOUNT: Record<string, string> = { 'sales-navigator': 'sales', premium: 'member' };

/**
 * Whether a detection's account fits its seat: the first account seen on the pool's own pages
 * is remembered; accounts of another namespace (a Sales Navigator thread seen in LinkedIn
 * messaging) cannot be compared and pass.
 */
function accountVerdict(seat: SeatRecord, account: string): 'ok' | 'remember' | 'other' {
  const namespace = account.split(':')[0];
  if (seat.account === undefined)
    return HOME_ACCOUNT[PLANS[seat.plan].pool] === namespace ? 'remember' : 'ok';
  if (seat.account.split(':')[0] !== namespace) return 'ok';
  return seat.account === account ? 'ok' : 'other';
}

const READS = new Set(['get-snapshot', 'export-ledger', 'export-csv', 'preview-plan-change']);

/** Sends, then LinkedIn's counts, then responses. */
function rank(d: Detection): number {
  return d.kind === 'send' ? 0 : d.kind === 'balance' ? 1 : 2;
}

/** The one seat of a pool; null when there is none or several (the rep chooses). */
function seatOfPool(pool: string | undefined, seats: SeatRecord[]): SeatRecord | null {
  const candidates = seats.filter((seat) => PLANS[seat.plan].pool === pool);
  return candidates.length === 1 ? (candidates[0] as SeatRecord) : null;
}

/** The ledger event of a detection, for `seat` ('' while it waits for one). */
function detectedEvent(d: Detection, seat: string, now: number): LedgerEvent {
  // When it happened, as the page stamped it (or LinkedIn's own time); never when we got it.
  const at = d.at ?? formatInstant(now);
  if (d.kind === 'balance') {
    return { id: d.id, seat, type: 'observed-balance', at, balance: d.balance, where: d.where };
  }
  if (d.kind === 'response') {
    return { id: d.id, seat, type: 'reply-received', at, threadId: d.threadId, kind: d.responseKind };
  }
  return {
    id: d.id,
    seat,
    type: 'inmail-sent',
    at,
    threadId: d.threadId,
    cost: d.cost,
    surface: d.surface,
    ...(d.recipient ? { recipient: d.recipient } : {}),
    ...(d.costUnknown ? { costUnknown: true } : {}),
  };
}

function sendRef(e: LedgerEvent): SendRef {
  return {
    id: e.id,
    threadId: 'threadId' in e ? e.threadId : '',
    at: Date.parse(e.at),
    ...(e.type === 'inmail-sent' && e.recipient?.name ? { recipientName: e.recipient.name } : {}),
  };
}

/** Whether a response can still bring the credit back, and until when (the deadline that binds). */
function refundFields(deadline: number | null): { refundable: boolean; refundDeadline?: string } {
  return deadline === null
    ? { refundable: false }
    : { refundable: true, refundDeadline: formatInstant(deadline) };
}

/** A time the rep gave must not be before the seat began (the ledger file refuses such events). */
function requireSince(seat: SeatRecord, at: string | undefined, why: string): void {
  if (at !== undefined && Date.parse(at) < Date.parse(seat.since))
    throw new UserError(`at: ${at} is before “${seat.label}” was set up (${seat.since}): ${why}`);
}

/** An error the rep can act on, passed through as it is. */
export class UserError extends Error {}

function errorText(error: unknown): string {
  if (error instanceof UserError || error instanceof LedgerFileError || error instanceof LedgerConflict) {
    return error.message;
  }
  const name = (error as { name?: string })?.name;
  if (name === 'QuotaExceededError')
    return 'the browser is out of storage space for the ledger; nothing was written';
  return `could not save: ${(error as Error)?.message ?? String(error)}`;
}
