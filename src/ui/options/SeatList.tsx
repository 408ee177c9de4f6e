// Seats: rename, make active, change plan (dated, with what it loses confirmed first, and an
// undo), remove.

import { useEffect, useState } from 'preact/hooks';
import { PLANS } from '../../ledger/plans';
import type { SeatBrief, Snapshot } from '../../messages/snapshot';
import { type AnyCommand, command } from '../command';
import { count } from '../words';
import { type Applied, PlanChange } from './PlanChange';
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
