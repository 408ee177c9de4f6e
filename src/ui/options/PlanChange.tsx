// A plan change, dated by the rep, with what it loses confirmed first (issue 13, point 9): the
// form under a seat of the seat list. The seat list offers the undo once it is applied.

import { useEffect, useId, useState } from 'preact/hooks';
import { PLAN_IDS, PLANS, type PlanId } from '../../ledger/plans';
import { localDateString, startOfLocalDay } from '../../ledger/zoned-time';
import type { SeatBrief } from '../../messages/snapshot';
import { command } from '../command';
import { count } from '../words';

/** A plan change recorded: its event (to undo), the new plan, and when, in words. */
export interface Applied {
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

export function PlanChange({
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
