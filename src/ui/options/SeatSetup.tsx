// First-run onboarding (and "add a seat"): what LinkedIn shows now first (it becomes the opening
// balance), then the plan, the day credits arrive and the zone they are counted in.

import { useId, useState } from 'preact/hooks';
import { PLAN_IDS, PLANS, type PlanId, type Pool } from '../../ledger/plans';
import type { Snapshot } from '../../messages/snapshot';
import { command } from '../command';
import { ago } from '../words';

type Seen = NonNullable<Snapshot['seenBeforeSetup']>[number];

/** The plan to propose for a pool LinkedIn's pages showed (the rep can pick another). */
const PLAN_OF_POOL: Record<Pool, PlanId> = {
  'sales-navigator': 'sales-navigator-core',
  premium: 'premium-business',
  recruiter: 'recruiter-lite',
};
export const POOL_NAMES: Record<Pool, string> = {
  'sales-navigator': 'Sales Navigator',
  premium: 'LinkedIn Premium',
  recruiter: 'Recruiter',
};

/** Where each pool's count is shown on LinkedIn (docs/spec/LINKEDIN-SIGNALS.md). */
const COUNT_HINTS: Record<Pool, string> = {
  'sales-navigator':
    'In Sales Navigator: the InMail count in your inbox (“InMail credits: 149 left”) or in the message composer (“Use 1 of 150 InMail credits”).',
  premium:
    'On LinkedIn: the credits line of the InMail composer when you message someone from their profile (“Use 1 of 45 InMail credits”).',
  recruiter: 'In Recruiter: the InMail credits shown in the message composer.',
};

/** Which day of the month credits arrive, in the words of each pool (rule 1). */
const DAY_HINTS: Record<Pool, string> = {
  'sales-navigator':
    'LinkedIn says Sales Navigator credits arrive on the 1st; change it if yours come another day.',
  premium:
    'The day of the month your Premium subscription renews (LinkedIn’s Settings, under Subscriptions & payments).',
  recruiter: 'The day of the month your Recruiter contract started.',
};

/** The most recent reading of a pool with no seat yet. */
function latestSeen(seen: Seen[] | undefined): Seen | undefined {
  return [...(seen ?? [])]
    .filter((s) => s.balance)
    .sort((a, b) => Date.parse(b.balance?.at ?? '') - Date.parse(a.balance?.at ?? ''))[0];
}

const SELECTABLE = PLAN_IDS.filter((p) => p !== 'none');
const DAYS = Array.from({ length: 31 }, (_, k) => k + 1);

function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Rule 1: Sales Navigator grants on the 1st in UTC; the others on the billing or contract day,
 * in the browser's zone. That day is the rep's to say: nothing is proposed for it.
 */
function proposal(plan: PlanId): { grantDay: string; timeZone: string } {
  const spec = PLANS[plan];
  return {
    grantDay: spec.grantDay === null ? '' : String(spec.grantDay),
    timeZone: spec.pool === 'sales-navigator' ? 'UTC' : browserZone(),
  };
}

const poolOf = (plan: PlanId): Pool => PLANS[plan].pool as Pool;

export function SeatSetup({
  first,
  onDone,
  seen,
}: {
  first: boolean;
  /** The seat was set up: its name and pool (the page says what to do next). */
  onDone: (label: string, pool: Pool) => void;
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
  const pool = poolOf(plan);
  const reading = seen?.find((s) => s.pool === pool);
  const [error, setError] = useState<string | null>(null);
  const zones = Intl.supportedValuesOf?.('timeZone') ?? ['UTC'];
  const id = useId();

  const choosePlan = (next: PlanId) => {
    setPlan(next);
    const p = proposal(next);
    // A day the rep chose stays when the new plan also grants on the rep's day.
    if (PLANS[next].grantDay !== null || PLANS[plan].grantDay !== null) setGrantDay(p.grantDay);
    setTimeZone(p.timeZone);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (grantDay === '') {
      setError('Choose the day of the month your credits arrive.');
      return;
    }
    const name = label.trim() || PLANS[plan].label;
    const reply = await command({
      type: 'setup-seat',
      label: name,
      plan,
      timeZone,
      grantDay: Number(grantDay),
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
    onDone(name, pool);
  };

  return (
    <form class="card setup" onSubmit={submit} data-testid="seat-setup" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{first ? 'Set up your seat' : 'Add a seat'}</h2>
      {first && (
        <p class="muted">
          One seat is one credit pool: Sales Navigator, Premium and Recruiter credits never mix. Start with
          the one you use most; you can add others later.
        </p>
      )}
      <div class="field">
        <label for={`${id}-balance`}>Credits LinkedIn shows now</label>
        <input
          id={`${id}-balance`}
          name="openingBalance"
          data-testid="opening-balance"
          type="number"
          min={0}
          max={100000}
          required
          value={balance}
          aria-describedby={`${id}-balance-hint`}
          onInput={(e) => setBalance((e.target as HTMLInputElement).value)}
        />
        {reading?.balance ? (
          <small class="seen" id={`${id}-balance-hint`} data-testid="seen-balance">
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
          <small class="muted" id={`${id}-balance-hint`} data-testid="balance-hint">
            {COUNT_HINTS[pool]}
          </small>
        )}
      </div>
      <div class="field">
        <label for={`${id}-plan`}>Plan</label>
        <select
          id={`${id}-plan`}
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
      </div>
      <div class="field">
        <label for={`${id}-day`}>Monthly credit day</label>
        <select
          id={`${id}-day`}
          name="grantDay"
          required
          value={grantDay}
          aria-describedby={`${id}-day-hint`}
          onChange={(e) => setGrantDay((e.target as HTMLSelectElement).value)}
        >
          <option value="" disabled>
            Choose a day…
          </option>
          {DAYS.map((d) => (
            <option key={d} value={String(d)}>
              {d === 31 ? '31 (the last day in shorter months)' : d}
            </option>
          ))}
        </select>
        <small class="muted" id={`${id}-day-hint`} data-testid="day-hint">
          {DAY_HINTS[pool]}
        </small>
      </div>
      <div class="field">
        <label for={`${id}-zone`}>Counting time zone</label>
        <select
          id={`${id}-zone`}
          name="timeZone"
          value={timeZone}
          aria-describedby={`${id}-zone-hint`}
          onChange={(e) => setTimeZone((e.target as HTMLSelectElement).value)}
        >
          {[...new Set(['UTC', timeZone, ...zones])].map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <small class="muted" id={`${id}-zone-hint`} data-testid="zone-hint">
          Credits are counted by LinkedIn’s day in this zone; dates are shown in your own time.
          {pool === 'sales-navigator' ? ' LinkedIn counts Sales Navigator’s days in UTC.' : ''}
        </small>
      </div>
      {plan === 'recruiter' && (
        <div class="field">
          <label for={`${id}-monthly`}>Credits a month (your contract)</label>
          <input
            id={`${id}-monthly`}
            name="monthlyCredits"
            type="number"
            min={0}
            max={1000}
            value={monthly}
            placeholder="150"
            onInput={(e) => setMonthly((e.target as HTMLInputElement).value)}
          />
        </div>
      )}
      <div class="field">
        <label for={`${id}-label`}>Name</label>
        <input
          id={`${id}-label`}
          name="label"
          value={label}
          placeholder={PLANS[plan].label}
          maxLength={120}
          onInput={(e) => setLabel((e.target as HTMLInputElement).value)}
        />
      </div>
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
