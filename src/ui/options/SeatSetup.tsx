// First-run onboarding (and "add a seat"): plan, the day credits arrive, time zone, and
// what LinkedIn shows now as the opening balance.

import { useState } from 'preact/hooks';
import { PLAN_IDS, PLANS, type PlanId } from '../../ledger/plans';
import type { Snapshot } from '../../messages/snapshot';
import { command } from '../command';
import { ago } from '../format';

type Seen = NonNullable<Snapshot['seenBeforeSetup']>[number];

/** The plan to propose for a pool LinkedIn's pages showed (the rep can pick another). */
const PLAN_OF_POOL: Record<string, PlanId> = {
  'sales-navigator': 'sales-navigator-core',
  premium: 'premium-business',
  recruiter: 'recruiter-lite',
};
const POOL_NAMES: Record<string, string> = {
  'sales-navigator': 'Sales Navigator',
  premium: 'LinkedIn Premium',
  recruiter: 'Recruiter',
};

/** The most recent reading of a pool with no seat yet. */
function latestSeen(seen: Seen[] | undefined): Seen | undefined {
  return [...(seen ?? [])]
    .filter((s) => s.balance)
    .sort((a, b) => Date.parse(b.balance?.at ?? '') - Date.parse(a.balance?.at ?? ''))[0];
}

const SELECTABLE = PLAN_IDS.filter((p) => p !== 'none');

function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Rule 1: Sales Navigator grants on the 1st in UTC; the others on the billing or contract day, locally. */
function proposal(plan: PlanId) {
  const spec = PLANS[plan];
  return {
    grantDay: spec.grantDay ?? new Date().getDate(),
    timeZone: spec.pool === 'sales-navigator' ? 'UTC' : browserZone(),
  };
}

export function SeatSetup({
  first,
  onDone,
  seen,
}: {
  first: boolean;
  onDone: (message: string) => void;
  /** What LinkedIn's pages showed before this pool had a seat. */
  seen?: Seen[];
}) {
  const proposed = latestSeen(seen);
  const initialPlan = (proposed && PLAN_OF_POOL[proposed.pool]) ?? 'sales-navigator-core';
  const [plan, setPlan] = useState<PlanId>(initialPlan);
  const [label, setLabel] = useState('');
  const [grantDay, setGrantDay] = useState(proposal(initialPlan).grantDay);
  const [timeZone, setTimeZone] = useState(proposal(initialPlan).timeZone);
  const [monthly, setMonthly] = useState('');
  const [balance, setBalance] = useState(proposed?.balance ? String(proposed.balance.value) : '');
  const reading = seen?.find((s) => s.pool === PLANS[plan].pool);
  const [error, setError] = useState<string | null>(null);
  const zones = Intl.supportedValuesOf?.('timeZone') ?? ['UTC'];

  const choosePlan = (next: PlanId) => {
    setPlan(next);
    const p = proposal(next);
    setGrantDay(p.grantDay);
    setTimeZone(p.timeZone);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const reply = await command({
      type: 'setup-seat',
      label: label.trim() || PLANS[plan].label,
      plan,
      timeZone,
      grantDay,
      ...(monthly.trim() ? { monthlyCredits: Number(monthly) } : {}),
      ...(balance.trim() ? { openingBalance: Number(balance) } : {}),
      ...(reading?.account ? { account: reading.account } : {}),
    });
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    setError(null);
    setLabel('');
    setBalance('');
    onDone(`Seat “${label.trim() || PLANS[plan].label}” is set up.`);
  };

  return (
    <form class="card setup" onSubmit={submit} data-testid="seat-setup">
      <h2>{first ? 'Set up your seat' : 'Add a seat'}</h2>
      {first && (
        <p class="muted">
          One seat is one credit pool: Sales Navigator, Premium and Recruiter credits never mix. Start with
          the one you use most; you can add others later.
        </p>
      )}
      <label>
        <span>Plan</span>
        <select
          name="plan"
          value={plan}
          onChange={(e) => choosePlan((e.target as HTMLSelectElement).value as PlanId)}
        >
          {SELECTABLE.map((p) => (
            <option key={p} value={p}>
              {PLANS[p].label} ({PLANS[p].monthlyCredits} a month)
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Name</span>
        <input
          name="label"
          value={label}
          placeholder={PLANS[plan].label}
          maxLength={120}
          onInput={(e) => setLabel((e.target as HTMLInputElement).value)}
        />
      </label>
      <label>
        <span>Credits arrive on day</span>
        <input
          name="grantDay"
          type="number"
          min={1}
          max={31}
          required
          value={grantDay}
          onInput={(e) => setGrantDay(Number((e.target as HTMLInputElement).value))}
        />
        <small class="muted">
          {PLANS[plan].grantDay === null
            ? 'Your billing or contract day.'
            : 'LinkedIn says the 1st; change it if yours differ.'}
        </small>
      </label>
      <label>
        <span>Time zone</span>
        <select
          name="timeZone"
          value={timeZone}
          onChange={(e) => setTimeZone((e.target as HTMLSelectElement).value)}
        >
          {[...new Set(['UTC', timeZone, ...zones])].map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </label>
      {plan === 'recruiter' && (
        <label>
          <span>Credits a month (your contract)</span>
          <input
            name="monthlyCredits"
            type="number"
            min={0}
            max={1000}
            value={monthly}
            placeholder="150"
            onInput={(e) => setMonthly((e.target as HTMLInputElement).value)}
          />
        </label>
      )}
      <label>
        <span>Credits LinkedIn shows now</span>
        <input
          name="openingBalance"
          data-testid="opening-balance"
          type="number"
          min={0}
          max={100000}
          required
          value={balance}
          onInput={(e) => setBalance((e.target as HTMLInputElement).value)}
        />
        {reading?.balance ? (
          <small class="seen" data-testid="seen-balance">
            LinkedIn showed {reading.balance.value} on {POOL_NAMES[reading.pool]}{' '}
            {ago(Date.parse(reading.balance.at), Date.now())}
            {balance !== String(reading.balance.value) && (
              <>
                {' '}
                <button type="button" class="link" onClick={() => setBalance(String(reading.balance?.value))}>
                  Use {reading.balance.value}
                </button>
              </>
            )}
            {reading.account ? ', signed in as the account its pages showed.' : '.'}
          </small>
        ) : (
          <small class="muted">
            In Sales Navigator: the InMail count in your inbox or the message composer.
          </small>
        )}
      </label>
      <button type="submit" class="primary" data-testid="setup-submit">
        {first ? 'Start counting' : 'Add seat'}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
