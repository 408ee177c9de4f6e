// The popup: a two-second glance before sending. It draws the snapshot the background
// published; every change goes back to the background as a command.

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PLANS } from '../../ledger/plans';
import type { InmailRow, Snapshot } from '../../messages/snapshot';
import { type AnyCommand, command } from '../command';
import { daysFromNow, inDays, plural, shortDate } from '../format';
import { useSnapshot } from '../use-snapshot';
import { DetectionHealth } from './DetectionHealth';
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
    return reply.ok;
  };
  return <Ledger snapshot={snapshot} error={error} run={run} />;
}

interface LedgerProps {
  snapshot: Snapshot;
  error: string | null;
  run: (message: AnyCommand) => Promise<boolean>;
}

function Ledger({ snapshot, error, run }: LedgerProps) {
  // The figures paint first; the chart, the log form and the list follow in the next render.
  const [full, setFull] = useState(false);
  useEffect(() => {
    // For the benchmark: the moment the first figures are on screen.
    if (performance.getEntriesByName(FIGURES_MARK).length === 0) performance.mark(FIGURES_MARK);
    setFull(true);
  }, []);
  const summary = snapshot.summary;
  const seat = snapshot.seats.find((s) => s.id === snapshot.activeSeat);
  if (!summary || !seat) return null;
  const now = Date.parse(summary.at);
  const zone = seat.timeZone;
  const soonest = summary.expiring.byDate[0];
  const drift = summary.observed?.drift ?? 0;
  const onUndo = (row: InmailRow) =>
    void run({ type: 'void-event', seat: seat.id, target: row.id, reason: 'undone in the popup' });
  const onReplied = (row: InmailRow) =>
    void run({ type: 'mark-replied', seat: seat.id, threadId: row.threadId });
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
                {s.label} ({s.available})
              </option>
            ))}
          </select>
        ) : (
          <span class="seat-label">{seat.label}</span>
        )}
        {seat.label !== PLANS[seat.plan].label && <span class="plan">{PLANS[seat.plan].label}</span>}
        <button type="button" class="icon" onClick={openOptions} aria-label="Settings" title="Settings">
          ⚙
        </button>
      </header>

      <section class="hero" aria-label="Available credits">
        <span class="big" data-testid="available">
          {summary.available}
        </span>
        <span class="unit">InMail credit{summary.available === 1 ? '' : 's'} available</span>
      </section>

      <ul class="facts">
        <li>
          {soonest ? (
            <>
              <strong data-testid="expiring-credits">{summary.expiring.credits}</strong>{' '}
              {summary.expiring.credits === 1 ? 'credit expires' : 'credits expire'}
              {summary.expiring.byDate.length > 1 ? ' from ' : ' on '}
              <time data-testid="expiring-date" dateTime={soonest.at}>
                {shortDate(Date.parse(soonest.at), zone)}
              </time>{' '}
              ({inDays(daysFromNow(now, Date.parse(soonest.at), zone))})
            </>
          ) : (
            <>
              <strong data-testid="expiring-credits">0</strong> credits expire in the next{' '}
              {plural(summary.expiring.withinDays, 'day')}
            </>
          )}
        </li>
        <li>
          {summary.nextGrant ? (
            <span data-testid="next-grant">
              {summary.nextGrant.credits} new credits on {shortDate(Date.parse(summary.nextGrant.at), zone)}
              {summary.nextGrant.credits === 0 ? ' (you are at the cap)' : ''}
            </span>
          ) : (
            <span data-testid="next-grant">0 new credits: this plan grants none</span>
          )}
        </li>
        <li>
          <strong data-testid="pending-refunds">{summary.pendingRefunds.count}</strong>{' '}
          {summary.pendingRefunds.count === 1 ? 'InMail' : 'InMails'} may still come back
          {summary.pendingRefunds.closingSoon > 0
            ? ` · ${plural(summary.pendingRefunds.closingSoon, 'window')} close within ${summary.expiring.withinDays} days`
            : ''}
        </li>
        {summary.stats.responseRate !== null && (
          <li class="muted">
            Response rate {Math.round(summary.stats.responseRate * 100)}% ({summary.stats.replied} of{' '}
            {summary.stats.paidSent} paid InMails)
          </li>
        )}
      </ul>

      {drift !== 0 && summary.observed && (
        <section class="drift" role="status">
          <p>
            LinkedIn shows {summary.observed.balance}:{' '}
            <span data-testid="drift">{drift > 0 ? `+${drift}` : drift}</span> against our count.
          </p>
          <button type="button" onClick={() => void run({ type: 'adopt-observed', seat: seat.id })}>
            Use LinkedIn's number
          </button>
        </section>
      )}
      {summary.overdraft > 0 && (
        <p class="warning" role="status">
          {plural(summary.overdraft, 'send')} recorded with no credit left: LinkedIn's count differs from
          ours.
        </p>
      )}

      <DetectionHealth
        timeZone={zone}
        refused={snapshot.droppedMessages}
        costUnknown={snapshot.inmails.filter((r) => r.costUnknown && r.cost === 'paid').length}
      />
      <Unassigned snapshot={snapshot} timeZone={zone} run={run} />

      {full && (
        <>
          <ForecastChart forecast={summary.forecast} />

          <section aria-label="Log an InMail">
            <LogSendForm onLog={(entry) => run({ type: 'log-send', seat: seat.id, ...entry })} />
          </section>

          <section class="recent">
            <h2>Recent InMails</h2>
            <BeforeSetupHint seat={seat} rows={snapshot.inmails} now={now} timeZone={zone} />
            <InmailList
              rows={snapshot.inmails}
              now={now}
              timeZone={zone}
              onUndo={onUndo}
              onReplied={onReplied}
              onFree={onFree}
            />
          </section>
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

const WINDOW_MS = 90 * 86_400_000;

/**
 * In a seat's first 90 days, InMails sent before setup may still come back: we find them only
 * on the pages the rep opens (we never call LinkedIn), so say where to look and how far back.
 */
function BeforeSetupHint({
  seat,
  rows,
  now,
  timeZone,
}: {
  seat: { since?: string; plan: string };
  rows: { beforeSetup?: true }[];
  now: number;
  timeZone: string;
}) {
  const since = seat.since ? Date.parse(seat.since) : Number.NaN;
  if (!(now - since < WINDOW_MS)) return null;
  const found = rows.filter((r) => r.beforeSetup).length;
  const where = seat.plan.startsWith('sales-navigator') ? 'your Sales Navigator inbox' : 'LinkedIn Messaging';
  return (
    <p class="muted hint" data-testid="before-setup-hint">
      {found > 0 ? `${plural(found, 'InMail')} sent before setup found so far. ` : ''}
      InMails you sent before setup can still come back: open {where} and scroll back to{' '}
      {shortDate(since - WINDOW_MS, timeZone)} to find them.
    </p>
  );
}
