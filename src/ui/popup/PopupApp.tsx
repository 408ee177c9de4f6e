// The popup: a two-second glance before sending. It draws the snapshot the background
// published; every change goes back to the background as a command.

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PLANS } from '../../ledger/plans';
import type { Summary } from '../../ledger/summarize';
import type { InmailRow, Snapshot } from '../../messages/snapshot';
import { type AnyCommand, command } from '../command';
import { useSnapshot } from '../use-snapshot';
import { agree, count, deadlineWords, localWhen, urgencyOf } from '../words';
import { DetectionHealth } from './DetectionHealth';
import { DriftNote } from './DriftNote';
import { ExpiryFacts } from './ExpiryFacts';
import { ForecastChart } from './ForecastChart';
import { InmailList } from './InmailList';
import { LogSendForm } from './LogSendForm';
import { Unassigned } from './Unassigned';

export const FIGURES_MARK = 'inmail-ledger:figures';
/** For the benchmark: the moment the popup's own code starts (its modules loaded). */
export const START_MARK = 'inmail-ledger:start';

function openOptions() {
  void browser.runtime.openOptionsPage();
}

export function PopupApp({ preloaded }: { preloaded?: Snapshot | null }) {
  const { snapshot, loaded } = useSnapshot(preloaded);
  const [error, setError] = useState<string | null>(null);
  if (!loaded) return <main class="popup" aria-busy="true" />;
  if (snapshot === null || snapshot.summary === null || snapshot.activeSeat === null) {
    return (
      <main class="popup empty" data-testid="popup-root">
        <h1>InMail Ledger</h1>
        {snapshot?.storageProblem && (
          <p class="error" role="alert" data-testid="storage-problem">
            {snapshot.storageProblem}
          </p>
        )}
        <p>
          No seat set up yet. Tell us your plan and what LinkedIn shows now, and we keep count from there.
        </p>
        <button type="button" class="primary" onClick={openOptions}>
          Set up your seat
        </button>
      </main>
    );
  }
  const run = async (message: AnyCommand) => {
    const reply = await command(message);
    setError(reply.ok ? null : reply.error);
    return reply;
  };
  return <Ledger snapshot={snapshot} error={error} run={run} />;
}

interface LedgerProps {
  snapshot: Snapshot;
  error: string | null;
  run: (message: AnyCommand) => Promise<{ ok: boolean; event?: string }>;
}

function Ledger({ snapshot, error, run }: LedgerProps) {
  // The figures paint first; the list, the log form and the chart follow in the next render.
  const [full, setFull] = useState(false);
  // Open for a rep with nothing recorded yet (logging is then the first thing to do), closed after.
  const [logOpen, setLogOpen] = useState(snapshot.inmails.length === 0);
  useEffect(() => {
    // For the benchmark: the moment the first figures are on screen.
    if (performance.getEntriesByName(FIGURES_MARK).length === 0) performance.mark(FIGURES_MARK);
    setFull(true);
  }, []);
  const summary = snapshot.summary;
  const seat = snapshot.seats.find((s) => s.id === snapshot.activeSeat);
  if (!summary || !seat) return null;
  const now = Date.parse(summary.at);
  const onReplied = (row: InmailRow, replied: boolean) =>
    void run(
      replied
        ? { type: 'mark-replied', seat: seat.id, threadId: row.threadId }
        : { type: 'unmark-replied', seat: seat.id, send: row.id },
    );
  const onRemove = async (row: InmailRow) => {
    const reply = await run({
      type: 'void-event',
      seat: seat.id,
      target: row.id,
      reason: 'removed in the popup',
    });
    return reply.ok && reply.event ? reply.event : null;
  };
  const onRestore = (removal: string) => void run({ type: 'restore-event', seat: seat.id, void: removal });
  const onFree = (row: InmailRow) =>
    void run({ type: 'correct-cost', seat: seat.id, target: row.id, cost: 'free-connection' });

  return (
    <main class="popup" data-testid="popup-root">
      <h1 class="visually-hidden">InMail Ledger</h1>
      {snapshot.storageProblem && (
        <p class="error" role="alert" data-testid="storage-problem">
          {snapshot.storageProblem}
        </p>
      )}
      <header class="seat">
        {snapshot.seats.length > 1 ? (
          <select
            aria-label="Seat"
            value={seat.id}
            onChange={(e) =>
              void run({ type: 'set-active-seat', seat: (e.target as HTMLSelectElement).value })
            }
          >
            {snapshot.seats.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label} ({count(s.available, 'credit')})
              </option>
            ))}
          </select>
        ) : (
          <span class="seat-label" title={seat.label}>
            {seat.label}
          </span>
        )}
        {seat.label !== PLANS[seat.plan].label && <span class="plan">{PLANS[seat.plan].label}</span>}
        <button type="button" class="icon" onClick={openOptions} aria-label="Settings" title="Settings">
          ⚙
        </button>
      </header>

      <section class={`hero${summary.available === 0 ? ' empty-seat' : ''}`} aria-label="Available credits">
        <span class="big" data-testid="available">
          {summary.available}
        </span>
        <span class="unit">InMail {agree(summary.available, 'credit', 'credits')} available</span>
      </section>
      {summary.available === 0 && <NoCredits summary={summary} now={now} />}

      <DriftNote
        summary={summary}
        rows={snapshot.inmails}
        now={now}
        onAdopt={() => void run({ type: 'adopt-observed', seat: seat.id })}
      />

      <ul class="facts">
        <ExpiryFacts summary={summary} seat={seat} now={now} />
        <li>
          <strong data-testid="pending-refunds">{summary.pendingRefunds.count}</strong>{' '}
          {agree(summary.pendingRefunds.count, 'InMail', 'InMails')} may still come back
          {snapshot.soonestRefundDeadline && (
            <span
              class={`deadline urgency-${urgencyOf(Date.parse(snapshot.soonestRefundDeadline), now)}`}
              data-testid="soonest-refund"
            >
              {' '}
              · the first only if they reply by{' '}
              {deadlineWords(Date.parse(snapshot.soonestRefundDeadline), now)}
            </span>
          )}
        </li>
        <Outcomes counts={snapshot.statusCounts} />
      </ul>

      {summary.overdraft > 0 && (
        <p class="warning" role="status">
          {count(summary.overdraft, 'send')} recorded with no credit left: LinkedIn's count differs from ours.
        </p>
      )}

      <DetectionHealth
        refused={snapshot.droppedMessages}
        costUnknown={snapshot.inmails.filter((r) => r.costUnknown && r.cost === 'paid').length}
      />
      <Unassigned snapshot={snapshot} now={now} onSetUp={openOptions} run={run} />

      {full && (
        <>
          <section class="recent" aria-labelledby="recent-title">
            <h2 id="recent-title">Your InMails</h2>
            <BeforeSetupHint seat={seat} rows={snapshot.inmails} now={now} />
            <InmailList
              rows={snapshot.inmails}
              now={now}
              onReplied={onReplied}
              onRemove={onRemove}
              onRestore={onRestore}
              onFree={onFree}
            />
          </section>

          <details
            class="log"
            data-testid="log-by-hand"
            open={logOpen}
            onToggle={(e) => setLogOpen((e.currentTarget as HTMLDetailsElement).open)}
          >
            <summary>+ Log by hand</summary>
            <LogSendForm
              onLog={async (entry) => (await run({ type: 'log-send', seat: seat.id, ...entry })).ok}
            />
          </details>

          <ForecastChart forecast={summary.forecast} />
        </>
      )}

      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}

