// Detections for a pool with no seat (or several): nothing is dropped; the rep says which
// seat each belongs to, or lets it go.

import { useState } from 'preact/hooks';
import type { Snapshot } from '../../messages/snapshot';
import { shortDate } from '../format';

const POOLS: Record<string, string> = {
  'sales-navigator': 'Sales Navigator',
  premium: 'Premium',
  recruiter: 'Recruiter',
};
const WHAT: Record<string, string> = {
  'inmail-sent': 'InMail',
  'reply-received': 'reply',
  'observed-balance': 'credit count',
};

interface Props {
  snapshot: Snapshot;
  timeZone: string;
  run: (
    message:
      | { type: 'assign-unassigned'; key: string; seat: string }
      | { type: 'discard-unassigned'; key: string },
  ) => Promise<boolean>;
}

export function Unassigned({ snapshot, timeZone, run }: Props) {
  const [seat, setSeat] = useState(snapshot.activeSeat ?? snapshot.seats[0]?.id ?? '');
  if (snapshot.unassigned.length === 0) return null;
  return (
    <section class="unassigned" aria-labelledby="unassigned-title" data-testid="unassigned">
      <h2 id="unassigned-title">Which seat?</h2>
      <label>
        <span>Add to</span>
        <select value={seat} onChange={(e) => setSeat((e.target as HTMLSelectElement).value)}>
          {snapshot.seats.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <ul>
        {snapshot.unassigned.map((u) => {
          const what = `${POOLS[u.pool] ?? u.pool} ${WHAT[u.type] ?? u.type}${u.recipient ? ` to ${u.recipient}` : ''}, ${shortDate(Date.parse(u.at), timeZone)}${u.account ? ' (signed in as another account)' : ''}`;
          return (
            <li key={u.key} data-testid="unassigned-row">
              <span>{what}</span>
              <button
                type="button"
                class="link"
                onClick={() => void run({ type: 'assign-unassigned', key: u.key, seat })}
                aria-label={`Add ${what} to the chosen seat`}
              >
                Add
              </button>
              <button
                type="button"
                class="link"
                onClick={() => void run({ type: 'discard-unassigned', key: u.key })}
                aria-label={`Discard ${what}`}
              >
                Discard
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
