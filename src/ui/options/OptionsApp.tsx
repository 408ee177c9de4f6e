// The options page: onboarding first (and what to do next), then seats, alerts, data and
// "How we count". Each message is said next to the control that caused it.

import { useState } from 'preact/hooks';
import type { Pool } from '../../ledger/plans';
import { LINKEDIN_ORIGIN, SALES_NAVIGATOR_HOME } from '../../linkedin/urls';
import { useSnapshot } from '../use-snapshot';
import { DataPanel, SettingsPanel } from './DataPanel';
import { HowWeCount } from './HowWeCount';
import { SeatList } from './SeatList';
import { SeatSetup } from './SeatSetup';
import { type Message, StatusLine } from './status';

/** Where the rep goes next after setting up a seat of each pool: the badge follows from there. */
const NEXT_STEPS: Record<Pool, { link: string; href: string }> = {
  'sales-navigator': { link: 'Open Sales Navigator', href: SALES_NAVIGATOR_HOME },
  premium: { link: 'Open LinkedIn Messaging', href: `${LINKEDIN_ORIGIN}messaging/` },
  recruiter: { link: 'Open Recruiter', href: `${LINKEDIN_ORIGIN}talent/home` },
};

export function OptionsApp() {
  const { snapshot, loaded } = useSnapshot();
  const [status, setStatus] = useState<Message | null>(null);
  const [setUp, setSetUp] = useState<{ label: string; pool: Pool } | null>(null);
  const hasSeats = (snapshot?.seats.length ?? 0) > 0;
  const hasData = hasSeats || (snapshot?.unassigned.length ?? 0) > 0;
  const done = (label: string, pool: Pool) => {
    setSetUp({ label, pool });
    setStatus({ place: 'setup', text: `“${label}” is set up.` });
  };
  return (
    <main class="options" aria-busy={!loaded}>
      <header>
        <h1>InMail Ledger</h1>
        <nav>
          <a href="#how-we-count">How we count</a>
        </nav>
      </header>
      {loaded && !hasSeats && (
        <SeatSetup
          key={JSON.stringify(snapshot?.seenBeforeSetup ?? [])}
          first
          onDone={done}
          seen={snapshot?.seenBeforeSetup}
        />
      )}
      {hasSeats && setUp && (
        <section class="card next-step" aria-labelledby="next-step-title" data-testid="next-step">
          <h2 id="next-step-title">Next step</h2>
          <StatusLine place="setup" status={status} />
          <p>
            <a href={NEXT_STEPS[setUp.pool].href} target="_blank" rel="noreferrer">
              {NEXT_STEPS[setUp.pool].link}
            </a>
            : the badge follows your sends.
          </p>
          <button type="button" onClick={() => setSetUp(null)}>
            Done
          </button>
        </section>
      )}
      {snapshot && hasSeats && (
        <>
          <SeatList snapshot={snapshot} notify={setStatus} status={status} />
          <SettingsPanel
            key={JSON.stringify(snapshot.settings)}
            settings={snapshot.settings}
            notify={setStatus}
            status={status}
          />
          <SeatSetup
            key={JSON.stringify(snapshot.seenBeforeSetup ?? [])}
            first={false}
            onDone={done}
            seen={snapshot.seenBeforeSetup}
          />
        </>
      )}
      {loaded && <DataPanel notify={setStatus} status={status} hasData={hasData} />}
      <HowWeCount />
    </main>
  );
}
