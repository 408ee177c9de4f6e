// The options page: onboarding first, then seats, alerts, data and "How we count".

import { useState } from 'preact/hooks';
import { useSnapshot } from '../use-snapshot';
import { DataPanel, SettingsPanel } from './DataPanel';
import { HowWeCount } from './HowWeCount';
import { SeatList } from './SeatList';
import { SeatSetup } from './SeatSetup';

export function OptionsApp() {
  const { snapshot, loaded } = useSnapshot();
  const [status, setStatus] = useState<{ message: string; error: boolean } | null>(null);
  const notify = (message: string, error = false) => setStatus({ message, error });
  const hasSeats = (snapshot?.seats.length ?? 0) > 0;
  return (
    <main class="options" aria-busy={!loaded}>
      <header>
        <h1>InMail Ledger</h1>
        <nav>
          <a href="#how-we-count">How we count</a>
        </nav>
      </header>
      <p class={status?.error ? 'status error' : 'status'} role="status" data-testid="options-status">
        {status?.message ?? ''}
      </p>
      {loaded && !hasSeats && (
        <SeatSetup
          key={JSON.stringify(snapshot?.seenBeforeSetup ?? [])}
          first
          onDone={(m) => notify(m)}
          seen={snapshot?.seenBeforeSetup}
        />
      )}
      {snapshot && hasSeats && (
        <>
          <SeatList snapshot={snapshot} notify={notify} />
          <SettingsPanel
            key={JSON.stringify(snapshot.settings)}
            settings={snapshot.settings}
            notify={notify}
          />
          <SeatSetup
            key={JSON.stringify(snapshot.seenBeforeSetup ?? [])}
            first={false}
            onDone={(m) => notify(m)}
            seen={snapshot.seenBeforeSetup}
          />
        </>
      )}
      {loaded && <DataPanel notify={notify} />}
      <HowWeCount />
    </main>
  );
}
