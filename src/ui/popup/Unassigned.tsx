// Detections that no seat took: nothing is dropped. Each says why it waits, in true words, and
// offers only the seats of its own pool (pools never mix), or to set one up.

import { useState } from 'preact/hooks';
import { PLANS, type Pool } from '../../ledger/plans';
import type { SeatBrief, Snapshot, UnassignedRow } from '../../messages/snapshot';
import { count, localWhen } from '../words';

const POOL_NAMES: Record<Pool, string> = {
  'sales-navigator': 'Sales Navigator',
  premium: 'Premium',
  recruiter: 'Recruiter',
};
const WHAT: Record<string, string> = {
  'inmail-sent': 'InMail',
  'reply-received': 'reply',
  'observed-balance': 'credit count',
};

/** The seats a detection may go to, and why it was not recorded by itself. */
export function placeFor(u: UnassignedRow, seats: readonly SeatBrief[]): { seats: SeatBrief[]; why: string } {
  if (u.pool === 'unknown')
    return { seats: [...seats], why: 'a reply to an InMail we never saw sent: which seat sent it?' };
  const pool = POOL_NAMES[u.pool];
  const same = seats.filter((s) => PLANS[s.plan].pool === u.pool);
  if (same.length === 0) return { seats: [], why: `no ${pool} seat is set up` };
  const known = same.filter((s) => s.account !== undefined);
  if (u.account && known.length > 0 && !known.some((s) => s.account === u.account))
    return { seats: same, why: `seen while signed in to another LinkedIn account than your ${pool} seat's` };
  if (same.length > 1)
    return { seats: same, why: `you have ${count(same.length, `${pool} seat`)}: which one?` };
  return { seats: same, why: 'seen before this seat could take it' };
}

interface Props {
  snapshot: Snapshot;
  now: number;
  onSetUp: () => void;
  run: (
    message:
      | { type: 'assign-unassigned'; key: string; seat: string }
      | { type: 'discard-unassigned'; key: string },
  ) => Promise<unknown>;
}

export function Unassigned({ snapshot, now, onSetUp, run }: Props) {
  if (snapshot.unassigned.length === 0) return null;
  return (
    <section class="unassigned" aria-labelledby="unassigned-title" data-testid="unassigned">
      <h2 id="unassigned-title">Which seat?</h2>
      <ul>
        {snapshot.unassigned.map((u) => (
          <Row key={u.key} u={u} seats={snapshot.seats} now={now} onSetUp={onSetUp} run={run} />
        ))}
      </ul>
    </section>
  );
}

function Row({
  u,
  seats,
  now,
  onSetUp,
  run,
}: Omit<Props, 'snapshot'> & { u: UnassignedRow; seats: SeatBrief[] }) {
  const place = placeFor(u, seats);
  const [seat, setSeat] = useState(place.seats[0]?.id ?? '');
  const pool = u.pool === 'unknown' ? '' : `${POOL_NAMES[u.pool]} `;
  const what = `${pool}${WHAT[u.type] ?? u.type}${u.recipient ? ` to ${u.recipient}` : ''}, ${localWhen(Date.parse(u.at), now)}`;
  const only = place.seats.length === 1 ? place.seats[0] : undefined;
  return (
    <li data-testid="unassigned-row" data-pool={u.pool}>
      <span class="what">
        {what}
        <span class="why" data-testid="unassigned-why">
          Waiting: {place.why}.
        </span>
      </span>
      <span class="choices">
        {place.seats.length === 0 ? (
          <button type="button" class="link" data-testid="set-up-pool" onClick={onSetUp}>
            Set up a {pool}seat
          </button>
        ) : (
          <>
            {place.seats.length > 1 && (
              <select
                aria-label={`Seat for the ${what}`}
                value={seat}
                onChange={(e) => setSeat((e.target as HTMLSelectElement).value)}
              >
                {place.seats.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </select>
            )}
            <button
              type="button"
              class="link"
              onClick={() => void run({ type: 'assign-unassigned', key: u.key, seat })}
              aria-label={`Add ${what} to ${only ? only.label : 'the chosen seat'}`}
            >
              {only ? `Add to ${only.label}` : 'Add'}
            </button>
          </>
        )}
        <button
          type="button"
          class="link"
          onClick={() => void run({ type: 'discard-unassigned', key: u.key })}
          aria-label={`Discard ${what}`}
        >
          Discard
        </button>
      </span>
    </li>
  );
}
