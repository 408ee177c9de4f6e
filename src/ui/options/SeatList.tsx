// Seats: rename, make active, change plan (with the forfeit shown first), remove.

import { useEffect, useState } from 'preact/hooks';
import { PLAN_IDS, PLANS, type PlanId } from '../../ledger/plans';
import type { SeatBrief, Snapshot } from '../../messages/snapshot';
import { type AnyCommand, command } from '../command';

type Notify = (message: string, isError?: boolean) => void;

export function SeatList({ snapshot, notify }: { snapshot: Snapshot; notify: Notify }) {
  return (
    <section class="card" aria-labelledby="seats-title">
      <h2 id="seats-title">Seats</h2>
      <ul class="seats">
        {snapshot.seats.map((seat) => (
          <SeatItem key={seat.id} seat={seat} active={seat.id === snapshot.activeSeat} notify={notify} />
        ))}
      </ul>
    </section>
  );
}

function SeatItem({ seat, active, notify }: { seat: SeatBrief; active: boolean; notify: Notify }) {
  const [label, setLabel] = useState(seat.label);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [planOpen, setPlanOpen] = useState(false);
  const run = async (message: AnyCommand, done: string) => {
    const reply = await command(message);
    notify(reply.ok ? done : reply.error, !reply.ok);
    return reply.ok;
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
          {PLANS[seat.plan].label} · {seat.available} credits · {seat.timeZone}
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
      {planOpen && <PlanChange seat={seat} run={run} onClose={() => setPlanOpen(false)} />}
    </li>
  );
}

function PlanChange({
  seat,
  run,
  onClose,
}: {
  seat: SeatBrief;
  run: (message: AnyCommand, done: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const [plan, setPlan] = useState<PlanId>(seat.plan === 'none' ? 'sales-navigator-core' : 'none');
  const [forfeits, setForfeits] = useState<number | null>(null);
  const preview = async (next: PlanId) => {
    setPlan(next);
    const reply = await command({ type: 'preview-plan-change', seat: seat.id, plan: next });
    setForfeits(reply.ok ? reply.forfeits : null);
  };
  useEffect(() => {
    void preview(plan);
  }, []);
  return (
    <fieldset class="plan-change" aria-label={`Change the plan of ${seat.label}`}>
      <label>
        <span>New plan</span>
        <select value={plan} onChange={(e) => void preview((e.target as HTMLSelectElement).value as PlanId)}>
          {PLAN_IDS.filter((p) => p !== seat.plan).map((p) => (
            <option key={p} value={p}>
              {p === 'none' ? 'Cancel the subscription' : PLANS[p].label}
            </option>
          ))}
        </select>
      </label>
      <p class={forfeits ? 'warning' : 'muted'} role="status">
        {forfeits === null
          ? 'Checking…'
          : forfeits > 0
            ? `LinkedIn drops unused credits on a plan change: ${forfeits} credits will be lost.`
            : 'No credits will be lost.'}
      </p>
      <button
        type="button"
        class="primary"
        onClick={async () => {
          if (await run({ type: 'change-plan', seat: seat.id, plan }, 'Plan changed.')) onClose();
        }}
      >
        {plan === 'none' ? 'Record the cancellation' : 'Change plan'}
      </button>
    </fieldset>
  );
}
