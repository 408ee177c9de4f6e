// Settings, and the ledger's data: export and import of the ledger file, CSV for a
// spreadsheet, delete everything. Files are made in the page: nothing leaves the browser.

import { useState } from 'preact/hooks';
import type { Settings } from '../../messages/settings';
import { command } from '../command';

type Notify = (message: string, isError?: boolean) => void;

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const today = () => new Date().toISOString().slice(0, 10);

export function SettingsPanel({ settings, notify }: { settings: Settings; notify: Notify }) {
  const [thresholds, setThresholds] = useState(settings.expiryThresholds.join(', '));
  const [horizon, setHorizon] = useState(String(settings.horizonDays));
  const [refunds, setRefunds] = useState(settings.notifyRefundWindows);
  const save = async (event: Event) => {
    event.preventDefault();
    const days = thresholds
      .split(/[,\s]+/)
      .filter(Boolean)
      .map(Number);
    const reply = await command({
      type: 'set-settings',
      settings: {
        expiryThresholds: [...new Set(days)].sort((a, b) => b - a),
        horizonDays: Number(horizon),
        notifyRefundWindows: refunds,
      },
    });
    notify(reply.ok ? 'Settings saved.' : `Settings not saved: ${reply.error}`, !reply.ok);
  };
  return (
    <form class="card" onSubmit={save} aria-labelledby="settings-title">
      <h2 id="settings-title">Alerts</h2>
      <label>
        <span>Notify this many days before credits expire</span>
        <input
          name="thresholds"
          value={thresholds}
          onInput={(e) => setThresholds((e.target as HTMLInputElement).value)}
        />
        <small class="muted">
          Comma-separated, e.g. 7, 2. One notification a day at most, naming everything due.
        </small>
      </label>
      <label>
        <span>“Soon” means within (days)</span>
        <input
          name="horizon"
          type="number"
          min={1}
          max={60}
          value={horizon}
          onInput={(e) => setHorizon((e.target as HTMLInputElement).value)}
        />
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={refunds}
          onChange={(e) => setRefunds((e.target as HTMLInputElement).checked)}
        />
        <span>Also tell me when refund windows close this week</span>
      </label>
      <button type="submit" class="primary">
        Save
      </button>
    </form>
  );
}

export function DataPanel({ notify }: { notify: Notify }) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const exportLedger = async () => {
    const reply = await command({ type: 'export-ledger' });
    if (!reply.ok) return notify(reply.error, true);
    download(`inmail-ledger-${today()}.json`, 'application/json', `${JSON.stringify(reply.file, null, 2)}\n`);
    notify('Ledger exported.');
  };
  const exportCsv = async () => {
    const reply = await command({ type: 'export-csv' });
    if (!reply.ok) return notify(reply.error, true);
    download(`inmail-ledger-${today()}.csv`, 'text/csv', `${reply.csv}\r\n`);
    notify('InMails exported as CSV.');
  };
  const importFile = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    const reply = await command({ type: 'import-ledger', text });
    input.value = '';
    if (!reply.ok) return notify(`Nothing was imported: ${reply.error}`, true);
    const counts = reply.imported;
    notify(`Imported ${counts.seats} seat(s) and ${counts.events} event(s) from ${file.name}.`);
  };
  return (
    <section class="card" aria-labelledby="data-title">
      <h2 id="data-title">Your data</h2>
      <p class="muted">
        The ledger lives in this browser only. Nothing is sent anywhere; an export is a file you keep.
      </p>
      <div class="buttons">
        <button type="button" onClick={exportLedger} data-testid="export-ledger">
          Export ledger (JSON)
        </button>
        <button type="button" onClick={exportCsv} data-testid="export-csv">
          Export InMails (CSV)
        </button>
        <label class="file">
          <span>Import a ledger file</span>
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import-ledger"
            onChange={importFile}
          />
        </label>
      </div>
      <div class="buttons">
        {confirmDelete ? (
          <>
            <button
              type="button"
              class="danger"
              onClick={async () => {
                const reply = await command({ type: 'delete-all' });
                setConfirmDelete(false);
                notify(reply.ok ? 'All data deleted.' : reply.error, !reply.ok);
              }}
            >
              Delete every seat and event
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              Keep my data
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmDelete(true)}>
            Delete all data…
          </button>
        )}
      </div>
    </section>
  );
}
