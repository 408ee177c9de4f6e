// Settings, and the ledger's data: export and import of the ledger file, CSV for a
// spreadsheet, delete everything. Files are made in the page: nothing leaves the browser.

import { useState } from 'preact/hooks';
import type { Settings } from '../../messages/settings';
import { command } from '../command';
import { count } from '../words';
import { type Message, type Notify, StatusLine } from './status';

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const today = () => new Date().toISOString().slice(0, 10);

export function SettingsPanel({
  settings,
  notify,
  status,
}: {
  settings: Settings;
  notify: Notify;
  status: Message | null;
}) {
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
    notify(
      reply.ok
        ? { place: 'settings', text: 'Settings saved.' }
        : { place: 'settings', text: 'Settings not saved.', detail: reply.error, error: true },
    );
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
      <StatusLine place="settings" status={status} />
    </form>
  );
}

/** The header of the InMails CSV export (src/background/csv-export.ts): for spreadsheets, not for import. */
const CSV_EXPORT_START = 'seat,sent_at,';

/** What a file that is not JSON looks like, in words. */
function looksLike(text: string): string {
  const start = text.trimStart();
  if (start === '') return 'The file is empty.';
  if (start.startsWith(CSV_EXPORT_START))
    return 'It is the InMails CSV export, which is for spreadsheets: import the JSON ledger export instead.';
  const firstLine = start.split(/\r?\n/, 1)[0] ?? '';
  if (/[,;\t]/.test(firstLine) && !/^[[{]/.test(start)) return 'It looks like a CSV file.';
  if (start.startsWith('<')) return 'It looks like a web page or an XML file.';
  return 'It is not a JSON file.';
}

/** Paths a ledger file's validation names (src/ledger/ledger-file.ts): the file's own mistakes. */
const FILE_PATH = /^(\(the file\)|format|version|exportedAt|seats|events)\b/;

/**
 * Why a file was not imported, in plain words, from the file itself and the background's error
 * (which stays as the detail line: the JSON path of the first bad field, or the conflict).
 */
export function importFailure(text: string, error: string): string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return `This is not an InMail Ledger export. ${looksLike(text)}`;
  }
  const format =
    typeof data === 'object' && data !== null ? (data as { format?: unknown }).format : undefined;
  if (format !== 'inmail-ledger')
    return 'This is not an InMail Ledger export. It looks like a JSON file from another program.';
  if (/is already (recorded with other content|set up with other terms)/.test(error))
    return 'This export disagrees with what the ledger already holds.';
  if (error.startsWith('version'))
    return 'This InMail Ledger export is from another version of the extension.';
  if (FILE_PATH.test(error)) return 'This InMail Ledger export has an entry that cannot be read.';
  return 'The import did not go through.';
}

export function DataPanel({
  notify,
  status,
  hasData,
}: {
  notify: Notify;
  status: Message | null;
  /** Seats or entries waiting for one: only then is there anything to delete. */
  hasData: boolean;
}) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const exportLedger = async () => {
    const reply = await command({ type: 'export-ledger' });
    if (!reply.ok)
      return notify({
        place: 'export',
        text: 'The ledger was not exported.',
        detail: reply.error,
        error: true,
      });
    const name = `inmail-ledger-${today()}.json`;
    download(name, 'application/json', `${JSON.stringify(reply.file, null, 2)}\n`);
    const { seats, events } = reply.file;
    notify({
      place: 'export',
      text: `Exported ${count(seats.length, 'seat')} and ${count(events.length, 'entry', 'entries')} to ${name}.`,
    });
  };
  const exportCsv = async () => {
    const reply = await command({ type: 'export-csv' });
    if (!reply.ok)
      return notify({
        place: 'export',
        text: 'The InMails were not exported.',
        detail: reply.error,
        error: true,
      });
    const name = `inmail-ledger-${today()}.csv`;
    download(name, 'text/csv', `${reply.csv}\r\n`);
    const rows = reply.csv.split('\r\n').length - 1;
    notify({ place: 'export', text: `Exported ${count(rows, 'InMail')} to ${name}.` });
  };
  const importFile = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    const reply = await command({ type: 'import-ledger', text });
    input.value = '';
    if (!reply.ok)
      return notify({
        place: 'import',
        text: importFailure(text, reply.error),
        detail: `Nothing was imported: ${reply.error}`,
        error: true,
      });
    const { seats, events } = reply.imported;
    notify({
      place: 'import',
      text:
        seats + events === 0
          ? `Nothing new in ${file.name}: the ledger already holds all of it.`
          : `Imported ${count(seats, 'seat')} and ${count(events, 'entry', 'entries')} from ${file.name}.`,
    });
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
      </div>
      <StatusLine place="export" status={status} />
      <div class="buttons">
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
      <StatusLine place="import" status={status} />
      {hasData && (
        <div class="buttons">
          {confirmDelete ? (
            <fieldset class="confirm danger-zone" data-testid="delete-confirm">
              <legend>Delete every seat, entry and setting in this browser?</legend>
              <p>This cannot be undone. Export the ledger first to keep a copy.</p>
              <div class="buttons">
                <button
                  type="button"
                  class="danger filled"
                  onClick={async () => {
                    const reply = await command({ type: 'delete-all' });
                    setConfirmDelete(false);
                    notify(
                      reply.ok
                        ? { place: 'delete', text: 'All data deleted.' }
                        : { place: 'delete', text: 'Nothing was deleted.', detail: reply.error, error: true },
                    );
                  }}
                >
                  Delete all data
                </button>
                <button type="button" onClick={() => setConfirmDelete(false)}>
                  Keep my data
                </button>
              </div>
            </fieldset>
          ) : (
            <button type="button" class="danger" onClick={() => setConfirmDelete(true)}>
              Delete all data…
            </button>
          )}
        </div>
      )}
      <StatusLine place="delete" status={status} />
    </section>
  );
}