/** What a rep with no credit left can still do, and when credits come. */
function NoCredits({ summary, now }: { summary: Summary; now: number }) {
  const grant = summary.nextGrant;
  return (
    <p class="hint urgency-urgent" data-testid="no-credits">
      No credits left: an InMail now would not go out. Messages to your 1st-degree connections and to Open
      Profiles stay free.
      {grant && grant.credits > 0
        ? ` Next: ${count(grant.credits, 'credit')} on ${localWhen(Date.parse(grant.at), now)}.`
        : ''}
      {summary.pendingRefunds.count > 0
        ? ` ${count(summary.pendingRefunds.count, 'credit')} ${agree(summary.pendingRefunds.count, 'comes', 'come')} back if they reply in time.`
        : ''}
    </p>
  );
}

/** "6 replied · 40 waiting · 4 no reply (60% replied)": a rate only over the InMails decided. */
function Outcomes({ counts }: { counts: Snapshot['statusCounts'] }) {
  const replied = counts.refunded + counts['replied-no-credit'] + counts['late-reply'];
  const waiting = counts.awaiting;
  const none = counts['window-closed'];
  if (replied + waiting + none === 0) return null;
  const decided = replied + none;
  return (
    <li class="muted" data-testid="outcomes">
      {replied} replied · {waiting} waiting
      {none > 0 ? ` · ${none} no reply` : ''}
      {decided > 0 && none > 0
        ? ` (${Math.round((replied / decided) * 100)}% of ${decided} decided replied)`
        : ''}
    </li>
  );
}

const WINDOW_MS = 90 * 86_400_000;

/**
 * In a seat's first 90 days, InMails sent before setup may still come back: we find them only
 * on the pages the rep opens (we never call LinkedIn), so say where to look and how far back.
 */
function BeforeSetupHint({
  seat,
  rows,
  now,
}: {
  seat: { since?: string; plan: string };
  rows: { beforeSetup?: true }[];
  now: number;
}) {
  const since = seat.since ? Date.parse(seat.since) : Number.NaN;
  if (!(now - since < WINDOW_MS)) return null;
  const found = rows.filter((r) => r.beforeSetup).length;
  const where = seat.plan.startsWith('sales-navigator') ? 'your Sales Navigator inbox' : 'LinkedIn Messaging';
  return (
    <p class="muted hint" data-testid="before-setup-hint">
      {found > 0 ? `${count(found, 'InMail')} sent before setup found so far. ` : ''}
      InMails you sent before setup can still come back: open {where} and scroll back to{' '}
      {localWhen(since - WINDOW_MS, now)} to find them.
    </p>
  );
}
