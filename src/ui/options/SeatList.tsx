// Seats: rename, make active, change plan (dated, with what it loses confirmed first, and an
// undo), remove.

import { useEffect, useId, useState } from 'preact/hooks';
import { PLAN_IDS, PLANS, type PlanId } from '../../ledger/plans';
import { localDateString, startOfLocalDay } from '../../ledger/zoned-time';
import type { SeatBrief, Snapshot } from '../../messages/snapshot';
import { type AnyCommand, command } from '../command';
import { count } from '../words';
import { type Message, type Notify, type Place, StatusLine } from './status';

export function SeatList({
  snapshot,
  notify,
  status,
}: {
  snapshot: Snapshot;
  notify: Notify;
  status: Message | null;
}) {
  // The background's clock: the day a plan change defaults to is the seat's today.
  const now = Date.parse(snapshot.computedAt);
  return (
    <section class="card" aria-labelledby="seats-title">
      <h2 id="seats-title">Seats</h2>
      <ul class="seats">
        {snapshot.seats.map((seat) => (
          <SeatItem
            key={seat.id}
            seat={seat}
            active={seat.id === snapshot.activeSeat}
            now={now}
            notify={notify}
            status={status}
          />
        ))}
      </ul>
      <StatusLine place="seats" status={status} />
    </section>
  );
}

function SeatItem({
  seat,
  active,
  now,
  notify,
  status,
}: {
  seat: SeatBrief;
  active: boolean;
  now: number;
  notify: Notify;
  status: Message | null;
}) {
  const place: Place = `seat:${seat.id}`;
  const [label, setLabel] = useState(seat.label);
  // A plan change renames a seat still named after its plan.
  useEffect(() => setLabel(seat.label), [seat.label]);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [planOpen, setPlanOpen] = useState(false);
  const run = async (message: AnyCommand, done: string, where: Place = place) => {
    const reply = await command(message);
    notify(reply.ok ? { place: where, text: done } : { place: where, text: reply.error, error: true });
    return reply.ok;
  };
  const applied = (change: Applied) => {
    setPlanOpen(false);
    const undo = async () => {
      const reply = await command({
        type: 'void-event',
        seat: seat.id,
        target: change.event,
        reason: 'the rep undid the plan change',
      });
      if (!reply.ok)
        return notify({ place, text: 'The plan change was not undone.', detail: reply.error, error: true });
      const now = reply.snapshot.seats.find((s) => s.id === seat.id);
      // The name the change gave goes back, unless the rep renamed the seat since.
      if (change.renamed && now?.label === change.renamed.to)
        await command({ type: 'rename-seat', seat: seat.id, label: change.renamed.from });
      notify({ place, text: 'Plan change undone.' });
    };
    notify({
      place,
      text: `Plan changed: ${change.plan === 'none' ? 'cancelled' : PLANS[change.plan].label} ${change.when}`,
      action: { label: 'Undo', run: () => void undo() },
    });
  };
  return (
    <li class="seat-item" data-testid="seat-item">
      <div class="seat-head">
        <input
          aria-label={`Name of seat ${seat.label}`}
          value={label}
          maxLength={120}
          onInput={(e) => setLabel((e.target as HTMLInputElement).value)}
          onBlur={() => {
            if (label.trim() && label !== seat.label)
              void run({ type: 'rename-seat', seat: seat.id, label }, 'Seat renamed.');
          }}
        />
        <span class="muted">
          {PLANS[seat.plan].label} · {count(seat.available, 'credit')} · counted in {seat.timeZone}
        </span>
      </div>
      <div class="seat-actions">
        {active ? (
          <span class="badge">Active</span>
        ) : (
          <button
            type="button"
            onClick={() =>
              void run({ type: 'set-active-seat', seat: seat.id }, `“${seat.label}” is now active.`)
            }
          >
            Make active
          </button>
        )}
        <button type="button" onClick={() => setPlanOpen(!planOpen)} aria-expanded={planOpen}>
          Change plan…
        </button>
        {confirmRemove ? (
          <>
            <button
              type="button"
              class="danger"
              onClick={() =>
                void run(
                  { type: 'remove-seat', seat: seat.id },
                  `“${seat.label}” and its history were removed.`,
                  'seats',
                )
              }
            >
              Remove “{seat.label}” and its history
            </button>
            <button type="button" onClick={() => setConfirmRemove(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmRemove(true)}>
            Remove…
          </button>
        )}
      </div>
      {planOpen && (
        <PlanChange seat={seat} now={now} onApplied={applied} onClose={() => setPlanOpen(false)} />
      )}
      <StatusLine place={place} status={status} />
    </li>
  );
}

/** A plan change recorded: its event (to undo), the new plan, and when, in words. */
interface Applied {
  event: string;
  plan: PlanId;
  when: string;
  renamed: { from: string; to: string } | null;
}

const DAY = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const DAY_YEAR = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Nov 29" for a local date "2026-11-29" ("Nov 29, 2025" in another year than `today`'s). */
function dayWords(date: string, today: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const at = Date.UTC(y, m - 1, d);
  return (date.slice(0, 4) === today.slice(0, 4) ? DAY : DAY_YEAR).format(at);
}

/** What is wrong with the effective date, in words; null when it can be used. */
function dateProblem(date: string, first: string | undefined, today: string, label: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'Enter the day the change took effect.';
  if (first !== undefined && date < first)
    return `“${label}” was set up on ${dayWords(first, today)}: pick that day or a later one.`;
  if (date > today) return `${dayWords(date, today)} is in the future: pick today or an earlier day.`;
  return null;
}

/**
 * The instant a change dated `date` takes effect, in the seat's zone: now for today (undefined:
 * the background's clock), else the start of that day, or just after setup on the seat's first day.
 */
function effectiveInstant(seat: SeatBrief, date: string, today: string): string | undefined {
  if (date === today) return undefined;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  let at = startOfLocalDay(seat.timeZone, y, m, d);
  const since = seat.since ? Date.parse(seat.since) : Number.NEGATIVE_INFINITY;
  if (at <= since) at = since + 1;
  return new Date(at).toISOString();
}

type Preview = { key: string; forfeits: number } | { key: string; error: string };

function PlanChange({
  seat,
  now,
  onApplied,
  onClose,
}: {
  seat: SeatBrief;
  now: number;
  onApplied: (change: Applied) => void;
  onClose: () => void;
}) {
  const id = useId();
  const today = localDateString(seat.timeZone, now);
  const first = seat.since ? localDateString(seat.timeZone, Date.parse(seat.since)) : undefined;
  // Nothing changes until the rep picks another plan.
  const [plan, setPlan] = useState<PlanId>(seat.plan);
  const [date, setDate] = useState(today);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = dateProblem(date, first, today, seat.label);
  const changing = plan !== seat.plan;
  const at = problem ? undefined : effectiveInstant(seat, date, today);
  const key = `${plan}|${date}`;
  useEffect(() => {
    if (!changing || problem) return;
    let live = true;
    void command({ type: 'preview-plan-change', seat: seat.id, plan, ...(at ? { at } : {}) }).then(
      (reply) => {
        if (live) setPreview(reply.ok ? { key, forfeits: reply.forfeits } : { key, error: reply.error });
      },
    );
    return () => {
      live = false;
    };
  }, [key]);
  const current = preview?.key === key ? preview : null;
  const when = date === today ? 'today' : `on ${dayWords(date, today)}`;
  const change = plan === 'none' ? `Cancelling ${when}` : `Switching to ${PLANS[plan].label} ${when}`;
  const apply = async () => {
    setBusy(true);
    const reply = await command({ type: 'change-plan', seat: seat.id, plan, ...(at ? { at } : {}) });
    setBusy(false);
    if (!reply.ok) return setPreview({ key, error: reply.error });
    onApplied({
      event: reply.event,
      plan,
      when: date === today ? 'from today' : `from ${dayWords(date, today)}`,
      renamed: reply.renamed,
    });
  };
  return (
    <fieldset class="plan-change" data-testid="plan-change">
      <legend>Change the plan of “{seat.label}”</legend>
      <div class="field">
        <label for={`${id}-plan`}>Plan</label>
        <select
          id={`${id}-plan`}
          value={plan}
          onChange={(e) => setPlan((e.target as HTMLSelectElement).value as PlanId)}
        >
          {PLAN_IDS.map((p) => (
            <option key={p} value={p}>
              {p === 'none' ? 'Cancel the subscription' : PLANS[p].label}
              {p === seat.plan ? ' (current plan)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-date`}>Effective date</label>
        <input
          id={`${id}-date`}
          type="date"
          value={date}
          min={first}
          max={today}
          required
          aria-describedby={`${id}-date-hint`}
          aria-invalid={problem ? true : undefined}
          onInput={(e) => setDate((e.target as HTMLInputElement).value)}
        />
        <small class="muted" id={`${id}-date-hint`}>
          The day LinkedIn made the change, in the seat’s counting zone ({seat.timeZone}).
        </small>
      </div>
      {problem ? (
        <p class="error" role="alert" data-testid="plan-date-error">
          {problem}
        </p>
      ) : !changing ? (
        <p class="muted">Nothing changes until you pick another plan.</p>
      ) : (
        <div class="confirm" data-testid="plan-confirm">
          <p
            role="status"
            class={
              current === null
                ? undefined
                : 'error' in current
                  ? 'error'
                  : current.forfeits > 0
                    ? 'loss'
                    : undefined
            }
          >
            {current === null
              ? 'Checking what the change loses…'
              : 'error' in current
                ? current.error
                : `${change} loses ${current.forfeits > 0 ? count(current.forfeits, 'credit') : 'no credits'}.`}
          </p>
          {current && 'forfeits' in current && current.forfeits > 0 && (
            <p class="muted">LinkedIn drops unused credits when a plan changes or is cancelled.</p>
          )}
          <div class="buttons">
            <button
              type="button"
              class="primary"
              disabled={busy || current === null || 'error' in current}
              onClick={() => void apply()}
            >
              Change plan
            </button>
            <button type="button" onClick={onClose}>
              Keep current plan
            </button>
          </div>
        </div>
      )}
    </fieldset>
  );
}
